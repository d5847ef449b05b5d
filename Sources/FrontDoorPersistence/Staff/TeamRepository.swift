import Foundation
import FrontDoorDomain
import SQLKit

/// A council's teams and who belongs to them.
public struct TeamRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public struct NameTaken: Error, Equatable {}

    struct Row: Codable {
        var id: UUID
        var council_id: UUID
        var name: String
        var created_at: Date
    }

    public func create(_ team: Team, at now: Date) async throws {
        let existing = try await all(councilID: team.councilID)
        if existing.contains(where: { $0.name.lowercased() == team.name.lowercased() }) { throw NameTaken() }
        try await database.sql.insert(into: "teams").model(Row(id: team.id, council_id: team.councilID, name: team.name, created_at: now)).run()
    }

    /// The council's teams, by name.
    public func all(councilID: UUID) async throws -> [Team] {
        try await database.sql.select().column("*").from("teams").where("council_id", .equal, councilID).orderBy("name")
            .all(decoding: Row.self).map { Team(id: $0.id, councilID: $0.council_id, name: $0.name) }
    }

    public func teamIDs(of accountID: UUID, on db: (any SQLDatabase)? = nil) async throws -> Set<UUID> {
        struct Membership: Decodable { var team_id: UUID }
        return Set(try await (db ?? database.sql).select().column("team_id").from("staff_team_memberships")
            .where("staff_account_id", .equal, accountID).all(decoding: Membership.self).map(\.team_id))
    }

    /// Every account's teams in a council, for the staff list.
    public func memberships(councilID: UUID) async throws -> [UUID: Set<UUID>] {
        struct Membership: Decodable { var staff_account_id: UUID; var team_id: UUID }
        let rows = try await database.sql.select().column(SQLColumn("staff_account_id", table: "staff_team_memberships")).column(SQLColumn("team_id", table: "staff_team_memberships"))
            .from("staff_team_memberships").join(SQLIdentifier("teams"), on: SQLColumn("id", table: "teams"), .equal, SQLColumn("team_id", table: "staff_team_memberships"))
            .where(SQLColumn("council_id", table: "teams"), .equal, SQLBind(councilID)).all(decoding: Membership.self)
        return rows.reduce(into: [:]) { $0[$1.staff_account_id, default: []].insert($1.team_id) }
    }

    /// Makes the account's teams exactly `teamIDs`.
    public func setTeams(of accountID: UUID, to teamIDs: Set<UUID>, on db: any SQLDatabase) async throws {
        try await db.delete(from: "staff_team_memberships").where("staff_account_id", .equal, accountID).run()
        for teamID in teamIDs.sorted(by: { $0.uuidString < $1.uuidString }) {
            try await db.insert(into: "staff_team_memberships").columns("staff_account_id", "team_id")
                .values(SQLBind(accountID), SQLBind(teamID)).run()
        }
    }
}
