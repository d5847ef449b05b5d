import SQLKit

/// Back-office systems' webhook endpoints per council (their signing secret sealed under
/// SESSION_SECRET, the events they want), and the delivery log: one row per event per
/// endpoint, written in the transaction of the change, sent by a queued job.
struct CreateWebhooks: Migration {
    let name = "0031-create-webhooks"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        try await db.create(table: "webhook_endpoints")
            .column("id", type: SchemaTypes.uuid(kind), .primaryKey(autoIncrement: false))
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .cascade))
            .column("url", type: .text, .notNull)
            .column("description", type: .text, .notNull)
            .column("events", type: .text, .notNull)
            .column("sealed_secret", type: .text, .notNull)
            .column("created_by", type: .text, .notNull)
            .column("created_at", type: SchemaTypes.timestamp(kind), .notNull)
            .column("disabled_at", type: SchemaTypes.timestamp(kind))
            .run()
        try await db.create(index: "webhook_endpoints_council").on("webhook_endpoints").column("council_id").run()

        try await db.create(table: "webhook_deliveries")
            .column("id", type: SchemaTypes.uuid(kind), .primaryKey(autoIncrement: false))
            .column("endpoint_id", type: SchemaTypes.uuid(kind), .notNull, .references("webhook_endpoints", "id", onDelete: .cascade))
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .cascade))
            .column("event", type: .text, .notNull)
            .column("payload", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .column("attempts", type: .int, .notNull)
            .column("last_status_code", type: .int)
            .column("last_error", type: .text)
            .column("created_at", type: SchemaTypes.timestamp(kind), .notNull)
            .column("delivered_at", type: SchemaTypes.timestamp(kind))
            .run()
        try await db.create(index: "webhook_deliveries_endpoint").on("webhook_deliveries").column("endpoint_id").column("created_at").run()
    }
}
