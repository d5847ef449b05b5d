import SQLKit

/// Coordinates in full double precision on PostgreSQL, whose REAL (what `.real` makes there)
/// is single precision: about 20 cm lost at the sixth decimal place, which FixMyStreet and
/// phones send. SQLite's REAL is already eight bytes, so it changes nothing there.
struct WidenCoordinates: Migration {
    let name = "0032-widen-coordinates"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        guard kind == .postgres else { return }
        for (table, column) in [("cases", "latitude"), ("cases", "longitude"), ("gazetteer_addresses", "latitude"), ("gazetteer_addresses", "longitude")] {
            try await db.raw("ALTER TABLE \(ident: table) ALTER COLUMN \(ident: column) TYPE DOUBLE PRECISION").run()
        }
    }
}
