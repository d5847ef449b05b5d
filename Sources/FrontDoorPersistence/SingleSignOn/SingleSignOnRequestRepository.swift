import Foundation
import SQLKit

/// Sign-ins on their way through the identity provider: what the callback needs to finish one
/// (the PKCE verifier, the nonce, where to go afterwards). Each is used once, within ten minutes.
public struct SingleSignOnRequestRepository: Sendable {
    let database: Database

    public static let lifetime: TimeInterval = 10 * 60

    public init(database: Database) {
        self.database = database
    }

    public struct Request: Sendable, Equatable {
        public var state: String
        public var codeVerifier: String
        public var nonce: String
        public var returnTo: String?
    }

    /// A new request with fresh random state, nonce and verifier.
    public func start(councilID: UUID, returnTo: String?, at now: Date) async throws -> Request {
        let request = Request(state: RandomToken.make(), codeVerifier: RandomToken.make(), nonce: RandomToken.make(), returnTo: returnTo)
        try await database.sql.delete(from: "staff_sso_requests").where("created_at", .lessThan, now.addingTimeInterval(-Self.lifetime)).run()
        try await database.sql.insert(into: "staff_sso_requests")
            .columns("state_digest", "council_id", "code_verifier", "nonce", "return_to", "created_at")
            .values(SQLBind(RandomToken.digest(request.state)), SQLBind(councilID), SQLBind(request.codeVerifier),
                    SQLBind(request.nonce), SQLBind(returnTo), SQLBind(now))
            .run()
        return request
    }

    /// Takes the request for `state` (it is removed, so a replayed callback finds nothing);
    /// nil when unknown, for another council, or older than ten minutes.
    public func take(state: String, councilID: UUID, now: Date) async throws -> Request? {
        struct Row: Decodable { var code_verifier: String; var nonce: String; var return_to: String?; var created_at: Date }
        let rows = try await database.sql.delete(from: "staff_sso_requests")
            .where("state_digest", .equal, RandomToken.digest(state)).where("council_id", .equal, councilID)
            .returning("code_verifier", "nonce", "return_to", "created_at").all(decoding: Row.self)
        guard let row = rows.first, now.timeIntervalSince(row.created_at) < Self.lifetime else { return nil }
        return Request(state: state, codeVerifier: row.code_verifier, nonce: row.nonce, returnTo: row.return_to)
    }
}
