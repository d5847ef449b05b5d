import SQLKit

/// Calls reported by the council's telephony platform: the keys it authenticates with (stored
/// as digests), one row per call with its figures (offered, answered, abandoned, wait), and the
/// screen pops: which advisor each call was put through to, for pushing to their browser.
struct CreateTelephony: Migration {
    let name = "0021-create-telephony"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        try await db.create(table: "telephony_keys")
            .column("token_digest", type: .text, .primaryKey(autoIncrement: false))
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .cascade))
            .column("label", type: .text, .notNull)
            .column("created_at", type: SchemaTypes.timestamp(kind), .notNull)
            .run()
        try await db.create(table: "calls")
            .column("id", type: SchemaTypes.uuid(kind), .primaryKey(autoIncrement: false))
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .cascade))
            .column("external_id", type: .text, .notNull)
            .column("caller_number", type: .text, .notNull)
            .column("customer_id", type: SchemaTypes.uuid(kind), .references("customers", "id", onDelete: .setNull))
            .column("queue", type: .text, .notNull)
            .column("agent", type: .text)
            .column("agent_staff_id", type: SchemaTypes.uuid(kind), .references("staff_accounts", "id", onDelete: .setNull))
            .column("offered_at", type: SchemaTypes.timestamp(kind), .notNull)
            .column("answered_at", type: SchemaTypes.timestamp(kind))
            .column("ended_at", type: SchemaTypes.timestamp(kind))
            .column("wait_seconds", type: .int)
            .run()
        try await db.create(index: "calls_council_external").on("calls").column("council_id").column("external_id").unique().run()
        try await db.create(index: "calls_council_offered").on("calls").column("council_id").column("offered_at").run()
        try await db.create(table: "screen_pops")
            .column("id", type: SchemaTypes.uuid(kind), .primaryKey(autoIncrement: false))
            .column("call_id", type: SchemaTypes.uuid(kind), .notNull, .references("calls", "id", onDelete: .cascade))
            .column("staff_id", type: SchemaTypes.uuid(kind), .notNull, .references("staff_accounts", "id", onDelete: .cascade))
            .column("created_at", type: SchemaTypes.timestamp(kind), .notNull)
            .run()
        try await db.create(index: "screen_pops_staff_call").on("screen_pops").column("staff_id").column("call_id").unique().run()
    }
}
