import SQLKit

/// Merging duplicate customer records: the duplicate keeps its row (so old links lead to the
/// survivor) marked with the record it was merged into, and each merge is logged with what moved.
struct AddCustomerMerges: Migration {
    let name = "0023-add-customer-merges"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        try await db.alter(table: "customers").column("merged_into_id", type: SchemaTypes.uuid(kind)).run()
        try await db.create(table: "customer_merges")
            .column("id", type: SchemaTypes.uuid(kind), .primaryKey(autoIncrement: false))
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .cascade))
            .column("survivor_id", type: SchemaTypes.uuid(kind), .notNull, .references("customers", "id", onDelete: .cascade))
            .column("duplicate_id", type: SchemaTypes.uuid(kind), .notNull, .references("customers", "id", onDelete: .cascade))
            .column("merged_by", type: .text, .notNull)
            .column("merged_at", type: SchemaTypes.timestamp(kind), .notNull)
            .column("summary", type: .text, .notNull)
            .run()
    }
}
