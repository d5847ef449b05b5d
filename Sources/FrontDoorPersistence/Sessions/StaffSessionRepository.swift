import Foundation
import FrontDoorDomain

/// Staff sign-in sessions: the shared session store, with the account behind each session.
public struct StaffSessionRepository: Sendable {
    let store: SessionStore
    let teams: TeamRepository

    public init(database: Database) {
        self.store = .staff(database)
        self.teams = TeamRepository(database: database)
    }

    public struct Session: Sendable, Equatable {
        public var account: StaffAccount
        public var createdAt: Date
        public var lastSeenAt: Date
        public var tokenDigest: String
        /// The teams the member of staff belongs to, read at each request so changes apply at once.
        public var teamIDs: Set<UUID>
        public var sharedDevice: Bool
    }

    /// Starts a session; returns the token for the cookie.
    public func start(for account: StaffAccount, sharedDevice: Bool = false, at now: Date) async throws -> String {
        try await store.start(ownerID: account.id, councilID: account.councilID, sharedDevice: sharedDevice, at: now)
    }

    /// The session for a cookie's token in this council, if it exists and has not expired.
    public func find(token: String, councilID: UUID, policy: SessionPolicy, kiosk: SessionPolicy = .kiosk, now: Date,
                     staff: StaffAccountRepository) async throws -> Session? {
        guard let stored = try await store.find(token: token, councilID: councilID, policy: policy, kiosk: kiosk, now: now),
              let account = try await staff.find(id: stored.ownerID) else { return nil }
        return Session(account: account, createdAt: stored.createdAt, lastSeenAt: stored.lastSeenAt, tokenDigest: stored.tokenDigest,
                       teamIDs: try await teams.teamIDs(of: account.id), sharedDevice: stored.sharedDevice)
    }

    public func recordActivity(_ session: Session, at now: Date) async throws {
        try await store.recordActivity(tokenDigest: session.tokenDigest, at: now)
    }

    public func end(tokenDigest: String) async throws {
        try await store.end(tokenDigest: tokenDigest)
    }
}
