import SQLKit

/// The service catalogue: what each council does for residents, who does it and its published
/// standard. Forms and the gazetteer build on this.
struct CreateServices: Migration {
    let name = "0008-create-services"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        try await db.create(table: "services")
            .column("id", type: SchemaTypes.uuid(kind), .primaryKey(autoIncrement: false))
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .restrict))
            .column("code", type: .text, .notNull)
            .column("name", type: .text, .notNull)
            .column("description", type: .text, .notNull)
            .column("service_group", type: .text, .notNull)
            // One keyword a line: read whole, searched by the full-text index that search adds.
            .column("keywords", type: .text, .notNull, .default(""))
            .column("owning_team_id", type: SchemaTypes.uuid(kind), .references("teams", "id", onDelete: .setNull))
            .column("contact_type", type: .text, .notNull)
            // Comma-separated `ServiceChannel` raw values.
            .column("channels", type: .text, .notNull)
            .column("digital_only", type: SchemaTypes.boolean(kind), .notNull, .default(false))
            .column("standard_unit", type: .text, .notNull)
            .column("standard_target", type: .int, .notNull)
            .column("standard_statement", type: .text, .notNull)
            .column("needs_location", type: SchemaTypes.boolean(kind), .notNull, .default(false))
            .column("needs_account", type: SchemaTypes.boolean(kind), .notNull, .default(false))
            .column("fee_pence", type: .int)
            .column("active", type: SchemaTypes.boolean(kind), .notNull, .default(true))
            .column("top_task_rank", type: .int)
            .column("created_at", type: SchemaTypes.timestamp(kind), .notNull)
            .column("updated_at", type: SchemaTypes.timestamp(kind), .notNull)
            .run()
        try await db.create(index: "services_council_code").on("services").column("council_id").column("code").unique().run()
    }
}
