import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// The compliment and comment section of a case page: recording which service the feedback is
/// about passes it to the team that runs that service (`FeedbackRouting`).
struct FeedbackRoutes: CaseSectionRoutes {
    let cases: CaseRoutes
    let links: PublicLinks
    let routing: FeedbackRouting

    init(cases: CaseRoutes, database: Database, links: PublicLinks) {
        self.cases = cases
        self.links = links
        routing = FeedbackRouting(database: database)
    }

    private var panel: FeedbackPanelBuilder { cases.feedbackPanel }

    func register(on router: Router<ResidentRequestContext>) {
        let routes = self
        let staff = router.group(RouterPath(StaffPaths.cases + "/:reference/feedback"), context: StaffRequestContext.self)

        staff.post("service") { request, context -> Response in
            let item = try await routes.cases.load(context)
            try context.require(.updateCase, on: ResourceScope(councilID: item.councilID, owningTeamID: item.teamID))
            guard try await routes.panel.isFeedback(item) else { throw HTTPError(.notFound) }
            let form = try await FormInput.read(from: request)
            let field = FeedbackPanelBuilder.serviceField
            let chosen = UUID(uuidString: form[field])
            guard let service = try await routes.panel.processes.ordinaryServices(councilID: item.councilID).first(where: { $0.id == chosen }) else {
                return try await routes.refuse(item, context, [FieldError(fieldID: field, message: "Select the service it is about")], form)
            }
            let result = try await routes.routing.pass(item, about: service, seenVersion: Int(form["version"]) ?? 0, by: routes.actor(context), at: Date())
            return try await routes.outcome(item, context, form, result, field: field, onPage: { _ in field })
        }
    }
}
