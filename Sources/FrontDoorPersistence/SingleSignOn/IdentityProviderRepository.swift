import Foundation
import FrontDoorDomain
import SQLKit

/// A council's OpenID Connect provider for staff sign-in.
public struct IdentityProviderSettings: Equatable, Sendable {
    /// What the sign-in button says: "Sign in with {displayName}".
    public var displayName: String
    public var issuer: String
    public var clientID: String
    public var clientSecret: String
    /// The ID token claim holding the person's groups or roles (a string or a list of strings).
    public var roleClaim: String
    public var roleMapping: RoleMapping

    public init(displayName: String, issuer: String, clientID: String, clientSecret: String, roleClaim: String, roleMapping: RoleMapping) {
        self.displayName = displayName
        self.issuer = issuer
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.roleClaim = roleClaim
        self.roleMapping = roleMapping
    }
}

public struct IdentityProviderRepository: Sendable {
    let database: Database
    let sealed: SealedSecrets

    public init(database: Database, sealed: SealedSecrets) {
        self.database = database
        self.sealed = sealed
    }

    struct Row: Codable {
        var council_id: UUID
        var display_name: String
        var issuer: String
        var client_id: String
        var client_secret_sealed: String
        var role_claim: String
        var role_mapping: String
        var updated_at: Date
    }

    public func find(councilID: UUID) async throws -> IdentityProviderSettings? {
        guard let row = try await database.sql.select().column("*").from("council_identity_providers")
            .where("council_id", .equal, councilID).first(decoding: Row.self) else { return nil }
        let mapping: RoleMapping
        do {
            mapping = try RoleMapping.parse(row.role_mapping.split(separator: "\n").map(String.init))
        } catch {
            throw StoredDataError.unknownValue(table: "council_identity_providers", column: "role_mapping", value: row.role_mapping)
        }
        return IdentityProviderSettings(displayName: row.display_name, issuer: row.issuer, clientID: row.client_id,
                                        clientSecret: try sealed.open(row.client_secret_sealed), roleClaim: row.role_claim,
                                        roleMapping: mapping)
    }

    /// Sets (or replaces) the council's provider.
    public func save(_ settings: IdentityProviderSettings, councilID: UUID, at now: Date) async throws {
        let row = Row(council_id: councilID, display_name: settings.displayName, issuer: settings.issuer, client_id: settings.clientID,
                      client_secret_sealed: try sealed.seal(settings.clientSecret), role_claim: settings.roleClaim,
                      role_mapping: settings.roleMapping.text, updated_at: now)
        try await database.transaction { db in
            try await db.delete(from: "council_identity_providers").where("council_id", .equal, councilID).run()
            try await db.insert(into: "council_identity_providers").model(row).run()
        }
    }
}
