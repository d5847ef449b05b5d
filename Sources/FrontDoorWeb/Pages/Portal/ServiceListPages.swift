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

extension ServiceGroup {
    /// The group's name in the page's language (the domain's `displayName` is the English one).
    func name(_ language: SiteLanguage) -> String {
        L("group_" + rawValue.replacingOccurrences(of: "-", with: "_"), language)
    }
}

/// A group of services ("Waste", "Parking") linking to its page.
public struct GroupLink: Sendable {
    public var href: String
    public var name: String
    /// Up to three of its services, so the link says what is inside.
    public var examples: String

    init(_ group: ServiceGroup, services: [CouncilService], basePath: String, language: SiteLanguage) {
        self.href = basePath + ResidentPaths.browse + "/" + group.rawValue
        self.name = group.name(language)
        self.examples = services.prefix(3).map(\.name).joined(separator: ", ")
    }
}

/// The search box: a plain GET form, so it works without JavaScript and results can be bookmarked.
public struct SearchBox: Sendable {
    public var action: String
    public var input: TextInput
    public var button: Button

    init(basePath: String, value: String = "", language: SiteLanguage) {
        self.action = basePath + ResidentPaths.search
        self.input = TextInput(id: "q", label: Label(L("search_label", language), classes: "fd-label--m"),
                               type: "search", value: value, autocomplete: "off", spellcheck: true)
        self.button = Button(L("search_button", language), variant: .secondary)
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

    init(chrome: PageChrome, search: SearchBox, typed: String, correctedTo: String?, results: [ServiceLink], basePath: String, contactPhone: String?,
         language: SiteLanguage) {
        self.chrome = chrome
        self.heading = L("search_heading", language)
        self.search = search
        let searched = !typed.trimmingCharacters(in: .whitespaces).isEmpty
        self.summary = searched ? L(results.count == 1 ? "search_summary_one" : "search_summary_many", language,
                                    ["count": String(results.count), "query": typed]) : nil
        self.correctedTo = correctedTo
        self.results = results
        self.hasResults = !results.isEmpty
        self.hasNoResults = searched && results.isEmpty
        self.allServicesHref = basePath + ResidentPaths.services
        self.contactPhone = contactPhone
    }
}
