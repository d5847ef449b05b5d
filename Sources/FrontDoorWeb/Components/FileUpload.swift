/// GOV.UK file upload. `currentFile` names the file already sent, so a resident going back
/// to the page knows they need not choose it again.
public struct FileUpload: Sendable {
    public var id: String
    public var name: String
    public var label: Label
    public var hint: Hint?
    public var errorMessage: ErrorMessage?
    public var describedBy: String?
    /// The `accept` attribute: a hint to the browser's file chooser, never trusted by the server.
    public var accept: String
    public var currentFile: String?

    public init(id: String, name: String? = nil, label: Label, hint: String? = nil, error: String? = nil,
                accept: [String] = [], currentFile: String? = nil) {
        let description = FieldDescription(id: id, hint: hint, error: error)
        self.id = id
        self.name = name ?? id
        self.label = label
        self.hint = description.hint
        self.errorMessage = description.errorMessage
        self.describedBy = description.describedBy
        self.accept = accept.joined(separator: ",")
        self.currentFile = currentFile
    }
}

/// GOV.UK back link: to the previous page of a journey.
public struct BackLink: Sendable {
    public var href: String
    public var text: String

    public init(href: String, text: String = "Back") {
        self.href = href
        self.text = text
    }
}
