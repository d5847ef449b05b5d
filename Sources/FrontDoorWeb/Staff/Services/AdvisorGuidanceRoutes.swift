import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// Managers write each service's guidance for advisors: the prompts shown beside a customer's
/// record while an advisor helps them.
struct AdvisorGuidanceRoutes {
    let renderer: PageRenderer
    let services: ServiceRepository
    let guidance: AdvisorGuidanceRepository
    let audit: AuditTrail

    init(renderer: PageRenderer, database: Database) {
        self.renderer = renderer
        self.services = ServiceRepository(database: database)
        self.guidance = AdvisorGuidanceRepository(database: database)
        self.audit = AuditTrail(database: database)
    }

    func register(on router: Router<ResidentRequestContext>) {
        let routes = self
        let staff = router.group(RouterPath(StaffPaths.home), context: StaffRequestContext.self)

        staff.get("services/:code/guidance") { request, context -> Response in
            try context.require(.manageServices)
            let service = try await ServiceCatalogueRoutes.service(context, routes.services)
            let text = try await routes.guidance.guidance(serviceID: service.id, councilID: context.staff.councilID)
            return try routes.page(service, text: text, context,
                                   banner: request.uri.queryParameters["saved"] != nil ? NotificationBanner(heading: "The guidance has been saved", isSuccess: true) : nil)
        }

        staff.post("services/:code/guidance") { request, context -> Response in
            try context.require(.manageServices)
            let service = try await ServiceCatalogueRoutes.service(context, routes.services)
            let form = try await FormInput.read(from: request, context: context)
            let text = form["guidance"].replacingOccurrences(of: "\r\n", with: "\n")
            guard text.count <= AdvisorGuidanceRepository.lengthLimit else {
                return try routes.page(service, text: text, context,
                                       error: "The guidance must be \(AdvisorGuidanceRepository.lengthLimit.formatted()) characters or fewer",
                                       status: .unprocessableContent)
            }
            try await routes.guidance.set(serviceID: service.id, councilID: context.staff.councilID, to: text)
            try await routes.audit.record(AuditEvent(
                councilID: context.staff.councilID, occurredAt: Date(), actorID: context.staff.id, actor: context.staff.email,
                kind: .serviceChanged, subject: "guidance for advisors on service \(service.code.value) (\(service.name))",
                address: context.remoteAddress))
            return .redirect(to: context.basePath + StaffPaths.services + "/" + service.code.value + "/guidance?saved=1")
        }
    }

    func page(_ service: CouncilService, text: String, _ context: StaffRequestContext, banner: NotificationBanner? = nil,
              error: String? = nil, status: HTTPResponse.Status = .ok) throws -> Response {
        let servicePath = context.basePath + StaffPaths.services + "/" + service.code.value
        return try renderer.response(AdvisorGuidancePage(
            chrome: ChromeFactory.chrome(pageTitle: "Guidance for advisors: " + service.name, context: context, hasErrors: error != nil),
            backLink: BackLink(href: servicePath, text: "Back to " + service.name),
            errorSummary: error.map { ErrorSummary(errors: [FieldError(fieldID: "guidance", message: $0)]) }, banner: banner,
            heading: "Guidance for advisors: " + service.name, action: servicePath + "/guidance", csrfToken: context.csrfToken,
            guidance: Textarea(id: "guidance", label: Label("Guidance"),
                               hint: "Prompts, not a script: what to ask, what to check and where to send people. Leave a blank line between paragraphs. Residents never see this.",
                               error: error, value: text, rows: 12),
            save: Button("Save the guidance")), status: status)
    }
}

public struct AdvisorGuidancePage: PageModel {
    public static let template = "staff-service-guidance"

    public var chrome: PageChrome
    public var backLink: BackLink
    public var errorSummary: ErrorSummary?
    public var banner: NotificationBanner?
    public var heading: String
    public var action: String
    public var csrfToken: String
    public var guidance: Textarea
    public var save: Button
}
