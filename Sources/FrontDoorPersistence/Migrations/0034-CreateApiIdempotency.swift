import SQLKit

/// Answers to the integration API's POSTs by Idempotency-Key, so a request sent again (after a
/// timeout, say) is answered as the first was instead of making a second record. A row with no
/// status is a request still being answered. Also indexes for the API's change feeds.
struct CreateApiIdempotency: Migration {
    let name = "0034-create-api-idempotency"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        try await db.create(table: "api_idempotency")
            .column("key_id", type: SchemaTypes.uuid(kind), .notNull, .references("api_keys", "id", onDelete: .cascade))
            .column("idempotency_key", type: .text, .notNull)
            .column("fingerprint", type: .text, .notNull)
            .column("status", type: .int)
            .column("headers", type: .text)
            .column("body", type: .text)
            .column("created_at", type: SchemaTypes.timestamp(kind), .notNull)
            .primaryKey("key_id", "idempotency_key")
            .run()
        try await db.create(index: "api_idempotency_created").on("api_idempotency").column("created_at").run()
        try await db.create(index: "cases_council_updated").on("cases").column("council_id").column("updated_at").column("id").run()
        try await db.create(index: "customers_council_updated").on("customers").column("council_id").column("updated_at").column("id").run()
    }
}
