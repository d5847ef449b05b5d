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

    /// The other language, where the page offers it: a link to the same page in it.
    public struct LanguageSwitch: Sendable {
        public var href: String
        public var text: String
        public var lang: String
    }

    public var languageSwitch: LanguageSwitch?
    /// The council's live service alerts, in one "Service alerts" banner.
    public var serviceAlerts: ServiceAlertBanner?
    /// Staff who take calls: where their call screen listens, and the page that lists the same calls.
    public var callScreen: CallScreen?

    public struct CallScreen: Sendable {
        public var socketPath: String
        public var callsHref: String
    }

    public init(pageTitle: String, hasErrors: Bool = false, serviceOwnerName: String, basePath: String,
                brandStylesheetHref: String?, contact: ContactLines?, language: SiteLanguage = .english) {
        let name = pageTitle == serviceOwnerName ? pageTitle : "\(pageTitle) – \(serviceOwnerName)"
        self.title = (hasErrors ? L("error_title_prefix", language) : "") + name
        self.lang = language.rawValue
        self.serviceOwnerName = serviceOwnerName
        self.homeHref = basePath + "/"
        self.stylesheetHref = "/assets/frontdoor.css"
        self.scriptHref = "/assets/frontdoor.js"
        self.brandStylesheetHref = brandStylesheetHref
        self.phaseBanner = PhaseBanner(tag: L("layout_phase_tag", language), feedbackHref: basePath + "/accessibility#contact")
        self.footerLinks = [
            FooterLink(href: basePath + "/accessibility", text: L("layout_footer_accessibility", language)),
            FooterLink(href: basePath + "/components", text: L("layout_footer_components", language)),
            FooterLink(href: basePath + "/account", text: L("layout_footer_account", language)),
            FooterLink(href: basePath + "/staff/sign-in", text: L("layout_footer_staff", language)),
        ]
        // A council's own learning and disclosures; the deployment's pages (no council chosen) have none to show.
        if contact != nil {
            footerLinks.insert(FooterLink(href: basePath + "/you-said-we-did", text: L("layout_footer_you_said", language)), at: 1)
            footerLinks.insert(FooterLink(href: basePath + "/disclosure-log", text: L("layout_footer_disclosure_log", language)), at: 2)
            footerLinks.insert(FooterLink(href: basePath + "/our-performance", text: L("layout_footer_our_performance", language)), at: 3)
        }
        self.contact = contact
    }
}
