import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// Service alerts for the people who run the catalogue (administrators and managers): publish
/// one (shown at once on every portal page and to advisors, and optionally sent to residents
/// who asked for alerts about that service or area), see them all, withdraw one. Audited.
struct ServiceAlertRoutes {
    let renderer: PageRenderer
    let alerts: ServiceAlertRepository
    let services: ServiceRepository
    let gazetteer: GazetteerRepository
    let audit: AuditTrail
    let links: PublicLinks
    let cache: LiveAlertCache

    init(renderer: PageRenderer, database: Database, links: PublicLinks, cache: LiveAlertCache) {
        self.renderer = renderer
        self.alerts = ServiceAlertRepository(database: database)
        self.services = ServiceRepository(database: database)
        self.gazetteer = GazetteerRepository(database: database)
        self.audit = AuditTrail(database: database)
        self.links = links
        self.cache = cache
    }

    func register(on router: Router<ResidentRequestContext>) {
        let routes = self
        let staff = router.group(RouterPath(StaffPaths.home), context: StaffRequestContext.self)

        staff.get("alerts") { request, context -> Response in
            try context.require(.manageServices)
            let query = request.uri.queryParameters
            var banner: NotificationBanner?
            if let told = query["published"].flatMap({ Int($0) }) {
                banner = NotificationBanner(heading: "The alert is live", text: told == 0 ? nil : "It has been sent to \(told) \(told == 1 ? "resident" : "residents") who asked for alerts.",
                                            isSuccess: true)
            } else if query["withdrawn"] != nil {
                banner = NotificationBanner(heading: "The alert has been withdrawn", isSuccess: true)
            }
            return try await routes.page(context, banner: banner)
        }

        staff.post("alerts") { request, context -> Response in
            try context.require(.manageServices)
            guard let council = context.council else { throw HTTPError(.notFound) }
            let form = try await FormInput.read(from: request, context: context)
            let catalogue = try await routes.services.all(councilID: council.id)
            let wards = try await routes.gazetteer.wards(councilID: council.id)
            var problems = ServiceAlert.check(title: form["title"], message: form["message"], duration: form["duration"])
            let service = form["service"].isEmpty ? nil : catalogue.first { $0.id.uuidString.lowercased() == form["service"].lowercased() }
            if !form["service"].isEmpty, service == nil { problems.append(.init(field: "service", message: "Select a service from the list")) }
            let ward = form["ward"].isEmpty ? nil : wards.first { $0 == form["ward"] }
            if !form["ward"].isEmpty, ward == nil { problems.append(.init(field: "ward", message: "Select a ward from the list")) }
            guard problems.isEmpty, let duration = ServiceAlert.Duration(rawValue: form["duration"]) else {
                return try await routes.page(context, problems: problems, typed: form, status: .unprocessableContent)
            }
            let now = Date()
            let alert = ServiceAlert(councilID: council.id, title: form["title"], message: form["message"].replacingOccurrences(of: "\r\n", with: "\n"),
                                     serviceID: service?.id, ward: ward, startsAt: now, endsAt: duration.endsAt(publishedAt: now),
                                     publishedBy: context.staff.displayName)
            let link = routes.links.url(ResidentPaths.alerts, request: request, context: context)
            let published = try await routes.alerts.publish(alert, council: council, tellSubscribers: form.has("tell-subscribers"),
                                                            serviceName: service?.name ?? "all our services", area: ward.map { $0 + " ward" } ?? "the whole area",
                                                            link: link, at: now)
            routes.cache.forget(councilID: council.id)
            try await routes.audit.record(AuditEvent(
                councilID: council.id, occurredAt: now, actorID: context.staff.id, actor: context.staff.email, kind: .serviceAlertPublished,
                subject: "service alert \(published.id.uuidString) “\(published.title)”, sent to \(published.subscribersTold)", address: context.remoteAddress))
            return .redirect(to: context.basePath + StaffPaths.alerts + "?published=\(published.subscribersTold)")
        }

        staff.post("alerts/:alert/withdraw") { _, context -> Response in
            try context.require(.manageServices)
            guard let id = context.parameters.get("alert").flatMap(UUID.init(uuidString:)) else { throw HTTPError(.notFound) }
            // Withdrawn already (a colleague, a second click): the list shows it so.
            guard try await routes.alerts.withdraw(id: id, councilID: context.staff.councilID, at: Date()) else {
                return .redirect(to: context.basePath + StaffPaths.alerts)
            }
            routes.cache.forget(councilID: context.staff.councilID)
            try await routes.audit.record(AuditEvent(
                councilID: context.staff.councilID, occurredAt: Date(), actorID: context.staff.id, actor: context.staff.email,
                kind: .serviceAlertWithdrawn, subject: "service alert \(id.uuidString)", address: context.remoteAddress))
            return .redirect(to: context.basePath + StaffPaths.alerts + "?withdrawn=1")
        }
    }

