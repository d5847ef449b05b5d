import Crypto
import Foundation
import SQLKit

/// Sign-ins that passed the password and wait for the second factor. They last ten minutes.
public struct PendingSignInRepository: Sendable {
    public static let lifetime: TimeInterval = 10 * 60
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public struct Pending: Sendable, Equatable {
        public var accountID: UUID
        public var tokenDigest: String
        /// Set while the account is setting up its authenticator.
        public var enrolmentSecretSealed: String?
        /// The person said they are on a shared computer: the session they get will be a kiosk one.
        public var sharedDevice: Bool
    }

    public func start(accountID: UUID, councilID: UUID, sharedDevice: Bool = false, at now: Date) async throws -> String {
        let token = RandomToken.make()
        try await database.sql.insert(into: "staff_pending_sign_ins")
            .columns("token_digest", "council_id", "staff_account_id", "created_at", "enrolment_secret_sealed", "shared_device")
            .values(SQLBind(RandomToken.digest(token)), SQLBind(councilID), SQLBind(accountID), SQLBind(now), SQLLiteral.null,
                    SQLBind(sharedDevice))
            .run()
        return token
    }

    public func find(token: String, councilID: UUID, now: Date) async throws -> Pending? {
        struct Row: Decodable { var staff_account_id: UUID; var created_at: Date; var enrolment_secret_sealed: String?; var shared_device: Bool }
        let digest = RandomToken.digest(token)
        guard let row = try await database.sql.select().columns("staff_account_id", "created_at", "enrolment_secret_sealed", "shared_device")
            .from("staff_pending_sign_ins").where("token_digest", .equal, digest).where("council_id", .equal, councilID)
            .first(decoding: Row.self) else { return nil }
        guard now.timeIntervalSince(row.created_at) < Self.lifetime else {
            try await end(tokenDigest: digest)
            return nil
        }
        return Pending(accountID: row.staff_account_id, tokenDigest: digest, enrolmentSecretSealed: row.enrolment_secret_sealed,
                       sharedDevice: row.shared_device)
    }

    public func setEnrolmentSecret(_ sealed: String, tokenDigest: String) async throws {
        try await database.sql.update("staff_pending_sign_ins").set("enrolment_secret_sealed", to: sealed)
            .where("token_digest", .equal, tokenDigest).run()
    }

    public func end(tokenDigest: String) async throws {
        try await database.sql.delete(from: "staff_pending_sign_ins").where("token_digest", .equal, tokenDigest).run()
    }
}
