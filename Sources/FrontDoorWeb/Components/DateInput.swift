/// GOV.UK date input: day, month and year boxes in one fieldset.
public struct DateInput: Sendable {
    public struct Item: Sendable {
        public var id: String
        public var name: String
        public var label: String
        public var value: String?
        public var widthClass: String
        public var hasError: Bool
        public var autocomplete: String?
    }

    public enum Part: String, Sendable, CaseIterable { case day, month, year }

    public var id: String
    public var fieldset: Fieldset
    public var hint: Hint?
    public var errorMessage: ErrorMessage?
    public var describedBy: String?
    public var items: [Item]

    /// `erroneousParts` marks which boxes get the error style (GOV.UK: only the wrong ones,
    /// or all three when the whole date is wrong). `isDateOfBirth` adds bday autocomplete.
    public init(id: String, fieldset: Fieldset, hint: String? = nil, error: String? = nil,
                day: String? = nil, month: String? = nil, year: String? = nil,
                erroneousParts: Set<Part> = [], isDateOfBirth: Bool = false) {
        let description = FieldDescription(id: id, hint: hint, error: error)
        self.id = id
        self.fieldset = fieldset
        self.hint = description.hint
        self.errorMessage = description.errorMessage
        self.describedBy = description.describedBy
        let values: [Part: String?] = [.day: day, .month: month, .year: year]
        let labels: [Part: String] = [.day: "Day", .month: "Month", .year: "Year"]
        let everyPartWrong = error != nil && erroneousParts.isEmpty
        self.items = Part.allCases.map { part in
            Item(id: part == .day ? id : "\(id)-\(part.rawValue)", name: "\(id)-\(part.rawValue)",
                 label: labels[part]!, value: values[part] ?? nil,
                 widthClass: part == .year ? "fd-input--width-4" : "fd-input--width-2",
                 hasError: everyPartWrong || erroneousParts.contains(part),
                 autocomplete: isDateOfBirth ? "bday-\(part.rawValue)" : nil)
        }
    }
}
