import SQLKit

/// Staff sign-in accounts. Roles, teams and invitations build on this table later.
struct CreateStaffAccounts: Migration {
    let name = "0002-create-staff-accounts"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        try await db.create(table: "staff_accounts")
            .column("id", type: SchemaTypes.uuid(kind), .primaryKey(autoIncrement: false))
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull,
                    .references("councils", "id", onDelete: .restrict))
            .column("email", type: .text, .notNull)
            .column("display_name", type: .text, .notNull)
            .column("role", type: .text, .notNull)
            .column("password_hash", type: .text, .notNull)
            .column("is_demo", type: SchemaTypes.boolean(kind), .notNull, .default(false))
            .column("created_at", type: SchemaTypes.timestamp(kind), .notNull)
            .run()
        // Email addresses are stored lower-cased, so a plain unique index is case-insensitive in effect.
        try await db.create(index: "staff_accounts_council_email").on("staff_accounts")
            .column("council_id").column("email").unique().run()
    }
}
