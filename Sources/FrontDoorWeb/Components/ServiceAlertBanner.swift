import FrontDoorDomain

/// A live alert as pages show it: what it says and what it is about.
public struct LiveServiceAlert: Sendable, Equatable {
    public var title: String
    public var message: String
    /// "Bin collections, Riverside ward"; empty for an alert about everything everywhere.
    public var about: String

    public init(title: String, message: String, about: String) {
        self.title = title
        self.message = message
        self.about = about
    }
}

/// The GOV.UK notification banner ("Important" style) holding every live alert: one region,
/// labelled "Service alerts", so a page has one such landmark however many alerts there are.
public struct ServiceAlertBanner: Sendable {
    public struct Item: Sendable {
        public var title: String
        public var message: String
        public var about: String?
    }

    public var title: String
    public var items: [Item]

    public init?(_ alerts: [LiveServiceAlert], language: SiteLanguage) {
        guard !alerts.isEmpty else { return nil }
        title = L("alerts_title", language)
        items = alerts.map { Item(title: $0.title, message: $0.message, about: $0.about.isEmpty ? nil : $0.about) }
    }
}
