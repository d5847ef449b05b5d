import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// The portal's way in: the council's home page (search, top tasks, service groups), every
/// service by group, one group's services, and search. All are plain GET pages that work
/// without JavaScript; only services residents can use (active, offered online or with a
/// page to say how else) are listed.
struct PortalRoutes {
    let renderer: PageRenderer
    let services: ServiceRepository
    let search: ServiceSearchIndex

    init(renderer: PageRenderer, database: Database) {
        self.renderer = renderer
        self.services = ServiceRepository(database: database)
        self.search = ServiceSearchIndex(database: database)
    }

    func register(on router: Router<ResidentRequestContext>) {
        let routes = self

        router.get(SitePath.home.routerPath) { _, context -> Response in
            var catalogue: [CouncilService] = []
            if let council = context.council { catalogue = try await routes.listed(council) }
            let page = HomePage(selection: context.councilSelection,
                                chrome: ChromeFactory.chrome(pageTitle: context.council?.name ?? L("home_choose_heading", context.language), context: context),
                                basePath: context.basePath, services: catalogue, signedIn: context.residentSession != nil, language: context.language)
            return try routes.renderer.response(page)
        }

        router.get(RouterPath(ResidentPaths.services)) { _, context -> Response in
            guard let council = context.council else { throw HTTPError(.notFound) }
            let catalogue = try await routes.listed(council)
            let groups = ServiceGroup.allCases.compactMap { group -> ServiceIndexPage.Group? in
                let inGroup = catalogue.filter { $0.group == group }
                return inGroup.isEmpty ? nil : .init(id: group.rawValue, name: group.name(context.language),
                                                      services: inGroup.map { ServiceLink($0, basePath: context.basePath, detailed: false) })
            }
            return try routes.renderer.response(ServiceIndexPage(
                chrome: ChromeFactory.chrome(pageTitle: L("services_heading", context.language), context: context),
                heading: L("services_heading", context.language), search: SearchBox(basePath: context.basePath, language: context.language), groups: groups))
        }

        router.get(RouterPath(ResidentPaths.browse + "/:group")) { _, context -> Response in
            guard let council = context.council, let group = context.parameters.get("group").flatMap(ServiceGroup.init(rawValue:)) else {
                throw HTTPError(.notFound)
            }
            let inGroup = try await routes.listed(council).filter { $0.group == group }
            guard !inGroup.isEmpty else { throw HTTPError(.notFound) }
            return try routes.renderer.response(ServiceGroupPage(
                chrome: ChromeFactory.chrome(pageTitle: group.name(context.language), context: context),
                backLink: BackLink(href: SitePath.home.href(basePath: context.basePath), text: L("browse_back", context.language)),
                heading: group.name(context.language), services: inGroup.map { ServiceLink($0, basePath: context.basePath) },
                search: SearchBox(basePath: context.basePath, language: context.language)))
        }

        router.get(RouterPath(ResidentPaths.search)) { request, context -> Response in
            guard let council = context.council else { throw HTTPError(.notFound) }
            // Read as the form sends it (a space arrives as "+"), at a length no real question needs.
            let typed = String(((try? FormInput(urlEncoded: request.uri.query ?? ""))?["q"] ?? "").prefix(200))
            let catalogue = try await routes.listed(council)
            var results: [CouncilService] = []
            var correctedTo: String?
            let query = SearchQuery(typed, vocabulary: ServiceSearchIndex.vocabulary(of: catalogue))
            if !query.isEmpty {
                let byID = Dictionary(uniqueKeysWithValues: catalogue.map { ($0.id, $0) })
                results = try await routes.search.search(query, councilID: council.id).compactMap { byID[$0] }
                if query.wasCorrected { correctedTo = query.corrected.joined(separator: " ") }
            }
            return try routes.renderer.response(SearchResultsPage(
                chrome: ChromeFactory.chrome(pageTitle: typed.isEmpty ? L("search_heading", context.language)
                                                : L("search_title_with", context.language, ["query": typed]), context: context),
                search: SearchBox(basePath: context.basePath, value: typed, language: context.language), typed: typed, correctedTo: correctedTo,
                results: results.map { ServiceLink($0, basePath: context.basePath) }, basePath: context.basePath,
                contactPhone: council.contact.phone, language: context.language))
        }
    }

    /// The services residents see: active ones, by group then name.
    func listed(_ council: Council) async throws -> [CouncilService] {
        try await services.all(councilID: council.id).filter(\.isActive)
    }
}
