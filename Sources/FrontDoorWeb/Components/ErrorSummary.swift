/// GOV.UK error summary: at the top of the page, each error a link to its field.
public struct ErrorSummary: Sendable {
    public struct Item: Sendable {
        public var text: String
        public var href: String
    }

    /// Nil for the usual "There is a problem", in the page's language.
    public var titleText: String?
    public var errorList: [Item]

    public init(titleText: String? = nil, errors: [FieldError]) {
        self.titleText = titleText
        self.errorList = errors.map { Item(text: $0.message, href: "#\($0.fieldID)") }
    }
}

/// One validation failure: which field (its element id) and the message shown twice,
/// in the summary and next to the field.
public struct FieldError: Sendable, Equatable {
    public var fieldID: String
    public var message: String

    public init(fieldID: String, message: String) {
        self.fieldID = fieldID
        self.message = message
    }
}
