import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// On public paths, turns the resident session cookie into the signed-in customer (or nobody),
/// applying the resident timeouts, or the kiosk ones for a shared computer.
public struct ResidentSessionMiddleware: RouterMiddleware {
    public typealias Context = ResidentRequestContext
    public static var cookieName: String { "fd_session" }

    let sessions: SessionStore
    let customers: CustomerRepository
    let policies: SessionPolicies

    public init(database: Database, hasher: PasswordHasher, policies: SessionPolicies) {
        self.sessions = .residents(database)
        self.customers = CustomerRepository(database: database, hasher: hasher)
        self.policies = policies
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard !request.uri.path.hasPrefix(StaffSessionMiddleware.pathPrefix), let council = context.council,
              let token = request.cookies[Self.cookieName]?.value else {
            return try await next(request, context)
        }
        let now = Date()
        var context = context
        if let stored = try await sessions.find(token: token, councilID: council.id, policy: policies.resident, kiosk: policies.kiosk, now: now),
           let customer = try await customers.find(id: stored.ownerID, councilID: council.id) {
            if policies.applying(policies.resident, sharedDevice: stored.sharedDevice).shouldRecordActivity(lastSeenAt: stored.lastSeenAt, now: now) {
                try await sessions.recordActivity(tokenDigest: stored.tokenDigest, at: now)
            }
            context.residentSession = ResidentSession(customer: customer, tokenDigest: stored.tokenDigest, sharedDevice: stored.sharedDevice)
        }
        return try await next(request, context)
    }
}