    func page(_ context: StaffRequestContext, banner: NotificationBanner? = nil, problems: [FieldProblem] = [], typed: FormInput? = nil,
              status: HTTPResponse.Status = .ok) async throws -> Response {
        let councilID = context.staff.councilID
        let catalogue = try await services.all(councilID: councilID).filter(\.isActive).sorted { $0.name < $1.name }
        let names = Dictionary(uniqueKeysWithValues: catalogue.map { ($0.id, $0.name) })
        let wards = try await gazetteer.wards(councilID: councilID)
        let now = Date()
        func error(_ field: String) -> String? { problems.first { $0.field == field }?.message }
        let rows = try await alerts.all(councilID: councilID).map { alert in
            ServiceAlertsPage.Row(
                title: alert.title, message: alert.message,
                about: [alert.serviceID.flatMap { names[$0] } ?? "All services", alert.ward.map { $0 + " ward" } ?? "whole area"].joined(separator: ", "),
                state: alert.isLive(at: now) ? Tag("Live", colour: .green) : Tag(alert.withdrawnAt != nil ? "Withdrawn" : "Ended", colour: .grey),
                shown: UKDateFormat.dateAndTime(alert.startsAt) + " to " + ((alert.withdrawnAt ?? alert.endsAt).map { UKDateFormat.dateAndTime($0) } ?? "until withdrawn"),
                told: alert.subscribersTold == 0 ? "Not sent" : "Sent to \(alert.subscribersTold)", publishedBy: alert.publishedBy,
                withdrawAction: alert.isLive(at: now) ? context.basePath + StaffPaths.alerts + "/" + alert.id.uuidString.lowercased() + "/withdraw" : nil)
        }
        return try renderer.response(ServiceAlertsPage(
            chrome: ChromeFactory.chrome(pageTitle: "Service alerts", context: context, hasErrors: !problems.isEmpty),
            errorSummary: problems.isEmpty ? nil : ErrorSummary(errors: problems.map { FieldError(fieldID: $0.field, message: $0.message) }),
            banner: banner, rows: rows, hasRows: !rows.isEmpty, action: context.basePath + StaffPaths.alerts, csrfToken: context.csrfToken,
            title: TextInput(id: "title", label: Label("Title"), hint: "Up to \(ServiceAlert.titleLimit) characters, such as ‘Bin collections delayed in Riverside ward’",
                             error: error("title"), value: typed?["title"]),
            message: Textarea(id: "message", label: Label("What residents need to know"),
                              hint: "What has happened, what to do, and when it will be put right. Up to 1,000 characters.",
                              error: error("message"), value: typed?["message"], rows: 4),
            service: Select(id: "service", label: Label("Service"), error: error("service"),
                            options: [("", "All services")] + catalogue.map { ($0.id.uuidString.lowercased(), $0.name) }, selected: typed?["service"]),
            ward: Select(id: "ward", label: Label("Area"), error: error("ward"), options: [("", "The whole area")] + wards.map { ($0, $0 + " ward") },
                         selected: typed?["ward"]),
            duration: Radios(ChoiceGroup(idPrefix: "duration", fieldset: Fieldset(legend: "How long should it show?"), error: error("duration"),
                                         options: ServiceAlert.Duration.allCases.map { ($0.rawValue, $0.displayName, nil) },
                                         selected: Set([typed?["duration"] ?? ServiceAlert.Duration.endOfToday.rawValue]))),
            tell: Checkboxes(ChoiceGroup(idPrefix: "tell-subscribers", fieldset: Fieldset(legend: "Residents who asked for alerts"),
                                         options: [("yes", "Send it to residents who asked for alerts about this service or area",
                                                    "By their chosen channel: email, text message or letter")],
                                         selected: typed.map { $0.has("tell-subscribers") ? ["yes"] : [] } ?? [])),
            publish: Button("Publish the alert")), status: status)
    }
}

public struct ServiceAlertsPage: PageModel {
    public static let template = "staff-alerts"

    public struct Row: Sendable {
        public var title: String
        public var message: String
        public var about: String
        public var state: Tag
        public var shown: String
        public var told: String
        public var publishedBy: String
        public var withdrawAction: String?
    }

    public var chrome: PageChrome
    public var errorSummary: ErrorSummary?
    public var banner: NotificationBanner?
    public var rows: [Row]
    public var hasRows: Bool
    public var action: String
    public var csrfToken: String
    public var title: TextInput
    public var message: Textarea
    public var service: Select
    public var ward: Select
    public var duration: Radios
    public var tell: Checkboxes
    public var publish: Button
}
