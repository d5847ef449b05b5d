import Foundation
import FrontDoorDomain
import SQLKit

/// Each account's authenticator secret (sealed), the last time step used, and recovery codes.
public struct TwoFactorRepository: Sendable {
    let database: Database
    let sealed: SealedSecrets

    public init(database: Database, sealed: SealedSecrets) {
        self.database = database
        self.sealed = sealed
    }

    public struct Setup: Sendable, Equatable {
        public var secret: String
        public var lastUsedStep: Int64?
    }

    public func setup(for accountID: UUID) async throws -> Setup? {
        struct Row: Decodable { var secret_sealed: String; var last_used_step: Int64? }
        guard let row = try await database.sql.select().columns("secret_sealed", "last_used_step").from("staff_two_factor")
            .where("staff_account_id", .equal, accountID).first(decoding: Row.self) else { return nil }
        return Setup(secret: try sealed.open(row.secret_sealed), lastUsedStep: row.last_used_step)
    }

    /// Turns two-factor on with a confirmed secret and a fresh set of recovery codes.
    public func enable(accountID: UUID, secret: String, confirmedStep: Int64, recoveryCodes: [String], at now: Date) async throws {
        let sealedSecret = try sealed.seal(secret)
        try await database.transaction { db in
            try await db.delete(from: "staff_recovery_codes").where("staff_account_id", .equal, accountID).run()
            try await db.delete(from: "staff_two_factor").where("staff_account_id", .equal, accountID).run()
            try await db.insert(into: "staff_two_factor")
                .columns("staff_account_id", "secret_sealed", "last_used_step", "enabled_at")
                .values(SQLBind(accountID), SQLBind(sealedSecret), SQLBind(confirmedStep), SQLBind(now)).run()
            for code in recoveryCodes {
                try await db.insert(into: "staff_recovery_codes").columns("code_digest", "staff_account_id", "used_at")
                    .values(SQLBind(RecoveryCodes.digest(code)), SQLBind(accountID), SQLLiteral.null).run()
            }
        }
    }

    /// Records that `step` has been used, only if it is later than the last one: two requests
    /// racing with the same code cannot both succeed. Returns whether this call recorded it.
    public func consume(step: Int64, accountID: UUID) async throws -> Bool {
        try await database.transaction { db in
            struct Row: Decodable { var last_used_step: Int64? }
            let current = try await db.select().column("last_used_step").from("staff_two_factor")
                .where("staff_account_id", .equal, accountID).first(decoding: Row.self)
            guard let current, (current.last_used_step ?? Int64.min) < step else { return false }
            try await db.update("staff_two_factor").set("last_used_step", to: step)
                .where("staff_account_id", .equal, accountID).run()
            return true
        }
    }

    /// Uses a recovery code once. Returns whether it was a valid, unused code of this account.
    public func useRecoveryCode(_ typed: String, accountID: UUID, at now: Date) async throws -> Bool {
        let digest = RecoveryCodes.digest(typed)
        return try await database.transaction { db in
            struct Row: Decodable { var used_at: Date? }
            guard let row = try await db.select().column("used_at").from("staff_recovery_codes")
                .where("code_digest", .equal, digest).where("staff_account_id", .equal, accountID)
                .first(decoding: Row.self), row.used_at == nil else { return false }
            try await db.update("staff_recovery_codes").set("used_at", to: now).where("code_digest", .equal, digest).run()
            return true
        }
    }

    public func unusedRecoveryCodeCount(accountID: UUID) async throws -> Int {
        try await database.sql.select().column("code_digest").from("staff_recovery_codes")
            .where("staff_account_id", .equal, accountID).where("used_at", .is, SQLLiteral.null).all().count
    }
}
