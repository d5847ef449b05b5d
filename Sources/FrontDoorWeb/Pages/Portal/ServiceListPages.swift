import FrontDoorDomain

/// A service as the portal lists it: its name linking to its page, and what it is for.
public struct ServiceLink: Sendable {
    public var href: String
    public var name: String
    public var description: String?
    public var standard: String?

    init(_ service: CouncilService, basePath: String, detailed: Bool = true) {
        self.href = basePath + ResidentPaths.services + "/" + service.code.value
        self.name = service.name
        self.description = detailed ? service.description : nil
        self.standard = detailed ? service.standard.statement : nil
    }
}

/// A group of services ("Waste", "Parking") linking to its page.
public struct GroupLink: Sendable {
    public var href: String
    public var name: String
    /// Up to three of its services, so the link says what is inside.
    public var examples: String

    init(_ group: ServiceGroup, services: [CouncilService], basePath: String) {
        self.href = basePath + ResidentPaths.browse + "/" + group.rawValue
        self.name = group.displayName
        self.examples = services.prefix(3).map(\.name).joined(separator: ", ")
    }
}

/// The search box: a plain GET form, so it works without JavaScript and results can be bookmarked.
public struct SearchBox: Sendable {
    public var action: String
    public var input: TextInput
    public var button: Button

    init(basePath: String, value: String = "", labelIsHeading: Bool = false) {
        self.action = basePath + ResidentPaths.search
        self.input = TextInput(id: "q", label: Label("Search our services", classes: labelIsHeading ? "fd-label--l" : "fd-label--m"),
                               type: "search", value: value, autocomplete: "off", spellcheck: true)
        self.button = Button("Search", variant: .secondary)
    }
}

/// Every online service, by group.
public struct ServiceIndexPage: PageModel {
    public static let template = "services"

    public struct Group: Sendable {
        public var id: String
        public var name: String
        public var services: [ServiceLink]
    }

    public var chrome: PageChrome
    public var heading: String
    public var search: SearchBox
    public var groups: [Group]
}

/// One group's services.
public struct ServiceGroupPage: PageModel {
    public static let template = "service-group"

    public var chrome: PageChrome
    public var backLink: BackLink
    public var heading: String
    public var services: [ServiceLink]
    public var search: SearchBox
}

/// Search results: what was found for the words typed, best first.
public struct SearchResultsPage: PageModel {
    public static let template = "search"

    public var chrome: PageChrome
    public var heading: String
    public var search: SearchBox
    /// "3 results for ‘bins’", or nil before anything is searched for.
    public var summary: String?
    /// Set when typos were put right: the words searched for instead.
    public var correctedTo: String?
    public var results: [ServiceLink]
    public var hasResults: Bool
    public var hasNoResults: Bool
    public var allServicesHref: String
    public var contactPhone: String?

    init(chrome: PageChrome, search: SearchBox, typed: String, correctedTo: String?, results: [ServiceLink], basePath: String, contactPhone: String?) {
        self.chrome = chrome
        self.heading = "Search"
        self.search = search
        let searched = !typed.trimmingCharacters(in: .whitespaces).isEmpty
        self.summary = searched ? "\(results.count) \(results.count == 1 ? "result" : "results") for ‘\(typed)’" : nil
        self.correctedTo = correctedTo
        self.results = results
        self.hasResults = !results.isEmpty
        self.hasNoResults = searched && results.isEmpty
        self.allServicesHref = basePath + ResidentPaths.services
        self.contactPhone = contactPhone
    }
}
