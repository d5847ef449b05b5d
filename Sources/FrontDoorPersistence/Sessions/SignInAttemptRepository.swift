import Foundation
import SQLKit

/// Failed and successful sign-ins, for the lock-out rule (`SignInThrottle`).
/// Staff and residents are counted apart (`realm`), so one cannot lock the other out.
public struct SignInAttemptRepository: Sendable {
    public enum Realm: String, Sendable {
        case staff
        case residents
    }

    let database: Database
    let realm: Realm

    public init(database: Database, realm: Realm = .staff) {
        self.database = database
        self.realm = realm
    }

    public func record(councilID: UUID, email: String, address: String, at: Date, succeeded: Bool) async throws {
        try await database.sql.insert(into: "sign_in_attempts")
            .columns("id", "council_id", "email", "address", "attempted_at", "succeeded", "realm")
            .values(SQLBind(UUID()), SQLBind(councilID), SQLBind(email.lowercased()), SQLBind(address), SQLBind(at), SQLBind(succeeded),
                    SQLBind(realm.rawValue))
            .run()
    }

    /// Times of failures for this email since its last success, no older than `since`.
    public func failures(councilID: UUID, email: String, since: Date) async throws -> [Date] {
        try await failures(matching: {
            $0.where("council_id", .equal, councilID).where("email", .equal, email.lowercased()).where("realm", .equal, realm.rawValue)
        }, since: since)
    }

    /// Times of failures from this address (any account, any council) since `since`.
    public func failures(address: String, since: Date) async throws -> [Date] {
        try await failures(matching: { $0.where("address", .equal, address) }, since: since)
    }

    private func failures(matching filter: (SQLSelectBuilder) -> SQLSelectBuilder, since: Date) async throws -> [Date] {
        struct Attempt: Decodable { var attempted_at: Date; var succeeded: Bool }
        let attempts = try await filter(database.sql.select().columns("attempted_at", "succeeded").from("sign_in_attempts"))
            .where("attempted_at", .greaterThanOrEqual, since).orderBy("attempted_at", .descending)
            .all(decoding: Attempt.self)
        // Only failures after the most recent success count.
        return Array(attempts.prefix { !$0.succeeded }.map(\.attempted_at))
    }
}
