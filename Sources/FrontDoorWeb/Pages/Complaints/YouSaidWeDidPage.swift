/// "You said, we did": what the council changed because of complaints, as its complaints
/// officers published it (never who complained).
public struct YouSaidWeDidPage: PageModel {
    public static let template = "you-said-we-did"

    public struct Change: Sendable {
        public var serviceName: String
        public var youSaid: String
        public var weDid: String
        public var done: String
    }

    public var chrome: PageChrome
    public var changes: [Change]
    public var hasChanges: Bool
    public var reportHref: String
    /// The council's complaint form, when it has one.
    public var complainHref: String?

    init(chrome: PageChrome, changes: [Change], reportHref: String, complainHref: String?) {
        self.chrome = chrome
        self.changes = changes
        self.hasChanges = !changes.isEmpty
        self.reportHref = reportHref
        self.complainHref = complainHref
    }
}
