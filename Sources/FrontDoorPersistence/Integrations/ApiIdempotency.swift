import Crypto
import Foundation
import SQLKit

/// The integration API's Idempotency-Key store. The first request with a key claims it (one
/// insert, so of two sent together exactly one proceeds); its successful answer is kept for a
/// day and given again to a request repeating it; a failed one releases the key so the client
/// can put the request right and send it again with the same key.
public struct ApiIdempotency: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public static let lifetime: TimeInterval = 24 * 3600

    /// What identifies a request for its key: its method, path and body.
    public static func fingerprint(method: String, path: String, body: Data) -> String {
        var hash = SHA256()
        hash.update(data: Data((method + " " + path + "\n").utf8))
        hash.update(data: body)
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// An answer as it was given.
    public struct Answer: Sendable, Equatable {
        public var status: Int
        public var headers: [String: String]
        public var body: String

        public init(status: Int, headers: [String: String], body: String) {
            self.status = status
            self.headers = headers
            self.body = body
        }
    }

    public enum Claim: Sendable, Equatable {
        /// The key is new: answer the request, then `keep` or `release`.
        case proceed
        /// The same request was answered before: give this answer again.
        case replay(Answer)
        /// The same key is on a request still being answered.
        case inFlight
        /// The key came with a different request before.
        case reusedForAnotherRequest
    }

    /// `fingerprint` identifies the request (its method, path and body), so a key sent again
    /// with something else is caught.
    public func claim(keyID: UUID, key: String, fingerprint: String, at now: Date = Date()) async throws -> Claim {
        struct Claimed: Decodable { var key_id: UUID }
        struct Row: Decodable { var fingerprint: String; var status: Int?; var headers: String?; var body: String? }
        try await database.sql.delete(from: "api_idempotency").where("created_at", .lessThan, now.addingTimeInterval(-Self.lifetime)).run()
        let claimed = try await database.sql.raw("""
            INSERT INTO api_idempotency (key_id, idempotency_key, fingerprint, created_at)
            VALUES (\(bind: keyID), \(bind: key), \(bind: fingerprint), \(bind: now))
            ON CONFLICT (key_id, idempotency_key) DO NOTHING RETURNING key_id
            """).first(decoding: Claimed.self)
        if claimed != nil { return .proceed }
        guard let row = try await database.sql.select().columns("fingerprint", "status", "headers", "body").from("api_idempotency")
            .where("key_id", .equal, keyID).where("idempotency_key", .equal, key).first(decoding: Row.self) else {
            // Released between the insert and the read: the caller may simply try again.
            return .inFlight
        }
        guard row.fingerprint == fingerprint else { return .reusedForAnotherRequest }
        guard let status = row.status else { return .inFlight }
        let headers = (row.headers?.data(using: .utf8)).flatMap { try? JSONDecoder().decode([String: String].self, from: $0) } ?? [:]
        return .replay(Answer(status: status, headers: headers, body: row.body ?? ""))
    }

    public func keep(_ answer: Answer, keyID: UUID, key: String) async throws {
        let headers = String(decoding: try JSONEncoder().encode(answer.headers), as: UTF8.self)
        try await database.sql.update("api_idempotency").set("status", to: SQLBind(answer.status)).set("headers", to: SQLBind(headers))
            .set("body", to: SQLBind(answer.body)).where("key_id", .equal, keyID).where("idempotency_key", .equal, key).run()
    }

    public func release(keyID: UUID, key: String) async throws {
        try await database.sql.delete(from: "api_idempotency").where("key_id", .equal, keyID).where("idempotency_key", .equal, key)
            .where("status", .is, SQLLiteral.null).run()
    }
}
