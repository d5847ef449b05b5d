import SQLKit

/// Councils (the tenants) and the host names each is served on.
struct CreateCouncils: Migration {
    let name = "0001-create-councils"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        try await db.create(table: "councils")
            .column("id", type: SchemaTypes.uuid(kind), .primaryKey(autoIncrement: false))
            .column("slug", type: .text, .notNull, .unique)
            .column("name", type: .text, .notNull)
            .column("nation", type: .text, .notNull)
            .column("brand_colour", type: .text, .notNull)
            .column("contact_email", type: .text, .notNull)
            .column("contact_phone", type: .text, .notNull)
            .column("contact_address", type: .text, .notNull)
            .column("website_url", type: .text, .notNull)
            .column("opening_hours", type: .text, .notNull)
            .column("is_demo", type: SchemaTypes.boolean(kind), .notNull, .default(false))
            .column("created_at", type: SchemaTypes.timestamp(kind), .notNull)
            .run()

        try await db.create(table: "council_host_names")
            .column("host_name", type: .text, .primaryKey(autoIncrement: false))
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull,
                    .references("councils", "id", onDelete: .cascade))
            .run()
        try await db.create(index: "council_host_names_council_id").on("council_host_names").column("council_id").run()
    }
}
