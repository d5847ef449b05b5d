/// One option of a radios or checkboxes component.
public struct ChoiceItem: Sendable {
    public var id: String
    public var value: String
    public var text: String
    public var hint: Hint?
    public var checked: Bool

    public init(id: String, value: String, text: String, hint: String? = nil, checked: Bool = false) {
        self.id = id
        self.value = value
        self.text = text
        self.hint = hint.map { Hint(id: "\(id)-item-hint", text: $0) }
        self.checked = checked
    }
}

/// The shape radios and checkboxes share: a fieldset of choices with one name.
public struct ChoiceGroup: Sendable {
    public var idPrefix: String
    public var name: String
    public var fieldset: Fieldset
    public var hint: Hint?
    public var errorMessage: ErrorMessage?
    public var describedBy: String?
    public var items: [ChoiceItem]
    public var isInline: Bool

    /// `items` are built from (value, text, hint) with ids `idPrefix`, `idPrefix-2`, …:
    /// the first id equals the prefix so an error summary link lands on the first option.
    public init(idPrefix: String, name: String? = nil, fieldset: Fieldset, hint: String? = nil,
                error: String? = nil, options: [(value: String, text: String, hint: String?)],
                selected: Set<String> = [], isInline: Bool = false) {
        let description = FieldDescription(id: idPrefix, hint: hint, error: error)
        self.idPrefix = idPrefix
        self.name = name ?? idPrefix
        self.fieldset = fieldset
        self.hint = description.hint
        self.errorMessage = description.errorMessage
        self.describedBy = description.describedBy
        self.items = options.enumerated().map { index, option in
            ChoiceItem(id: index == 0 ? idPrefix : "\(idPrefix)-\(index + 1)", value: option.value,
                       text: option.text, hint: option.hint, checked: selected.contains(option.value))
        }
        self.isInline = isInline
    }
}

/// GOV.UK radios: choose one.
public struct Radios: Sendable {
    public var group: ChoiceGroup
    public init(_ group: ChoiceGroup) { self.group = group }
}

/// GOV.UK checkboxes: choose any.
public struct Checkboxes: Sendable {
    public var group: ChoiceGroup
    public init(_ group: ChoiceGroup) { self.group = group }
}
