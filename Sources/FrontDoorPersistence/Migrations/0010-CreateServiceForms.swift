import SQLKit

/// Each service's form, one row a version. Rows are never changed: a new version is a new row,
/// so a case made with version 3 reads with version 3 however often the form changes after.
struct CreateServiceForms: Migration {
    let name = "0010-create-service-forms"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        try await db.create(table: "service_forms")
            .column("service_id", type: SchemaTypes.uuid(kind), .notNull, .references("services", "id", onDelete: .cascade))
            .column("version", type: .int, .notNull)
            // The definition as JSON (`FormDefinition`'s Codable form): read and written whole, never queried inside.
            .column("definition", type: .text, .notNull)
            .column("created_at", type: SchemaTypes.timestamp(kind), .notNull)
            .primaryKey("service_id", "version")
            .run()
    }
}
