/// Managers' view of "Is this page useful?" answers.
public struct PageFeedbackReportPage: PageModel {
    public static let template = "staff-page-feedback"

    public struct Period: Sendable {
        public var href: String
        public var text: String
        public var isCurrent: Bool
    }

    public var chrome: PageChrome
    public var backLink: BackLink
    public var periods: [Period]
    public var heading: String
    public var pages: Table?
    public var comments: Table?
    public var csvHref: String?
}
