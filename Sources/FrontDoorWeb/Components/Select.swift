/// GOV.UK select (use radios where there are few options; a select suits long lists).
public struct Select: Sendable {
    public struct Item: Sendable {
        public var value: String
        public var text: String
        public var selected: Bool
    }

    public var id: String
    public var name: String
    public var label: Label
    public var hint: Hint?
    public var errorMessage: ErrorMessage?
    public var describedBy: String?
    public var items: [Item]

    public init(id: String, name: String? = nil, label: Label, hint: String? = nil, error: String? = nil,
                options: [(value: String, text: String)], selected: String? = nil) {
        let description = FieldDescription(id: id, hint: hint, error: error)
        self.id = id
        self.name = name ?? id
        self.label = label
        self.hint = description.hint
        self.errorMessage = description.errorMessage
        self.describedBy = description.describedBy
        self.items = options.map { Item(value: $0.value, text: $0.text, selected: $0.value == selected) }
    }
}
