extension FieldDefinition.Kind {
    /// How the kind reads to a forms officer.
    public var displayName: String {
        switch self {
        case .shortText: "Short text"
        case .longText: "Long text"
        case .number: "Number"
        case .email: "Email address"
        case .ukPhone: "UK phone number"
        case .ukPostcode: "UK postcode"
        case .date: "Date"
        case .singleChoice: "Choose one option"
        case .multipleChoice: "Choose any options"
        case .yesNo: "Yes or no"
        case .address: "Address (postcode lookup)"
        case .mapLocation: "Location (map, or a description)"
        case .fileUpload: "File upload (photo or PDF)"
        case .hidden: "Hidden (filled in automatically)"
        }
    }

    /// Kinds whose answers another question's condition can test.
    public var canBeConditionedOn: Bool {
        [.singleChoice, .multipleChoice, .yesNo, .shortText].contains(self)
    }
}
