import SQLKit

/// Teams (which will own services), who belongs to which, and the invitations through which
/// administrators bring staff in: the invited person chooses their own password.
struct CreateTeamsAndInvitations: Migration {
    let name = "0006-create-teams-and-invitations"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        try await db.create(table: "teams")
            .column("id", type: SchemaTypes.uuid(kind), .primaryKey(autoIncrement: false))
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .restrict))
            .column("name", type: .text, .notNull)
            .column("created_at", type: SchemaTypes.timestamp(kind), .notNull)
            .run()
        try await db.create(index: "teams_council_name").on("teams").column("council_id").column("name").unique().run()

        try await db.create(table: "staff_team_memberships")
            .column("staff_account_id", type: SchemaTypes.uuid(kind), .notNull, .references("staff_accounts", "id", onDelete: .cascade))
            .column("team_id", type: SchemaTypes.uuid(kind), .notNull, .references("teams", "id", onDelete: .cascade))
            .primaryKey("staff_account_id", "team_id")
            .run()

        // Only the digest of the emailed token is stored. `team_ids` is a comma-separated list:
        // an invitation's teams are copied into memberships when it is accepted, never queried.
        try await db.create(table: "staff_invitations")
            .column("token_digest", type: .text, .primaryKey(autoIncrement: false))
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .cascade))
            .column("email", type: .text, .notNull)
            .column("display_name", type: .text, .notNull)
            .column("role", type: .text, .notNull)
            .column("team_ids", type: .text, .notNull, .default(""))
            .column("invited_by", type: SchemaTypes.uuid(kind), .references("staff_accounts", "id", onDelete: .setNull))
            .column("issued_at", type: SchemaTypes.timestamp(kind), .notNull)
            .column("accepted_at", type: SchemaTypes.timestamp(kind))
            .run()
    }
}
