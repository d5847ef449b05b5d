import Foundation
import FrontDoorDomain
import SQLKit

/// Integrators' API keys: made per council with scopes (the key shown once, its digest kept),
/// looked up when presented, withdrawn by label.
public struct ApiKeyRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// A presented key: whose it is and what it may do.
    public struct Holder: Sendable, Equatable {
        public var id: UUID
        public var councilID: UUID
        public var label: String
        public var scopes: Set<ApiScope>
        public var requestsPerMinute: Int
    }

    public static let defaultRequestsPerMinute = 120

    public func issue(councilID: UUID, label: String, scopes: Set<ApiScope>, requestsPerMinute: Int = defaultRequestsPerMinute,
                      at now: Date = Date()) async throws -> String {
        let token = "fdapi_" + RandomToken.make()
        try await database.sql.insert(into: "api_keys")
            .columns("id", "token_digest", "council_id", "label", "scopes", "requests_per_minute", "created_at")
            .values(SQLBind(UUID()), SQLBind(RandomToken.digest(token)), SQLBind(councilID), SQLBind(label),
                    SQLBind(scopes.map(\.rawValue).sorted().joined(separator: ",")), SQLBind(requestsPerMinute), SQLBind(now))
            .run()
        return token
    }

    public func holder(of token: String) async throws -> Holder? {
        struct Row: Decodable { var id: UUID; var council_id: UUID; var label: String; var scopes: String; var requests_per_minute: Int }
        guard !token.isEmpty, let row = try await database.sql.select().columns("id", "council_id", "label", "scopes", "requests_per_minute")
            .from("api_keys").where("token_digest", .equal, RandomToken.digest(token)).first(decoding: Row.self) else { return nil }
        let scopes = (try? ApiScope.parse(row.scopes).get()) ?? []
        return Holder(id: row.id, councilID: row.council_id, label: row.label, scopes: scopes, requestsPerMinute: row.requests_per_minute)
    }

    /// Counts a request against the key's minute; the seconds until the minute ends when the
    /// key is past its limit, else nil. One statement takes the count, so servers running side
    /// by side never both let the last request through.
    public func spend(_ holder: Holder, at now: Date = Date()) async throws -> Int? {
        struct Taken: Decodable { var requests: Int }
        let seconds = Int64(now.timeIntervalSince1970)
        let window = seconds / 60 * 60
        let taken = try await database.sql.raw("""
            INSERT INTO api_rate_windows (key_id, window_start, requests) VALUES (\(bind: holder.id), \(bind: window), 1)
            ON CONFLICT (key_id, window_start) DO UPDATE SET requests = api_rate_windows.requests + 1
            RETURNING requests
            """).first(decoding: Taken.self)?.requests ?? 0
        if window % 600 == 0 {
            // Now and then, old windows go.
            try await database.sql.delete(from: "api_rate_windows").where("window_start", .lessThan, window - 3600).run()
        }
        return taken > holder.requestsPerMinute ? Int(window + 60 - seconds) : nil
    }

    /// Withdraws every key with this label at the council; the number withdrawn.
    public func revoke(councilID: UUID, label: String) async throws -> Int {
        struct Gone: Decodable { var id: UUID }
        return try await database.sql.delete(from: "api_keys").where("council_id", .equal, councilID).where("label", .equal, label)
            .returning("id").all(decoding: Gone.self).count
    }
}
