import Foundation
import FrontDoorDomain
import SQLKit

/// Which ward a place is in, from the council's gazetteer: the ward of the address itself
/// (by UPRN) when there is one, otherwise the ward of the nearest address within half a
/// kilometre of the point. Nothing when the gazetteer has nothing near.
enum WardLocator {
    /// Half a kilometre is about 0.0045 degrees of latitude; the band is widened for longitude.
    static let reachMetres = 500.0

    static func ward(councilID: UUID, uprn: String?, location: (latitude: Double, longitude: Double)?, on db: any SQLDatabase) async throws -> String? {
        struct Ward: Decodable { var ward: String }
        if let uprn, let found = try await db.select().column("ward").from("gazetteer_addresses").where("council_id", .equal, councilID)
            .where("uprn", .equal, uprn).first(decoding: Ward.self), !found.ward.isEmpty {
            return found.ward
        }
        guard let (latitude, longitude) = location else { return nil }
        let box = Distance.box(around: (latitude, longitude), metres: reachMetres)
        struct Near: Decodable { var latitude: Double; var longitude: Double; var ward: String }
        let near = try await db.select().columns("latitude", "longitude", "ward").from("gazetteer_addresses")
            .where("council_id", .equal, councilID)
            .where("latitude", .greaterThanOrEqual, box.minLatitude).where("latitude", .lessThanOrEqual, box.maxLatitude)
            .where("longitude", .greaterThanOrEqual, box.minLongitude).where("longitude", .lessThanOrEqual, box.maxLongitude)
            .all(decoding: Near.self)
        return near.filter { !$0.ward.isEmpty }
            .map { ($0.ward, Distance.metres(from: (latitude, longitude), to: ($0.latitude, $0.longitude))) }
            .filter { $0.1 <= reachMetres }
            .min { $0.1 < $1.1 }?.0
    }
}
