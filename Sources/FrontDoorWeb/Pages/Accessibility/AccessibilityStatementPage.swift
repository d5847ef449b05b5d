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

    public init(council: Council?, chrome: PageChrome) {
        self.chrome = chrome
        self.organisationName = council?.name ?? "This organisation"
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
        self.statementPrepared = "This statement was prepared on 22 November 2026. It is reviewed with every release of FrontDoor."
    }
}
