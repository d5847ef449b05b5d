/// Everything the base layout needs: the GOV.UK template's parameters (title, language,
/// header, phase banner, footer) for one council, or for the deployment when no council applies.
public struct PageChrome: Sendable {
    public struct FooterLink: Sendable {
        public var href: String
        public var text: String
    }

    public struct PhaseBanner: Sendable {
        public var tag: String
        public var feedbackHref: String
    }

    /// The `<title>`: "Error: " first when the page shows errors (GOV.UK pattern), then page, then council.
    public var title: String
    public var lang: String
    /// The header's name: the council's, or "FrontDoor" before one is chosen.
    public var serviceOwnerName: String
    public var homeHref: String
    public var stylesheetHref: String
    /// Enhancements only (every page works without it); deferred, so it never delays the page.
    public var scriptHref: String
    /// Per-council colours; served as a stylesheet so the Content-Security-Policy can forbid inline styles.
    public var brandStylesheetHref: String?
    public var phaseBanner: PhaseBanner
    public var footerLinks: [FooterLink]
    public var contact: ContactLines?

    /// "Is this page useful?" at the foot of every resident page: two buttons in a plain form.
    public struct PageFeedbackForm: Sendable {
        public var action: String
        public var csrfToken: String
        public var pagePath: String
        public var yes: Button
        public var no: Button
    }

    public var feedback: PageFeedbackForm?

    public struct ContactLines: Sendable {
        public var phone: String
        public var email: String
        public var openingHours: String
        public var address: String
    }

    public init(pageTitle: String, hasErrors: Bool = false, serviceOwnerName: String, basePath: String,
                brandStylesheetHref: String?, contact: ContactLines?, lang: String = "en") {
        let name = pageTitle == serviceOwnerName ? pageTitle : "\(pageTitle) – \(serviceOwnerName)"
        self.title = (hasErrors ? "Error: " : "") + name
        self.lang = lang
        self.serviceOwnerName = serviceOwnerName
        self.homeHref = basePath + "/"
        self.stylesheetHref = "/assets/frontdoor.css"
        self.scriptHref = "/assets/frontdoor.js"
        self.brandStylesheetHref = brandStylesheetHref
        self.phaseBanner = PhaseBanner(tag: "Beta", feedbackHref: basePath + "/accessibility#contact")
        self.footerLinks = [
            FooterLink(href: basePath + "/accessibility", text: "Accessibility statement"),
            FooterLink(href: basePath + "/components", text: "Design system components"),
            FooterLink(href: basePath + "/account", text: "Your account"),
            FooterLink(href: basePath + "/staff/sign-in", text: "Staff sign in"),
        ]
        self.contact = contact
    }
}
