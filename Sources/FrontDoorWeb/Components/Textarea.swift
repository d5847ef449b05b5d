/// GOV.UK textarea.
public struct Textarea: Sendable {
    public var id: String
    public var name: String
    public var label: Label
    public var hint: Hint?
    public var errorMessage: ErrorMessage?
    public var describedBy: String?
    public var value: String?
    public var rows: Int
    public var autocomplete: String?

    public init(id: String, name: String? = nil, label: Label, hint: String? = nil, error: String? = nil,
                value: String? = nil, rows: Int = 5, autocomplete: String? = nil) {
        let description = FieldDescription(id: id, hint: hint, error: error)
        self.id = id
        self.name = name ?? id
        self.label = label
        self.hint = description.hint
        self.errorMessage = description.errorMessage
        self.describedBy = description.describedBy
        self.value = value
        self.rows = rows
        self.autocomplete = autocomplete
    }
}
