import SQLKit

/// Callbacks promised to customers, each with the window the customer was told; the open ones
/// form the advisors' queue, earliest window first.
struct CreateCallbacks: Migration {
    let name = "0020-create-callbacks"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        try await db.create(table: "callbacks")
            .column("id", type: SchemaTypes.uuid(kind), .primaryKey(autoIncrement: false))
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .cascade))
            .column("customer_id", type: SchemaTypes.uuid(kind), .notNull, .references("customers", "id", onDelete: .cascade))
            .column("phone", type: .text, .notNull)
            .column("window_start", type: SchemaTypes.timestamp(kind), .notNull)
            .column("window_end", type: SchemaTypes.timestamp(kind), .notNull)
            .column("reason", type: .text, .notNull)
            .column("service_id", type: SchemaTypes.uuid(kind), .references("services", "id", onDelete: .setNull))
            .column("booked_by", type: .text, .notNull)
            .column("booked_at", type: SchemaTypes.timestamp(kind), .notNull)
            .column("completed_by", type: .text)
            .column("completed_at", type: SchemaTypes.timestamp(kind))
            .column("completion_note", type: .text)
            .run()
        try await db.create(index: "callbacks_queue").on("callbacks").column("council_id").column("completed_at").column("window_start").run()
        try await db.create(index: "callbacks_customer").on("callbacks").column("customer_id").run()
    }
}
