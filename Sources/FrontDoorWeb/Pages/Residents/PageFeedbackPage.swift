/// After "Is this page useful?": thanks, and a box to say more.
public struct PageFeedbackPage: PageModel {
    public static let template = "page-feedback"

    public struct CommentForm: Sendable {
        public var action: String
        public var csrfToken: String
        public var comment: Textarea
        public var button: Button
    }

    public var chrome: PageChrome
    public var errorSummary: ErrorSummary?
    public var heading: String
    public var form: CommentForm?
    public var backHref: String
}
