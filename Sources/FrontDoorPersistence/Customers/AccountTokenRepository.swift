import Foundation
import FrontDoorDomain
import SQLKit

/// The single-use links emailed to residents (confirm an address, set a password). The email
/// carries the token; the database keeps only its digest.
public struct AccountTokenRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// A link as found: whose it is, what for, and whether it can still be used.
    public struct Found: Sendable, Equatable {
        public var tokenDigest: String
        public var customerID: UUID
        public var purpose: AccountTokenPurpose
        /// For `.changeEmail`: the address that will replace the current one.
        public var newEmail: String?
        public var state: AccountTokenState
    }

    /// Issues a link for `purpose`; any earlier unused link for the same purpose stops working,
    /// so only the newest email in someone's inbox is live.
    public func issue(_ purpose: AccountTokenPurpose, customerID: UUID, councilID: UUID, newEmail: String? = nil,
                      at now: Date, on db: any SQLDatabase) async throws -> String {
        try await db.update("account_tokens").set("used_at", to: now)
            .where("customer_id", .equal, customerID).where("purpose", .equal, purpose.rawValue)
            .where("used_at", .is, SQLLiteral.null).run()
        let token = RandomToken.make()
        try await db.insert(into: "account_tokens")
            .columns("token_digest", "council_id", "customer_id", "purpose", "new_email", "issued_at", "used_at")
            .values(SQLBind(RandomToken.digest(token)), SQLBind(councilID), SQLBind(customerID), SQLBind(purpose.rawValue),
                    SQLBind(newEmail?.lowercased()), SQLBind(now), SQLLiteral.null)
            .run()
        return token
    }

    struct Row: Decodable {
        var token_digest: String
        var customer_id: UUID
        var purpose: String
        var new_email: String?
        var issued_at: Date
        var used_at: Date?
    }

    /// The link for `token` in this council and for this purpose; nil if there is none
    /// (a mistyped or truncated link).
    public func find(token: String, purpose: AccountTokenPurpose, councilID: UUID, now: Date,
                     on db: (any SQLDatabase)? = nil) async throws -> Found? {
        guard let row = try await (db ?? database.sql).select().column("*").from("account_tokens")
            .where("token_digest", .equal, RandomToken.digest(token)).where("council_id", .equal, councilID)
            .where("purpose", .equal, purpose.rawValue)
            .first(decoding: Row.self) else { return nil }
        return Found(tokenDigest: row.token_digest, customerID: row.customer_id, purpose: purpose, newEmail: row.new_email,
                     state: AccountTokenState.of(issuedAt: row.issued_at, usedAt: row.used_at, purpose: purpose, now: now))
    }

    /// Marks the link used. Returns false if it had been used already (two clicks racing):
    /// the update only matches an unused row, so exactly one use wins.
    public func use(tokenDigest: String, at now: Date, on db: any SQLDatabase) async throws -> Bool {
        let rows = try await db.update("account_tokens").set("used_at", to: now)
            .where("token_digest", .equal, tokenDigest).where("used_at", .is, SQLLiteral.null)
            .returning("token_digest").all()
        return !rows.isEmpty
    }
}
