/// A page that tells the person what happened and what to do next ("Check your email", "This
/// link has expired"), with at most one action: a link, or a one-button form.
public struct ResidentMessagePage: PageModel {
    public static let template = "resident-message"

    public var chrome: PageChrome
    public var heading: String
    public var paragraphs: [String]
    public var link: PageChrome.FooterLink?
    /// A form with a single button (resend a link) and its hidden token, if any.
    public var form: ButtonForm?

    public struct ButtonForm: Sendable {
        public var action: String
        public var csrfToken: String
        public var button: Button
    }

    public init(chrome: PageChrome, heading: String, paragraphs: [String], link: PageChrome.FooterLink? = nil, form: ButtonForm? = nil) {
        self.chrome = chrome
        self.heading = heading
        self.paragraphs = paragraphs
        self.link = link
        self.form = form
    }
}

/// The page an emailed link opens. The change happens only when the person presses the button:
/// mail scanners open links to check them, and must not use up a single-use link by doing so.
public struct ConfirmLinkPage: PageModel {
    public static let template = "resident-confirm-link"

    public var chrome: PageChrome
    public var heading: String
    public var explanation: String
    public var action: String
    public var csrfToken: String
    public var token: String
    public var submit: Button

    public init(chrome: PageChrome, heading: String, explanation: String, action: String, csrfToken: String, token: String, buttonText: String) {
        self.chrome = chrome
        self.heading = heading
        self.explanation = explanation
        self.action = action
        self.csrfToken = csrfToken
        self.token = token
        self.submit = Button(buttonText)
    }
}
