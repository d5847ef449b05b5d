import SQLKit

/// Every contact on every channel: the single view of the customer, and (later) the figures
/// for channel shift, first-contact resolution and failure demand. A contact from an unknown
/// caller has no customer until someone links it.
struct CreateContacts: Migration {
    let name = "0018-create-contacts"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        try await db.create(table: "contacts")
            .column("id", type: SchemaTypes.uuid(kind), .primaryKey(autoIncrement: false))
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .cascade))
            .column("customer_id", type: SchemaTypes.uuid(kind), .references("customers", "id", onDelete: .setNull))
            .column("channel", type: .text, .notNull)
            .column("service_id", type: SchemaTypes.uuid(kind), .references("services", "id", onDelete: .setNull))
            .column("outcome", type: .text, .notNull)
            .column("demand", type: .text, .notNull)
            .column("duration_minutes", type: .int)
            .column("notes", type: .text, .notNull)
            .column("staff_id", type: SchemaTypes.uuid(kind), .references("staff_accounts", "id", onDelete: .setNull))
            .column("staff_name", type: .text, .notNull)
            .column("recorded_at", type: SchemaTypes.timestamp(kind), .notNull)
            .run()
        try await db.create(index: "contacts_council_recorded").on("contacts").column("council_id").column("recorded_at").run()
        try await db.create(index: "contacts_customer_recorded").on("contacts").column("customer_id").column("recorded_at").run()
    }
}
