/// GOV.UK confirmation panel: the end of a transaction, with the reference to quote.
public struct Panel: Sendable {
    public var titleText: String
    public var text: String?
    public var reference: String?

    public init(titleText: String, text: String? = nil, reference: String? = nil) {
        self.titleText = titleText
        self.text = text
        self.reference = reference
    }
}
