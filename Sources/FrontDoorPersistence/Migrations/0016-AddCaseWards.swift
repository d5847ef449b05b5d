import Foundation
import SQLKit

/// Each case's ward, fixed when it opens: from the gazetteer by its address's UPRN, otherwise
/// the ward of the nearest gazetteer address to where it was pinned. Queues and the public map
/// of reports filter by it. Cases already open get theirs now.
struct AddCaseWards: Migration {
    let name = "0016-add-case-wards"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        try await db.alter(table: "cases").column("ward", type: .text).run()
        try await db.create(index: "cases_council_ward").on("cases").column("council_id").column("ward").run()
        // Finding the nearest address searches a band of latitude first.
        try await db.create(index: "gazetteer_addresses_latitude").on("gazetteer_addresses").column("council_id").column("latitude").run()

        struct Located: Decodable { var id: UUID; var council_id: UUID; var uprn: String?; var latitude: Double?; var longitude: Double? }
        let cases = try await db.select().columns("id", "council_id", "uprn", "latitude", "longitude").from("cases").all(decoding: Located.self)
        for item in cases {
            let location = item.latitude.flatMap { latitude in item.longitude.map { (latitude, $0) } }
            guard let ward = try await WardLocator.ward(councilID: item.council_id, uprn: item.uprn, location: location, on: db) else { continue }
            try await db.update("cases").set("ward", to: SQLBind(ward)).where("id", .equal, item.id).run()
        }
    }
}
