import SQLKit

/// Councils of the deployment that run a service together and see their performance together.
/// Removing a council removes it from its shared services.
struct CreateSharedServices: Migration {
    let name = "0041-create-shared-services"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        try await db.create(table: "shared_services")
            .column("id", type: SchemaTypes.uuid(kind), .primaryKey(autoIncrement: false))
            .column("name", type: .text, .notNull)
            .column("created_at", type: SchemaTypes.timestamp(kind), .notNull)
            .run()
        try await db.create(index: "shared_services_name").on("shared_services").column("name").unique().run()
        try await db.create(table: "shared_service_councils")
            .column("shared_service_id", type: SchemaTypes.uuid(kind), .notNull, .references("shared_services", "id", onDelete: .cascade))
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .cascade))
            .column("position", type: .int, .notNull)
            .primaryKey("shared_service_id", "council_id")
            .run()
        try await db.create(index: "shared_service_councils_council").on("shared_service_councils").column("council_id").run()
    }
}
