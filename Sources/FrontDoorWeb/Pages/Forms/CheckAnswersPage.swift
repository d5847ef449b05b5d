/// Check your answers, then send (GOV.UK pattern): every answer with a link to change it.
public struct CheckAnswersPage: PageModel {
    public static let template = "form-check-answers"

    public var chrome: PageChrome
    public var backLink: BackLink
    public var errorSummary: ErrorSummary?
    public var caption: String
    public var heading: String
    public var answers: SummaryList
    /// Open reports of the same kind close by: it may already be known about.
    public struct Nearby: Sendable {
        public var text: String
        /// For a resident: follow that report instead of sending this one.
        public var followAction: String?
        public var followButton: Button
    }

    public var nearby: [Nearby]
    public var hasNearby: Bool
    public var canFollow: Bool
    /// For advisors: whom the request is for and how it came in.
    public var onBehalfOf: String?
    public var action: String
    public var csrfToken: String
    public var submit: Button

    init(chrome: PageChrome, backHref: String, caption: String, answers: SummaryList, nearby: [Nearby] = [], onBehalfOf: String? = nil,
         action: String, csrfToken: String, errors: [FieldError] = [], language: SiteLanguage = .english) {
        self.chrome = chrome
        self.backLink = BackLink(href: backHref, text: L("back", language))
        self.errorSummary = errors.isEmpty ? nil : ErrorSummary(errors: errors)
        self.caption = caption
        self.heading = L("check_heading", language)
        self.answers = answers
        self.nearby = nearby
        self.hasNearby = !nearby.isEmpty
        self.canFollow = nearby.contains { $0.followAction != nil }
        self.onBehalfOf = onBehalfOf
        self.action = action
        self.csrfToken = csrfToken
        self.submit = Button(L("check_submit", language))
    }
}

/// After sending: the confirmation panel, what happens next, and the answers as sent.
public struct SubmittedFormPage: PageModel {
    public static let template = "form-submitted"

    public var chrome: PageChrome
    public var panel: Panel?
    public var heading: String?
    public var whatHappensNext: String
    public var answers: SummaryList
    public var links: [Link]

    public struct Link: Sendable {
        public var href: String
        public var text: String
    }

    init(chrome: PageChrome, panel: Panel?, heading: String?, whatHappensNext: String, answers: SummaryList, links: [Link]) {
        self.chrome = chrome
        self.panel = panel
        self.heading = heading
        self.whatHappensNext = whatHappensNext
        self.answers = answers
        self.links = links
    }
}

/// A service's start page: what it is for, what happens next, the published standard, Start now.
public struct ServiceStartPage: PageModel {
    public static let template = "service-start"

    public var chrome: PageChrome
    public var heading: String
    public var description: String
    public var standard: String
    public var needsAccount: Bool
    public var signInHref: String?
    public var action: String?
    public var csrfToken: String
    public var start: Button
    public var otherWays: String?
    /// For a service residents may use without an account: the email form that sends the link.
    public var guest: GuestStart?
    public var errorSummary: ErrorSummary?

    public struct GuestStart: Sendable {
        public var action: String
        public var csrfToken: String
        public var email: TextInput
        public var button: Button
    }

    init(chrome: PageChrome, heading: String, description: String, standard: String, needsAccount: Bool, signInHref: String?,
         action: String?, csrfToken: String, otherWays: String?, guest: GuestStart? = nil, language: SiteLanguage = .english) {
        self.chrome = chrome
        self.guest = guest
        self.errorSummary = guest?.email.errorMessage.map { ErrorSummary(errors: [FieldError(fieldID: "guest-email", message: $0.text)]) }
        self.heading = heading
        self.description = description
        self.standard = standard
        self.needsAccount = needsAccount
        self.signInHref = signInHref
        self.action = action
        self.csrfToken = csrfToken
        self.start = Button(L("service_start", language), isStartButton: true)
        self.otherWays = otherWays
    }
}
