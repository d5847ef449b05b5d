import Foundation
import FrontDoorDomain
import SQLKit

/// Signed-in sessions, for staff (`staff_sessions`) and residents (`resident_sessions`) alike:
/// the browser holds a random token; the database holds its SHA-256, so a copy of the database
/// signs nobody in.
public struct SessionStore: Sendable {
    let database: Database
    let table: String
    /// The column naming whose session it is (`staff_account_id`, `customer_id`).
    let ownerColumn: String

    public static func staff(_ database: Database) -> SessionStore {
        SessionStore(database: database, table: "staff_sessions", ownerColumn: "staff_account_id")
    }

    public static func residents(_ database: Database) -> SessionStore {
        SessionStore(database: database, table: "resident_sessions", ownerColumn: "customer_id")
    }

    public struct Stored: Sendable, Equatable {
        public var ownerID: UUID
        public var createdAt: Date
        public var lastSeenAt: Date
        public var tokenDigest: String
        /// Signed in on a shared or public computer: the kiosk timeouts apply.
        public var sharedDevice: Bool
    }

    /// Starts a session; returns the token for the cookie (shown nowhere else, stored nowhere).
    public func start(ownerID: UUID, councilID: UUID, sharedDevice: Bool, at now: Date) async throws -> String {
        let token = RandomToken.make()
        try await database.sql.insert(into: table)
            .columns("token_digest", "council_id", ownerColumn, "created_at", "last_seen_at", "shared_device")
            .values(SQLBind(RandomToken.digest(token)), SQLBind(councilID), SQLBind(ownerID), SQLBind(now), SQLBind(now), SQLBind(sharedDevice))
            .run()
        return token
    }

    /// The live session for a cookie's token in this council. One that has outlived `policy`
    /// (or `kiosk`, for a shared device) is removed and nil returned.
    public func find(token: String, councilID: UUID, policy: SessionPolicy, kiosk: SessionPolicy = .kiosk, now: Date) async throws -> Stored? {
        let digest = RandomToken.digest(token)
        guard let row = try await database.sql.select()
            .column("token_digest").column(SQLAlias(SQLColumn(ownerColumn), as: SQLIdentifier("owner_id")))
            .columns("created_at", "last_seen_at", "shared_device")
            .from(table).where("token_digest", .equal, digest).where("council_id", .equal, councilID)
            .first(decoding: Row.self) else { return nil }
        let applies = row.shared_device ? kiosk : policy
        if applies.isExpired(createdAt: row.created_at, lastSeenAt: row.last_seen_at, now: now) {
            try await end(tokenDigest: digest)
            return nil
        }
        return Stored(ownerID: row.owner_id, createdAt: row.created_at, lastSeenAt: row.last_seen_at,
                      tokenDigest: digest, sharedDevice: row.shared_device)
    }

    private struct Row: Decodable {
        var token_digest: String
        var owner_id: UUID
        var created_at: Date
        var last_seen_at: Date
        var shared_device: Bool
    }

    public func recordActivity(tokenDigest: String, at now: Date) async throws {
        try await database.sql.update(table).set("last_seen_at", to: now).where("token_digest", .equal, tokenDigest).run()
    }

    public func end(tokenDigest: String) async throws {
        try await database.sql.delete(from: table).where("token_digest", .equal, tokenDigest).run()
    }

    /// Ends every session of one person: after a password reset, nobody who knew the old
    /// password stays signed in.
    public func endAll(ownerID: UUID, on db: (any SQLDatabase)? = nil) async throws {
        try await (db ?? database.sql).delete(from: table).where(SQLColumn(ownerColumn), .equal, SQLBind(ownerID)).run()
    }
}
