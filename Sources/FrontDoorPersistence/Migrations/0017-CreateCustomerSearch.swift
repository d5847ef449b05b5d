import SQLKit

/// The index advisors search customers by: one row per term a customer is found by (see
/// `CustomerSearchTerms`), searched by prefix. Terms are compared byte by byte on both
/// databases (PostgreSQL's column uses the "C" collation), so a prefix is a plain range on the
/// index. Filled for the customers already known.
struct CreateCustomerSearch: Migration {
    let name = "0017-create-customer-search"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        let termType: SQLDataType = kind == .postgres ? .custom(SQLRaw("TEXT COLLATE \"C\"")) : .text
        try await db.create(table: "customer_search_terms")
            .column("customer_id", type: SchemaTypes.uuid(kind), .notNull, .references("customers", "id", onDelete: .cascade))
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull)
            .column("term", type: termType, .notNull)
            .primaryKey("customer_id", "term")
            .run()
        try await db.create(index: "customer_search_terms_lookup").on("customer_search_terms").column("council_id").column("term").run()
        try await CustomerSearchIndex.rebuild(on: db)
    }
}
