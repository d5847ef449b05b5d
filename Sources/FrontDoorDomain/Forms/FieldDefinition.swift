/// One question on a service's form. The same definition renders the resident's page and the
/// advisor's, validates both, and is what the APIs publish.
public struct FieldDefinition: Hashable, Sendable, Codable {
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
        case shortText = "short-text"
        case longText = "long-text"
        case number
        case email
        case ukPhone = "uk-phone"
        case ukPostcode = "uk-postcode"
        case date
        case singleChoice = "single-choice"
        case multipleChoice = "multiple-choice"
        case yesNo = "yes-no"
        /// A gazetteer property (a UPRN), or typed address lines when the lookup does not find it.
        case address
        /// A point on the map, or, without JavaScript, a description of the place.
        case mapLocation = "map-location"
        case fileUpload = "file-upload"
        /// Not asked: filled in by the form itself (the channel, a campaign code).
        case hidden
    }

    public struct Option: Hashable, Sendable, Codable {
        public var value: String
        public var label: String

        public init(value: String, label: String) {
            self.value = value
            self.label = label
        }
    }

    /// Show this question only when another one's answer is `equals` (for multiple choice: includes it).
    public struct Condition: Hashable, Sendable, Codable {
        public var fieldID: String
        public var equals: String

        public init(fieldID: String, equals: String) {
            self.fieldID = fieldID
            self.equals = equals
        }
    }

    public var id: String
    public var kind: Kind
    public var label: String
    /// How error messages name the answer ("the registration number"): GOV.UK's messages say
    /// "Enter the registration number", not "This field is required".
    public var errorName: String
    public var hint: String?
    public var isRequired: Bool
    public var minimumLength: Int?
    public var maximumLength: Int?
    public var minimum: Double?
    public var maximum: Double?
    /// A regular expression the whole answer must match, and what to say when it does not.
    public var pattern: String?
    public var patternMessage: String?
    public var options: [Option]
    public var condition: Condition?
    /// For file uploads: the largest file, and the content types allowed.
    public var maximumFileBytes: Int?
    public var allowedContentTypes: [String]
    /// For hidden fields: the value they carry.
    public var fixedValue: String?

    public init(id: String, kind: Kind, label: String, errorName: String? = nil, hint: String? = nil, isRequired: Bool = true, minimumLength: Int? = nil,
                maximumLength: Int? = nil, minimum: Double? = nil, maximum: Double? = nil, pattern: String? = nil,
                patternMessage: String? = nil, options: [Option] = [], condition: Condition? = nil, maximumFileBytes: Int? = nil,
                allowedContentTypes: [String] = [], fixedValue: String? = nil) {
        self.id = id
        self.kind = kind
        self.label = label
        self.errorName = errorName ?? Self.defaultErrorName(label)
        self.hint = hint
        self.isRequired = isRequired
        self.minimumLength = minimumLength
        self.maximumLength = maximumLength
        self.minimum = minimum
        self.maximum = maximum
        self.pattern = pattern
        self.patternMessage = patternMessage
        self.options = options
        self.condition = condition
        self.maximumFileBytes = maximumFileBytes
        self.allowedContentTypes = allowedContentTypes
        self.fixedValue = fixedValue
    }

    /// "What is the registration number?" becomes "the registration number" when no better name is given.
    public static func defaultErrorName(_ label: String) -> String {
        var name = label.trimmingCharacters(in: .whitespaces)
        for prefix in ["What is ", "What are ", "What was "] where name.hasPrefix(prefix) {
            name = String(name.dropFirst(prefix.count))
        }
        if name.hasSuffix("?") { name.removeLast() }
        guard let first = name.first else { return "an answer" }
        return first.lowercased() + name.dropFirst()
    }

    /// Uploads default to photos and PDFs up to 10 MB: what residents send of a fault or a letter.
    public static let defaultContentTypes = ["image/jpeg", "image/png", "image/heic", "application/pdf"]
    public static let defaultMaximumFileBytes = 10 * 1024 * 1024
}
