import Crypto
import Foundation
import FrontDoorDomain
import SQLKit

/// Staff sign-in sessions. The browser holds a random token; the database holds its SHA-256.
public struct StaffSessionRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public struct Session: Sendable, Equatable {
        public var account: StaffAccount
        public var createdAt: Date
        public var lastSeenAt: Date
        public var tokenDigest: String
    }

    /// Starts a session; returns the token for the cookie (shown nowhere else, stored nowhere).
    public func start(for account: StaffAccount, at now: Date) async throws -> String {
        let token = RandomToken.make()
        try await database.sql.insert(into: "staff_sessions")
            .columns("token_digest", "council_id", "staff_account_id", "created_at", "last_seen_at")
            .values(SQLBind(Self.digest(token)), SQLBind(account.councilID), SQLBind(account.id), SQLBind(now), SQLBind(now))
            .run()
        return token
    }

    /// The session for a cookie's token in this council, if it exists and has not expired
    /// under `policy`; an expired one is removed.
    public func find(token: String, councilID: UUID, policy: SessionPolicy, now: Date, staff: StaffAccountRepository) async throws -> Session? {
        struct Row: Decodable { var token_digest: String; var staff_account_id: UUID; var created_at: Date; var last_seen_at: Date }
        let digest = Self.digest(token)
        guard let row = try await database.sql.select().columns("token_digest", "staff_account_id", "created_at", "last_seen_at")
            .from("staff_sessions").where("token_digest", .equal, digest).where("council_id", .equal, councilID)
            .first(decoding: Row.self) else { return nil }
        if policy.isExpired(createdAt: row.created_at, lastSeenAt: row.last_seen_at, now: now) {
            try await end(tokenDigest: digest)
            return nil
        }
        guard let account = try await staff.find(id: row.staff_account_id) else { return nil }
        return Session(account: account, createdAt: row.created_at, lastSeenAt: row.last_seen_at, tokenDigest: digest)
    }

    public func recordActivity(_ session: Session, at now: Date) async throws {
        try await database.sql.update("staff_sessions").set("last_seen_at", to: now)
            .where("token_digest", .equal, session.tokenDigest).run()
    }

    public func end(tokenDigest: String) async throws {
        try await database.sql.delete(from: "staff_sessions").where("token_digest", .equal, tokenDigest).run()
    }

    static func digest(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).hexString
    }
}
