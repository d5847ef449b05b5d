import Foundation
import FrontDoorDomain
import SQLKit

/// Staff accounts: created by administrators (and the `create-admin` command).
public struct StaffAccountRepository: Sendable {
    let database: Database
    let hasher: PasswordHasher
    let commonPasswords: CommonPasswords

    public init(database: Database, hasher: PasswordHasher, commonPasswords: CommonPasswords = .none) {
        self.database = database
        self.hasher = hasher
        self.commonPasswords = commonPasswords
    }

    public enum CreateError: Error, Equatable, CustomStringConvertible {
        case emailTaken(String)
        case invalidEmail(String)
        case weakPassword(PasswordRule.Problem)

        public var description: String {
            switch self {
            case .emailTaken(let email): "a staff account for \(email) already exists in this council"
            case .invalidEmail(let email): "\"\(email)\" is not an email address"
            case .weakPassword(let problem): problem.description
            }
        }
    }

    struct Row: Codable {
        var id: UUID
        var council_id: UUID
        var email: String
        var display_name: String
        var role: String
        var password_hash: String
        var is_demo: Bool
        var created_at: Date

        func toAccount() throws -> StaffAccount {
            guard let role = StaffRole(rawValue: role) else {
                throw StoredDataError.unknownValue(table: "staff_accounts", column: "role", value: role)
            }
            return StaffAccount(id: id, councilID: council_id, email: email, displayName: display_name, role: role)
        }
    }

    @discardableResult
    public func create(_ account: StaffAccount, password: String, isDemo: Bool = false, at now: Date = Date()) async throws -> StaffAccount {
        guard EmailAddressRule.isPlausible(account.email) else { throw CreateError.invalidEmail(account.email) }
        if let problem = PasswordRule.check(password, against: commonPasswords) { throw CreateError.weakPassword(problem) }
        if try await find(email: account.email, councilID: account.councilID) != nil {
            throw CreateError.emailTaken(account.email)
        }
        try await insert(account, passwordHash: try await hasher.hash(password), isDemo: isDemo, at: now, on: database.sql)
        return account
    }

    /// Adds an account whose password was checked and hashed already (an accepted invitation).
    public func insert(_ account: StaffAccount, passwordHash: String, isDemo: Bool = false, at now: Date, on db: any SQLDatabase) async throws {
        if try await db.select().column("id").from("staff_accounts").where("council_id", .equal, account.councilID)
            .where("email", .equal, account.email).first() != nil {
            throw CreateError.emailTaken(account.email)
        }
        let row = Row(id: account.id, council_id: account.councilID, email: account.email,
                      display_name: account.displayName, role: account.role.rawValue,
                      password_hash: passwordHash, is_demo: isDemo, created_at: now)
        try await db.insert(into: "staff_accounts").model(row).run()
    }

    public func hashPassword(_ password: String) async throws -> String {
        try await hasher.hash(password)
    }

    /// The council's staff, by name.
    public func all(councilID: UUID) async throws -> [StaffAccount] {
        try await database.sql.select().column("*").from("staff_accounts").where("council_id", .equal, councilID)
            .orderBy("display_name").all(decoding: Row.self).map { try $0.toAccount() }
    }

    public func changeRole(of accountID: UUID, to role: StaffRole, on db: any SQLDatabase) async throws {
        try await db.update("staff_accounts").set("role", to: role.rawValue).where("id", .equal, accountID).run()
    }

    public func find(email: String, councilID: UUID) async throws -> StaffAccount? {
        try await database.sql.select().column("*").from("staff_accounts")
            .where("council_id", .equal, councilID).where("email", .equal, email.lowercased())
            .first(decoding: Row.self)?.toAccount()
    }

    public func find(id: UUID) async throws -> StaffAccount? {
        try await database.sql.select().column("*").from("staff_accounts").where("id", .equal, id)
            .first(decoding: Row.self)?.toAccount()
    }

    public func demoAccounts() async throws -> [StaffAccount] {
        try await database.sql.select().column("*").from("staff_accounts").where("is_demo", .equal, true)
            .orderBy("email").all(decoding: Row.self).map { try $0.toAccount() }
    }

    /// Checks a password; nil when the account does not exist or the password is wrong.
    public func authenticate(email: String, councilID: UUID, password: String) async throws -> StaffAccount? {
        guard let row = try await database.sql.select().column("*").from("staff_accounts")
            .where("council_id", .equal, councilID).where("email", .equal, email.lowercased())
            .first(decoding: Row.self) else { return nil }
        return try await hasher.verify(password, against: row.password_hash) ? row.toAccount() : nil
    }
}
