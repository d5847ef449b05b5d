import SQLKit

/// Integrators' API keys, per council, each with its scopes (comma-separated `ApiScope`s) and
/// its own rate limit; only a digest of the key is stored. Open311 requests remember the
/// client's token (for `tokens/{token}`) with the case they made.
struct CreateApiKeys: Migration {
    let name = "0030-create-api-keys"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        try await db.create(table: "api_keys")
            .column("id", type: SchemaTypes.uuid(kind), .primaryKey(autoIncrement: false))
            .column("token_digest", type: .text, .notNull, .unique)
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .cascade))
            .column("label", type: .text, .notNull)
            .column("scopes", type: .text, .notNull)
            .column("requests_per_minute", type: .int, .notNull)
            .column("created_at", type: SchemaTypes.timestamp(kind), .notNull)
            .run()
        try await db.create(table: "open311_tokens")
            .column("token", type: .text, .primaryKey(autoIncrement: false))
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .cascade))
            .column("case_id", type: SchemaTypes.uuid(kind), .notNull, .references("cases", "id", onDelete: .cascade))
            .column("created_at", type: SchemaTypes.timestamp(kind), .notNull)
            .run()
    }
}
