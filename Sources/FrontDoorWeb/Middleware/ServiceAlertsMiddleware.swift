import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// Loads the council's live service alerts for pages to show. Only for page requests (GET, not
/// assets, APIs or probes): one indexed query, so an alert shows (and a withdrawn one goes)
/// on the next page load, in every process.
struct ServiceAlertsMiddleware<Context: CouncilScopedContext>: RouterMiddleware {
    let alerts: ServiceAlertRepository
    let services: ServiceRepository

    static var skippedPrefixes: [String] { ["/assets/", "/api/", "/open311/", "/health", "/metrics", "/staff/calls/live"] }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.method == .get, let council = context.council,
           !Self.skippedPrefixes.contains(where: { request.uri.path.hasPrefix($0) }) {
            let live = try await alerts.live(councilID: council.id)
            if !live.isEmpty {
                let names = Dictionary(uniqueKeysWithValues: try await services.all(councilID: council.id).map { ($0.id, $0.name) })
                context.councilBox.serviceAlerts = live.map { alert in
                    let about = [alert.serviceID.flatMap { names[$0] }, alert.ward.map { $0 + " ward" }].compactMap { $0 }
                    return LiveServiceAlert(title: alert.title, message: alert.message, about: about.joined(separator: ", "))
                }
            }
        }
        return try await next(request, context)
    }
}
