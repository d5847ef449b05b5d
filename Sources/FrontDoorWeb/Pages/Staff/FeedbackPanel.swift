/// The case page's section for a compliment or a comment: which service it is about and the
/// team it is with, and a form to pass it to the team that runs the service.
public struct FeedbackPanel: Sendable {
    public struct Pass: Sendable {
        public var action: String
        public var csrfToken: String
        public var version: String
        public var service: Select
        public var save: Button
    }

    public var heading: String
    public var summary: SummaryList
    public var pass: Pass?
}
