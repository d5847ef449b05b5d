import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// Puts the council's live service alerts where pages show them. Only for page requests (GET,
/// not assets, APIs or probes), and through `LiveAlertCache`, so a page costs a query only
/// every few seconds.
struct ServiceAlertsMiddleware<Context: CouncilScopedContext>: RouterMiddleware {
    let alerts: ServiceAlertRepository
    let services: ServiceRepository
    let cache: LiveAlertCache

    static var skippedPrefixes: [String] { ["/assets/", "/api/", "/open311/", "/health", "/metrics", "/staff/calls/live"] }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.method == .get, let council = context.council,
           !Self.skippedPrefixes.contains(where: { request.uri.path.hasPrefix($0) }) {
            context.councilBox.serviceAlerts = try await cache.alerts(councilID: council.id) {
                let live = try await alerts.live(councilID: council.id)
                guard !live.isEmpty else { return [] }
                let names = Dictionary(uniqueKeysWithValues: try await services.all(councilID: council.id).map { ($0.id, $0.name) })
                return live.map { alert in
                    let about = [alert.serviceID.flatMap { names[$0] }, alert.ward.map { $0 + " ward" }].compactMap { $0 }
                    return LiveServiceAlert(title: alert.title, message: alert.message, about: about.joined(separator: ", "))
                }
            }
        }
        return try await next(request, context)
    }
}
