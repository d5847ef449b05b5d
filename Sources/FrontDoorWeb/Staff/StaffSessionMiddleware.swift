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
    let policy: SessionPolicy

    public init(database: Database, hasher: PasswordHasher, policy: SessionPolicy) {
        self.sessions = StaffSessionRepository(database: database)
        self.staff = StaffAccountRepository(database: database, hasher: hasher)
        self.policy = policy
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path.hasPrefix(Self.pathPrefix), let council = context.council,
              let token = request.cookies[Self.cookieName]?.value else {
            return try await next(request, context)
        }
        let now = Date()
        var context = context
        if let session = try await sessions.find(token: token, councilID: council.id, policy: policy, now: now, staff: staff) {
            if policy.shouldRecordActivity(lastSeenAt: session.lastSeenAt, now: now) {
                try await sessions.recordActivity(session, at: now)
            }
            context.staffSession = session
        }
        return try await next(request, context)
    }
}
