import FrontDoorDomain

/// The accessibility statement required by the Public Sector Bodies (Websites and Mobile
/// Applications) (No. 2) Accessibility Regulations 2018, in GOV.UK's model structure.
public struct AccessibilityStatementPage: PageModel {
    public static let template = "accessibility"

    public var chrome: PageChrome
    public var organisationName: String
    public var contactPhone: String?
    public var contactEmail: String?
    public var openingHours: String?
    public var enforcementBody: String
    public var enforcementBodyURL: String
    public var advisoryServiceName: String
    public var advisoryServiceURL: String
    public var statementPrepared: String
    public var appliesTo: String
    public var enforcement: String
    public var committed: String

    public init(council: Council?, chrome: PageChrome) {
        self.chrome = chrome
        let language = SiteLanguage(rawValue: chrome.lang) ?? .english
        self.organisationName = council?.name ?? L("a11y_this_organisation", language)
        self.contactPhone = council?.contact.phone
        self.contactEmail = council?.contact.email
        self.openingHours = council?.contact.openingHours
        // The regulations are enforced by the EHRC in Great Britain and by the ECNI in
        // Northern Ireland; residents are pointed to the advisory service for their nation.
        if council?.nation == .northernIreland {
            enforcementBody = "Equality Commission for Northern Ireland (ECNI)"
            enforcementBodyURL = "https://www.equalityni.org/Home"
            advisoryServiceName = "Equality Commission for Northern Ireland"
            advisoryServiceURL = "https://www.equalityni.org/Home"
        } else {
            enforcementBody = "Equality and Human Rights Commission (EHRC)"
            enforcementBodyURL = "https://www.equalityhumanrights.com/"
            advisoryServiceName = "Equality Advisory and Support Service (EASS)"
            advisoryServiceURL = "https://www.equalityadvisoryservice.com/"
        }
        self.statementPrepared = L("a11y_prepared", language, ["date": UKDateFormat.date(year: 2026, month: 11, day: 22, language)])
        self.appliesTo = L("a11y_applies", language, ["organisation": organisationName])
        self.enforcement = L("a11y_enforcement", language, ["body": enforcementBody])
        self.committed = L("a11y_committed", language, ["organisation": organisationName])
    }
}
