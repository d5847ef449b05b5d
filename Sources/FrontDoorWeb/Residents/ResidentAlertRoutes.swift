import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// My Account's service alerts: which services a resident wants to hear about when something
/// goes wrong, and whether only near where they live. Ticking is the consent: nothing is sent
/// to anyone who has not asked.
struct ResidentAlertRoutes {
    let account: ResidentAccountRoutes
    let alerts: ServiceAlertRepository
    let services: ServiceRepository

    init(account: ResidentAccountRoutes, database: Database) {
        self.account = account
        self.alerts = ServiceAlertRepository(database: database)
        self.services = ServiceRepository(database: database)
    }

    static let allServices = "all"
    static let nearMe = "near"
    static let anywhere = "anywhere"

    func register(on router: Router<ResidentRequestContext>) {
        let routes = self
        let signedIn = router.group(RouterPath(ResidentPaths.alerts), context: SignedInResidentContext.self)

        signedIn.get { request, context -> Response in
            let query = request.uri.queryParameters
            let banner = query["saved"] != nil ? NotificationBanner(heading: L("alerts_saved", context.language), isSuccess: true)
                : query["stopped"] != nil ? NotificationBanner(heading: L("alerts_stopped", context.language), isSuccess: true) : nil
            return try await routes.page(context, banner: banner)
        }

        signedIn.post { request, context -> Response in
            let form = try await FormInput.read(from: request, context: context)
            let catalogue = try await routes.catalogue(context)
            let chosen = Set(form.all("services"))
            let known = Set(catalogue.map { $0.id.uuidString.lowercased() } + [Self.allServices])
            guard chosen.isSubset(of: known) else {
                return try await routes.page(context, problem: FieldProblem(field: "services", message: L("alerts_unknown_service", context.language)),
                                             typed: form, status: .unprocessableContent)
            }
            let ward = form["area"] == Self.nearMe ? try await routes.alerts.ward(of: context.customer) : nil
            let wanted: Set<ServiceAlertRepository.Subscription> = chosen.contains(Self.allServices)
                ? [.init(serviceID: nil, ward: ward)]
                : Set(chosen.compactMap(UUID.init(uuidString:)).map { .init(serviceID: $0, ward: ward) })
            try await routes.alerts.replaceSubscriptions(customerID: context.customer.id, councilID: context.customer.councilID, with: wanted, at: Date())
            return .redirect(to: context.basePath + ResidentPaths.alerts + (wanted.isEmpty ? "?stopped=1" : "?saved=1"))
        }
    }

    func catalogue(_ context: SignedInResidentContext) async throws -> [CouncilService] {
        try await services.all(councilID: context.customer.councilID).filter(\.isActive).sorted { $0.name < $1.name }
    }

    func page(_ context: SignedInResidentContext, banner: NotificationBanner? = nil, problem: FieldProblem? = nil, typed: FormInput? = nil,
              status: HTTPResponse.Status = .ok) async throws -> Response {
        let language = context.language
        let current = try await alerts.subscriptions(customerID: context.customer.id)
        let ward = try await alerts.ward(of: context.customer)
        let selected: Set<String> = typed.map { Set($0.all("services")) }
            ?? Set(current.map { $0.serviceID?.uuidString.lowercased() ?? Self.allServices })
        let near = typed.map { $0["area"] == Self.nearMe } ?? current.contains { $0.ward != nil }
        let options = [(Self.allServices, L("alerts_all_services", language), String?.none)]
            + (try await catalogue(context)).map { ($0.id.uuidString.lowercased(), $0.name, String?.none) }
        return try account.renderer.response(ResidentAlertsPage(
            chrome: account.chrome(L("alerts_title", language), context, hasErrors: problem != nil),
            errorSummary: problem.map { ErrorSummary(errors: [FieldError(fieldID: $0.field, message: $0.message)]) },
            banner: banner, heading: L("alerts_title", language), intro: L("alerts_intro", language),
            action: context.basePath + ResidentPaths.alerts, csrfToken: context.csrfToken,
            services: Checkboxes(ChoiceGroup(idPrefix: "services", fieldset: Fieldset(legend: L("alerts_services_legend", language)),
                                             hint: L("alerts_services_hint", language), error: problem?.message, options: options, selected: selected)),
            area: ward.map { ward in
                Radios(ChoiceGroup(idPrefix: "area", fieldset: Fieldset(legend: L("alerts_area_legend", language)),
                                   options: [(Self.nearMe, L("alerts_area_near", language, ["ward": ward]), nil),
                                             (Self.anywhere, L("alerts_area_anywhere", language), nil)],
                                   selected: [near ? Self.nearMe : Self.anywhere]))
            },
            noWard: ward == nil ? L("alerts_no_ward", language) : nil,
            save: Button(L("alerts_save", language))), status: status)
    }
}

public struct ResidentAlertsPage: PageModel {
    public static let template = "resident-alerts"

    public var chrome: PageChrome
    public var errorSummary: ErrorSummary?
    public var banner: NotificationBanner?
    public var heading: String
    public var intro: String
    public var action: String
    public var csrfToken: String
    public var services: Checkboxes
    public var area: Radios?
    public var noWard: String?
    public var save: Button
}
