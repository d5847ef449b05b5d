import SQLKit

/// Requests per API key per minute, counted in the database so that every server of a
/// deployment counts against the same limit.
struct CreateApiRateWindows: Migration {
    let name = "0033-create-api-rate-windows"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        try await db.create(table: "api_rate_windows")
            .column("key_id", type: SchemaTypes.uuid(kind), .notNull, .references("api_keys", "id", onDelete: .cascade))
            .column("window_start", type: .bigint, .notNull)
            .column("requests", type: .int, .notNull)
            .primaryKey("key_id", "window_start")
            .run()
    }
}
