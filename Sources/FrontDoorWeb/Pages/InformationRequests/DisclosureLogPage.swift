/// The council's Freedom of Information disclosure log: answered FOI and EIR requests, as the
/// officers redacted them for publishing.
public struct DisclosureLogPage: PageModel {
    public static let template = "disclosure-log"

    public struct Entry: Sendable {
        /// The heading's id, so a link can point at one answer.
        public var anchor: String
        public var heading: String
        public var details: SummaryList
        public var request: String
        public var response: String
        public var withheld: String?
    }

    public var chrome: PageChrome
    public var entries: [Entry]
    public var hasEntries: Bool
    /// The council's form for asking for information, when it has one.
    public var askHref: String?

    init(chrome: PageChrome, entries: [Entry], askHref: String?) {
        self.chrome = chrome
        self.entries = entries
        self.hasEntries = !entries.isEmpty
        self.askHref = askHref
    }
}
