import SQLKit

/// Staff sessions, the sign-in attempts that drive lock-outs, and the append-only audit trail.
struct CreateSessionsAttemptsAndAudit: Migration {
    let name = "0003-create-sessions-attempts-and-audit"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        // Only a digest of the cookie's token is stored: a copy of the database signs nobody in.
        try await db.create(table: "staff_sessions")
            .column("token_digest", type: .text, .primaryKey(autoIncrement: false))
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .cascade))
            .column("staff_account_id", type: SchemaTypes.uuid(kind), .notNull, .references("staff_accounts", "id", onDelete: .cascade))
            .column("created_at", type: SchemaTypes.timestamp(kind), .notNull)
            .column("last_seen_at", type: SchemaTypes.timestamp(kind), .notNull)
            .run()
        try await db.create(index: "staff_sessions_account").on("staff_sessions").column("staff_account_id").run()

        try await db.create(table: "sign_in_attempts")
            .column("id", type: SchemaTypes.uuid(kind), .primaryKey(autoIncrement: false))
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .cascade))
            .column("email", type: .text, .notNull)
            .column("address", type: .text, .notNull)
            .column("attempted_at", type: SchemaTypes.timestamp(kind), .notNull)
            .column("succeeded", type: SchemaTypes.boolean(kind), .notNull)
            .run()
        try await db.create(index: "sign_in_attempts_email").on("sign_in_attempts").column("council_id").column("email").column("attempted_at").run()
        try await db.create(index: "sign_in_attempts_address").on("sign_in_attempts").column("address").column("attempted_at").run()

        try await db.create(table: "audit_events")
            .column("id", type: SchemaTypes.uuid(kind), .primaryKey(autoIncrement: false))
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .restrict))
            .column("occurred_at", type: SchemaTypes.timestamp(kind), .notNull)
            .column("actor_id", type: SchemaTypes.uuid(kind))
            .column("actor", type: .text, .notNull)
            .column("event", type: .text, .notNull)
            .column("subject", type: .text, .notNull)
            .column("address", type: .text, .notNull)
            .run()
        try await db.create(index: "audit_events_council_time").on("audit_events").column("council_id").column("occurred_at").run()
    }
}
