import SQLKit

/// Flags staff put on a customer's record so the next person to deal with them knows:
/// vulnerable, needs an interpreter, accessibility needs, safeguarding. A removed flag is kept
/// (with who removed it and when) because what the council knew, and when, matters later.
struct CreateCustomerFlags: Migration {
    let name = "0019-create-customer-flags"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        try await db.create(table: "customer_flags")
            .column("id", type: SchemaTypes.uuid(kind), .primaryKey(autoIncrement: false))
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .cascade))
            .column("customer_id", type: SchemaTypes.uuid(kind), .notNull, .references("customers", "id", onDelete: .cascade))
            .column("kind", type: .text, .notNull)
            .column("detail", type: .text, .notNull)
            .column("raised_by", type: .text, .notNull)
            .column("raised_at", type: SchemaTypes.timestamp(kind), .notNull)
            .column("removed_by", type: .text)
            .column("removed_at", type: SchemaTypes.timestamp(kind))
            .run()
        try await db.create(index: "customer_flags_customer").on("customer_flags").column("customer_id").run()
    }
}
