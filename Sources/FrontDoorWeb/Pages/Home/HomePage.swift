import Foundation
import FrontDoorDomain

/// The front door: the council's home page, or the list of councils on a shared deployment.
public struct HomePage: PageModel {
    public static let template = "home"

    public struct CouncilChoice: Sendable {
        public var name: String
        public var href: String
    }

    public var chrome: PageChrome
    public var heading: String
    /// Set when the request is for one council.
    public var contactDetails: SummaryList?
    public var councilChoices: [CouncilChoice]
    public var hasCouncilChoices: Bool
    public var hasNoCouncils: Bool
    public var accessibilityHref: String
    public var signInHref: String
    public var registerHref: String
    /// For a council: the search box, its top tasks in order, and its groups of services.
    public var search: SearchBox?
    public var topTasks: [ServiceLink]
    public var groups: [GroupLink]
    public var hasTopTasks: Bool
    public var hasGroups: Bool
    public var allServicesHref: String
    public var reportsHref: String
    public var signedIn: Bool
    public var accountHref: String

    public init(selection: CouncilSelection?, chrome: PageChrome, basePath: String, services: [CouncilService] = [], signedIn: Bool = false,
                language: SiteLanguage = .english) {
        self.chrome = chrome
        self.signedIn = signedIn
        self.accountHref = basePath + ResidentPaths.account
        self.allServicesHref = basePath + ResidentPaths.services
        self.reportsHref = basePath + ResidentPaths.reports
        self.topTasks = services.filter { $0.topTaskRank != nil }.sorted { ($0.topTaskRank ?? 0, $0.name) < ($1.topTaskRank ?? 0, $1.name) }
            .map { ServiceLink($0, basePath: basePath, detailed: false) }
        self.groups = ServiceGroup.allCases.compactMap { group in
            let inGroup = services.filter { $0.group == group }
            return inGroup.isEmpty ? nil : GroupLink(group, services: inGroup, basePath: basePath, language: language)
        }
        self.hasTopTasks = !topTasks.isEmpty
        self.hasGroups = !groups.isEmpty
        self.search = nil
        self.accessibilityHref = SitePath.accessibility.href(basePath: basePath)
        self.signInHref = basePath + ResidentPaths.signIn
        self.registerHref = basePath + ResidentPaths.register
        self.councilChoices = []
        self.hasNoCouncils = false
        switch selection {
        case .council(let council, _):
            heading = council.name
            search = SearchBox(basePath: basePath, language: language)
            contactDetails = SummaryList(rows: [
                .init(key: L("home_contact_phone", language), value: council.contact.phone),
                .init(key: L("home_contact_email", language), value: council.contact.email),
                .init(key: L("home_contact_hours", language), value: council.contact.openingHours),
                .init(key: L("home_contact_visit", language), value: council.contact.address.replacingCommasWithLines()),
            ])
        case .mustChoose(let councils):
            heading = L("home_choose_heading", language)
            contactDetails = nil
            councilChoices = councils.map { CouncilChoice(name: $0.name, href: "/c/\($0.slug.value)/") }
        case .noCouncils, .unknownSlug, .none:
            heading = "FrontDoor is not set up yet"
            contactDetails = nil
            hasNoCouncils = true
        }
        self.hasCouncilChoices = !councilChoices.isEmpty
    }
}

extension String {
    /// "Civic Centre, Market Street, Kingsmere" → one line each, as addresses are written on envelopes.
    func replacingCommasWithLines() -> String {
        split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")
    }
}
