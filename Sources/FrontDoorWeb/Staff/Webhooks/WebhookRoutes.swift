import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// Administrators register back-office systems' webhook endpoints (the signing secret shown
/// once), choose their events, disable them, and read the delivery log. Audited.
struct WebhookRoutes {
    let renderer: PageRenderer
    let webhooks: WebhookRepository
    let audit: AuditTrail
    let allowsLocalHTTP: Bool

    init(renderer: PageRenderer, database: Database, sealed: SealedSecrets, allowsLocalHTTP: Bool) {
        self.renderer = renderer
        self.webhooks = WebhookRepository(database: database, sealed: sealed)
        self.audit = AuditTrail(database: database)
        self.allowsLocalHTTP = allowsLocalHTTP
    }

    func register(on router: Router<ResidentRequestContext>) {
        let routes = self
        let staff = router.group(RouterPath(StaffPaths.home), context: StaffRequestContext.self)

        staff.get("webhooks") { request, context -> Response in
            try context.require(.manageCouncilSettings)
            let banner = request.uri.queryParameters["disabled"] != nil ? NotificationBanner(heading: "The endpoint has been disabled", isSuccess: true) : nil
            return try await routes.page(context, banner: banner)
        }

        staff.post("webhooks") { request, context -> Response in
            try context.require(.manageCouncilSettings)
            let form = try await FormInput.read(from: request, context: context)
            let events = form.all("events")
            let problems = WebhookEndpointRules.check(url: form["url"], events: events, description: form["description"],
                                                      allowsLocalHTTP: routes.allowsLocalHTTP)
            guard problems.isEmpty else { return try await routes.page(context, problems: problems, typed: form, status: .unprocessableContent) }
            let (endpoint, secret) = try await routes.webhooks.register(
                councilID: context.staff.councilID, url: form["url"], description: form["description"],
                events: Set(events.compactMap(WebhookEvent.init(rawValue:))), by: context.staff.email)
            try await routes.audit.record(AuditEvent(
                councilID: context.staff.councilID, occurredAt: Date(), actorID: context.staff.id, actor: context.staff.email,
                kind: .webhookEndpointAdded, subject: "webhook endpoint \(endpoint.url) for " + endpoint.events.map(\.rawValue).sorted().joined(separator: ", "),
                address: context.remoteAddress))
            return try await routes.page(context, banner: NotificationBanner(heading: "The endpoint has been added", isSuccess: true),
                                         secret: .init(url: endpoint.url, secret: secret))
        }

        staff.post("webhooks/:endpoint/disable") { _, context -> Response in
            try context.require(.manageCouncilSettings)
            guard let id = context.parameters.get("endpoint").flatMap(UUID.init(uuidString:)) else { throw HTTPError(.notFound) }
            guard try await routes.webhooks.disable(id: id, councilID: context.staff.councilID) else {
                return .redirect(to: context.basePath + StaffPaths.webhooks)
            }
            try await routes.audit.record(AuditEvent(
                councilID: context.staff.councilID, occurredAt: Date(), actorID: context.staff.id, actor: context.staff.email,
                kind: .webhookEndpointDisabled, subject: "webhook endpoint \(id.uuidString)", address: context.remoteAddress))
            return .redirect(to: context.basePath + StaffPaths.webhooks + "?disabled=1")
        }
    }

    func page(_ context: StaffRequestContext, banner: NotificationBanner? = nil, problems: [FieldProblem] = [], typed: FormInput? = nil,
              secret: WebhooksPage.NewSecret? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let endpoints = try await webhooks.endpoints(councilID: context.staff.councilID)
        let urls = Dictionary(uniqueKeysWithValues: endpoints.map { ($0.id, $0.url) })
        let deliveries = try await webhooks.deliveries(councilID: context.staff.councilID)
        func error(_ field: String) -> String? { problems.first { $0.field == field }?.message }
        return try renderer.response(WebhooksPage(
            chrome: ChromeFactory.chrome(pageTitle: "Webhooks", context: context, hasErrors: !problems.isEmpty),
            errorSummary: problems.isEmpty ? nil : ErrorSummary(errors: problems.map { FieldError(fieldID: $0.field, message: $0.message) }),
            banner: banner, secret: secret,
            endpoints: endpoints.map { endpoint in
                WebhooksPage.Endpoint(url: endpoint.url, description: endpoint.description,
                                      events: endpoint.events.map(\.rawValue).sorted().joined(separator: ", "),
                                      state: endpoint.disabledAt == nil ? Tag("Live", colour: .green) : Tag("Disabled", colour: .grey),
                                      added: UKDateFormat.dateAndTime(endpoint.createdAt) + " by " + endpoint.createdBy,
                                      disableAction: endpoint.disabledAt == nil
                                        ? context.basePath + StaffPaths.webhooks + "/" + endpoint.id.uuidString.lowercased() + "/disable" : nil)
            },
            hasEndpoints: !endpoints.isEmpty,
            deliveries: deliveries.map { delivery in
                WebhooksPage.Delivery(event: delivery.event, url: urls[delivery.endpointID] ?? "",
                                      state: Tag(delivery.status.rawValue.capitalized,
                                                 colour: delivery.status == .delivered ? .green : delivery.status == .failed ? .red : .grey),
                                      attempts: String(delivery.attempts), answer: delivery.lastStatusCode.map(String.init) ?? delivery.lastError ?? "",
                                      when: UKDateFormat.dateAndTime(delivery.createdAt))
            },
            hasDeliveries: !deliveries.isEmpty, action: context.basePath + StaffPaths.webhooks, csrfToken: context.csrfToken,
            url: TextInput(id: "url", label: Label("Address"), hint: "Where FrontDoor posts each event, starting https://", error: error("url"),
                           value: typed?["url"], spellcheck: false),
            description: TextInput(id: "description", label: Label("Description (optional)"), hint: "Which system this is, for the people who look after it",
                                   error: error("description"), value: typed?["description"]),
            events: Checkboxes(ChoiceGroup(idPrefix: "events", fieldset: Fieldset(legend: "Events"), error: error("events"),
                                           options: WebhookEvent.allCases.map { ($0.rawValue, $0.rawValue, $0.displayName) },
                                           selected: Set(typed?.all("events") ?? []))),
            add: Button("Add the endpoint")), status: status)
    }
}

public struct WebhooksPage: PageModel {
    public static let template = "staff-webhooks"

    public struct NewSecret: Sendable {
        public var url: String
        public var secret: String
    }

    public struct Endpoint: Sendable {
        public var url: String
        public var description: String
        public var events: String
        public var state: Tag
        public var added: String
        public var disableAction: String?
    }

    public struct Delivery: Sendable {
        public var event: String
        public var url: String
        public var state: Tag
        public var attempts: String
        public var answer: String
        public var when: String
    }

    public var chrome: PageChrome
    public var errorSummary: ErrorSummary?
    public var banner: NotificationBanner?
    public var secret: NewSecret?
    public var endpoints: [Endpoint]
    public var hasEndpoints: Bool
    public var deliveries: [Delivery]
    public var hasDeliveries: Bool
    public var action: String
    public var csrfToken: String
    public var url: TextInput
    public var description: TextInput
    public var events: Checkboxes
    public var add: Button
}
