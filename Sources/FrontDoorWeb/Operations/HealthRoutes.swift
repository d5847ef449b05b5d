import FrontDoorPersistence
import Hummingbird

/// Liveness (the process answers) and readiness (it can reach its database), for load
/// balancers and orchestrators. Neither needs a council nor writes a log line per probe.
struct HealthRoutes<Context: RequestContext> {
    let database: Database

    struct Status: ResponseEncodable {
        let status: String
        let database: String?
    }

    func register(on router: Router<Context>) {
        router.get(SitePath.healthLive.routerPath) { _, _ in
            Status(status: "ok", database: nil)
        }
        router.get(SitePath.healthReady.routerPath) { _, context -> EditedResponse<Status> in
            do {
                try await withTimeout(seconds: 3) { try await database.ping() }
                return EditedResponse(status: .ok, headers: [.cacheControl: "no-store"], response: Status(status: "ok", database: "ok"))
            } catch {
                context.logger.warning("Readiness check failed", metadata: ["error": .string(String(reflecting: error))])
                return EditedResponse(status: .serviceUnavailable, headers: [.cacheControl: "no-store"],
                                      response: Status(status: "unavailable", database: "unreachable"))
            }
        }
    }
}

struct TimedOut: Error {}

/// Runs `operation`, giving up after `seconds` (a hung database must not hang the probe).
func withTimeout<R: Sendable>(seconds: Double, _ operation: @escaping @Sendable () async throws -> R) async throws -> R {
    try await withThrowingTaskGroup(of: R.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            throw TimedOut()
        }
        defer { group.cancelAll() }
        return try await group.next()!
    }
}
