import SQLKit

/// Each council's gazetteer: the properties an address lookup finds by postcode.
struct CreateGazetteer: Migration {
    let name = "0009-create-gazetteer"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        try await db.create(table: "gazetteer_addresses")
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .cascade))
            .column("uprn", type: .text, .notNull)
            .column("line1", type: .text, .notNull)
            .column("line2", type: .text, .notNull)
            .column("town", type: .text, .notNull)
            .column("postcode", type: .text, .notNull)
            .column("latitude", type: .real, .notNull)
            .column("longitude", type: .real, .notNull)
            .column("ward", type: .text, .notNull)
            .primaryKey("council_id", "uprn")
            .run()
        try await db.create(index: "gazetteer_addresses_postcode").on("gazetteer_addresses").column("council_id").column("postcode").run()
    }
}
