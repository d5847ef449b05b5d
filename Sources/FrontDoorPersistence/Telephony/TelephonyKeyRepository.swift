import Foundation
import SQLKit

/// The keys a council's telephony platform presents (as a bearer token) when it reports call
/// events. Only each key's digest is stored: the key is shown once, when it is made.
public struct TelephonyKeyRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Makes a key for the council and returns it; it cannot be shown again.
    public func issue(councilID: UUID, label: String, at now: Date = Date()) async throws -> String {
        let token = "fdtel_" + RandomToken.make()
        try await database.sql.insert(into: "telephony_keys").columns("token_digest", "council_id", "label", "created_at")
            .values(SQLBind(RandomToken.digest(token)), SQLBind(councilID), SQLBind(label), SQLBind(now)).run()
        return token
    }

    /// The council a presented key belongs to; nil for an unknown (or revoked) key.
    public func council(for token: String) async throws -> UUID? {
        struct Owner: Decodable { var council_id: UUID }
        return try await database.sql.select().column("council_id").from("telephony_keys")
            .where("token_digest", .equal, RandomToken.digest(token)).first(decoding: Owner.self)?.council_id
    }

    /// Withdraws every key with this label at the council; the number withdrawn.
    public func revoke(councilID: UUID, label: String) async throws -> Int {
        struct Gone: Decodable { var token_digest: String }
        return try await database.sql.delete(from: "telephony_keys").where("council_id", .equal, councilID).where("label", .equal, label)
            .returning("token_digest").all(decoding: Gone.self).count
    }
}
