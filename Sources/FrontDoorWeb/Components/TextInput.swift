/// GOV.UK text input.
public struct TextInput: Sendable {
    public var id: String
    public var name: String
    public var type: String
    public var label: Label
    public var hint: Hint?
    public var errorMessage: ErrorMessage?
    public var describedBy: String?
    public var value: String?
    public var autocomplete: String?
    public var inputmode: String?
    /// "true" or "false" when set: mustache cannot tell a false Bool from a missing one.
    public var spellcheckAttribute: String?
    /// A width class such as `fd-input--width-10`; empty for full width.
    public var widthClass: String

    public init(id: String, name: String? = nil, label: Label, type: String = "text", hint: String? = nil,
                error: String? = nil, value: String? = nil, autocomplete: String? = nil,
                inputmode: String? = nil, spellcheck: Bool? = nil, widthClass: String = "") {
        let description = FieldDescription(id: id, hint: hint, error: error)
        self.id = id
        self.name = name ?? id
        self.type = type
        self.label = label
        self.hint = description.hint
        self.errorMessage = description.errorMessage
        self.describedBy = description.describedBy
        self.value = value
        self.autocomplete = autocomplete
        self.inputmode = inputmode
        self.spellcheckAttribute = spellcheck.map { $0 ? "true" : "false" }
        self.widthClass = widthClass
    }
}
