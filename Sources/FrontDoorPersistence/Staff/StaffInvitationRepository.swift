import Foundation
import FrontDoorDomain
import SQLKit

/// Invitations to join a council's staff. The email carries the token; the database its digest.
public struct StaffInvitationRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public struct Invitation: Sendable, Equatable {
        public var email: String
        public var displayName: String
        public var role: StaffRole
        public var teamIDs: Set<UUID>

        public init(email: String, displayName: String, role: StaffRole, teamIDs: Set<UUID>) {
            self.email = email.lowercased()
            self.displayName = displayName
            self.role = role
            self.teamIDs = teamIDs
        }
    }

    public struct Found: Sendable, Equatable {
        public var tokenDigest: String
        public var invitation: Invitation
        public var state: AccountTokenState
    }

    /// Issues an invitation; an earlier unanswered one to the same address stops working.
    public func issue(_ invitation: Invitation, councilID: UUID, invitedBy: UUID, at now: Date, on db: any SQLDatabase) async throws -> String {
        try await db.update("staff_invitations").set("accepted_at", to: now)
            .where("council_id", .equal, councilID).where("email", .equal, invitation.email)
            .where("accepted_at", .is, SQLLiteral.null).run()
        let token = RandomToken.make()
        try await db.insert(into: "staff_invitations")
            .columns("token_digest", "council_id", "email", "display_name", "role", "team_ids", "invited_by", "issued_at", "accepted_at")
            .values(SQLBind(RandomToken.digest(token)), SQLBind(councilID), SQLBind(invitation.email), SQLBind(invitation.displayName),
                    SQLBind(invitation.role.rawValue), SQLBind(invitation.teamIDs.map(\.uuidString).sorted().joined(separator: ",")),
                    SQLBind(invitedBy), SQLBind(now), SQLLiteral.null)
            .run()
        return token
    }

    struct Row: Decodable {
        var token_digest: String
        var email: String
        var display_name: String
        var role: String
        var team_ids: String
        var issued_at: Date
        var accepted_at: Date?
    }

    public func find(token: String, councilID: UUID, now: Date, on db: (any SQLDatabase)? = nil) async throws -> Found? {
        guard let row = try await (db ?? database.sql).select().column("*").from("staff_invitations")
            .where("token_digest", .equal, RandomToken.digest(token)).where("council_id", .equal, councilID)
            .first(decoding: Row.self) else { return nil }
        guard let role = StaffRole(rawValue: row.role) else {
            throw StoredDataError.unknownValue(table: "staff_invitations", column: "role", value: row.role)
        }
        let teams = Set(row.team_ids.split(separator: ",").compactMap { UUID(uuidString: String($0)) })
        return Found(tokenDigest: row.token_digest,
                     invitation: Invitation(email: row.email, displayName: row.display_name, role: role, teamIDs: teams),
                     state: AccountTokenState.of(issuedAt: row.issued_at, usedAt: row.accepted_at,
                                                 lifetime: StaffInvitationPolicy.lifetime, now: now))
    }

    /// Marks the invitation accepted; false if it already was (one acceptance wins).
    public func accept(tokenDigest: String, at now: Date, on db: any SQLDatabase) async throws -> Bool {
        !(try await db.update("staff_invitations").set("accepted_at", to: now)
            .where("token_digest", .equal, tokenDigest).where("accepted_at", .is, SQLLiteral.null)
            .returning("token_digest").all()).isEmpty
    }

    /// Invitations not yet answered, newest first, for the staff page.
    public func pending(councilID: UUID, now: Date) async throws -> [Invitation] {
        try await database.sql.select().column("*").from("staff_invitations")
            .where("council_id", .equal, councilID).where("accepted_at", .is, SQLLiteral.null)
            .where("issued_at", .greaterThan, now.addingTimeInterval(-StaffInvitationPolicy.lifetime))
            .orderBy("issued_at", .descending).all(decoding: Row.self)
            .compactMap { row in
                StaffRole(rawValue: row.role).map { Invitation(email: row.email, displayName: row.display_name, role: $0, teamIDs: []) }
            }
    }
}
