import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// The public disclosure log. It shows only what an officer published after confirming the
/// redaction: never a requester's name, never a subject access request.
struct DisclosureLogRoutes<Context: CouncilScopedContext> {
    let renderer: PageRenderer
    let log: DisclosureLogRepository
    let processes: ServiceProcessRepository
    let services: ServiceRepository

    init(renderer: PageRenderer, database: Database) {
        self.renderer = renderer
        log = DisclosureLogRepository(database: database)
        processes = ServiceProcessRepository(database: database)
        services = ServiceRepository(database: database)
    }

    func register(on router: Router<Context>) {
        let routes = self
        router.get(SitePath.disclosureLog.routerPath) { _, context -> Response in
            guard let council = context.council else { throw HTTPError(.notFound) }
            let language = context.language
            let entries = try await routes.log.published(councilID: council.id).map { entry in
                DisclosureLogPage.Entry(
                    anchor: entry.reference.description.lowercased(),
                    heading: entry.reference.description + ": " + L(entry.kind == .environmentalInformation ? "disclosure_kind_eir" : "disclosure_kind_foi", language),
                    details: SummaryList(rows: [
                        .init(key: L("disclosure_received", language), value: CaseDates.date(entry.receivedOn, language)),
                        .init(key: L("disclosure_answered", language), value: CaseDates.date(entry.answeredOn, language)),
                    ]),
                    request: entry.request, response: entry.response,
                    withheld: entry.exemptions.isEmpty ? nil : entry.exemptions.map(\.title).joined(separator: "; "))
            }
            let foi = try await processes.all(councilID: council.id).filter { $0.value == .freedomOfInformation }.map(\.key)
            let ask = try await routes.services.all(councilID: council.id).first { foi.contains($0.id) && $0.isActive }
            return try routes.renderer.response(DisclosureLogPage(
                chrome: ChromeFactory.chrome(pageTitle: L("disclosure_heading", language), context: context), entries: entries,
                askHref: ask.map { context.basePath + ResidentPaths.services + "/" + $0.code.value }))
        }
    }
}
