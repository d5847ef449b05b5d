import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// On staff paths, turns the session cookie into the signed-in member of staff (or nobody),
/// applying the idle and absolute timeouts.
public struct StaffSessionMiddleware: RouterMiddleware {
    public typealias Context = ResidentRequestContext
    public static var cookieName: String { "fd_staff_session" }
    public static var pathPrefix: String { "/staff" }

    let sessions: StaffSessionRepository
    let staff: StaffAccountRepository
    let policies: SessionPolicies

    public init(database: Database, hasher: PasswordHasher, policies: SessionPolicies) {
        self.sessions = StaffSessionRepository(database: database)
        self.staff = StaffAccountRepository(database: database, hasher: hasher)
        self.policies = policies
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path.hasPrefix(Self.pathPrefix), let council = context.council,
              let token = request.cookies[Self.cookieName]?.value else {
            return try await next(request, context)
        }
        let now = Date()
        var context = context
        if let session = try await sessions.find(token: token, councilID: council.id, policy: policies.staff, kiosk: policies.kiosk,
                                                 now: now, staff: staff) {
            if policies.applying(policies.staff, sharedDevice: session.sharedDevice).shouldRecordActivity(lastSeenAt: session.lastSeenAt, now: now) {
                try await sessions.recordActivity(session, at: now)
            }
            context.staffSession = session
        }
        return try await next(request, context)
    }
}
