import SQLKit

/// Every notification sent to a customer, as it was worded when it was queued, with its
/// delivery: which provider, the provider's reference, the status, attempts and last error.
struct CreateNotifications: Migration {
    let name = "0027-create-notifications"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        try await db.create(table: "notifications")
            .column("id", type: SchemaTypes.uuid(kind), .primaryKey(autoIncrement: false))
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .cascade))
            .column("customer_id", type: SchemaTypes.uuid(kind), .references("customers", "id", onDelete: .setNull))
            .column("case_id", type: SchemaTypes.uuid(kind), .references("cases", "id", onDelete: .setNull))
            .column("event", type: .text, .notNull)
            .column("channel", type: .text, .notNull)
            .column("recipient", type: .text, .notNull)
            .column("subject", type: .text, .notNull)
            .column("body", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .column("provider", type: .text)
            .column("provider_reference", type: .text)
            .column("attempts", type: .int, .notNull)
            .column("last_error", type: .text)
            .column("created_at", type: SchemaTypes.timestamp(kind), .notNull)
            .column("sent_at", type: SchemaTypes.timestamp(kind))
            .run()
        try await db.create(index: "notifications_customer").on("notifications").column("customer_id").column("created_at").run()
        try await db.create(index: "notifications_case").on("notifications").column("case_id").run()
    }
}
