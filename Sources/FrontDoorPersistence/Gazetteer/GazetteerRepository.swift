import CSV
import Foundation
import FrontDoorDomain
import SQLKit

/// A council's gazetteer, imported from CSV with the columns
/// `uprn,line1,line2,town,postcode,latitude,longitude,ward` (an export of the council's local
/// land and property gazetteer, or of OS AddressBase, cut down to these).
public struct GazetteerRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public static let columns = ["uprn", "line1", "line2", "town", "postcode", "latitude", "longitude", "ward"]

    /// Why an import was refused: nothing is imported unless every row is right.
    public struct ImportError: Error, Equatable, CustomStringConvertible {
        public var line: Int?
        public var problem: String

        public var description: String { line.map { "line \($0): \(problem)" } ?? problem }
    }

    /// Reads the whole file, checking every row, before anything is written.
    public static func parse(csv text: String) throws(ImportError) -> [GazetteerAddress] {
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true)
        } catch {
            throw ImportError(line: 1, problem: "the file is not CSV (\(error))")
        }
        guard let header = reader.headerRow?.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }), header == columns else {
            throw ImportError(line: 1, problem: "the first line must be the column names \(columns.joined(separator: ","))")
        }
        var addresses: [GazetteerAddress] = []
        var seen: Set<String> = []
        var line = 1
        while let row = reader.next() {
            line += 1
            if row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            guard row.count == columns.count else { throw ImportError(line: line, problem: "expected \(columns.count) fields, found \(row.count)") }
            let field = { (index: Int) in row[index].trimmingCharacters(in: .whitespaces) }
            guard let uprn = UPRN(field(0)) else { throw ImportError(line: line, problem: "\"\(field(0))\" is not a UPRN") }
            guard seen.insert(uprn.value).inserted else { throw ImportError(line: line, problem: "UPRN \(uprn.value) appears twice") }
            guard !field(1).isEmpty else { throw ImportError(line: line, problem: "line1 is empty") }
            guard !field(3).isEmpty else { throw ImportError(line: line, problem: "town is empty") }
            guard let postcode = Postcode(field(4)) else { throw ImportError(line: line, problem: "\"\(field(4))\" is not a postcode") }
            guard let latitude = Double(field(5)), (-90...90).contains(latitude),
                  let longitude = Double(field(6)), (-180...180).contains(longitude) else {
                throw ImportError(line: line, problem: "latitude and longitude must be decimal degrees")
            }
            addresses.append(GazetteerAddress(
                address: PostalAddress(line1: field(1), line2: field(2), town: field(3), postcode: postcode, uprn: uprn),
                latitude: latitude, longitude: longitude, ward: field(7)))
        }
        guard !addresses.isEmpty else { throw ImportError(line: nil, problem: "the file has no addresses") }
        return addresses
    }

    /// Replaces the council's gazetteer with `addresses`, all or nothing.
    public func replace(councilID: UUID, with addresses: [GazetteerAddress]) async throws {
        try await database.transaction { db in
            try await db.delete(from: "gazetteer_addresses").where("council_id", .equal, councilID).run()
            // Batches keep each statement within SQLite's and PostgreSQL's bound-parameter limits.
            for batch in stride(from: 0, to: addresses.count, by: 100).map({ addresses[$0..<min($0 + 100, addresses.count)] }) {
                var insert = db.insert(into: "gazetteer_addresses").columns(["council_id"] + Self.columns)
                for entry in batch {
                    insert = insert.values(SQLBind(councilID), SQLBind(entry.uprn.value), SQLBind(entry.address.line1),
                                           SQLBind(entry.address.line2), SQLBind(entry.address.town), SQLBind(entry.address.postcode.value),
                                           SQLBind(entry.latitude), SQLBind(entry.longitude), SQLBind(entry.ward))
                }
                try await insert.run()
            }
        }
    }

    struct Row: Decodable {
        var uprn: String
        var line1: String
        var line2: String
        var town: String
        var postcode: String
        var latitude: Double
        var longitude: Double
        var ward: String
    }

    /// The properties at a postcode, in street order (as typed: any case, any spacing).
    public func addresses(at postcode: Postcode, councilID: UUID) async throws -> [GazetteerAddress] {
        let rows = try await database.sql.select().column("*").from("gazetteer_addresses")
            .where("council_id", .equal, councilID).where("postcode", .equal, postcode.value)
            .all(decoding: Row.self)
        return rows.compactMap { row in
            guard let postcode = Postcode(row.postcode), let uprn = UPRN(row.uprn) else { return nil }
            return GazetteerAddress(address: PostalAddress(line1: row.line1, line2: row.line2, town: row.town, postcode: postcode, uprn: uprn),
                                    latitude: row.latitude, longitude: row.longitude, ward: row.ward)
        }.sorted { Self.streetOrder($0.address.line1, $1.address.line1) }
    }

    /// The property with this UPRN in the council's gazetteer.
    public func address(uprn: UPRN, councilID: UUID) async throws -> GazetteerAddress? {
        guard let row = try await database.sql.select().column("*").from("gazetteer_addresses").where("council_id", .equal, councilID)
            .where("uprn", .equal, uprn.value).first(decoding: Row.self), let postcode = Postcode(row.postcode) else { return nil }
        return GazetteerAddress(address: PostalAddress(line1: row.line1, line2: row.line2, town: row.town, postcode: postcode, uprn: uprn),
                                latitude: row.latitude, longitude: row.longitude, ward: row.ward)
    }

    /// Each ward's centre (the mean of its addresses), for labelling a map of the council's area.
    public func wardCentres(councilID: UUID) async throws -> [(ward: String, latitude: Double, longitude: Double)] {
        struct Centre: Decodable { var ward: String; var latitude: Double; var longitude: Double }
        return try await database.sql.select().column("ward")
            .column(SQLFunction("AVG", args: SQLIdentifier("latitude")), as: "latitude")
            .column(SQLFunction("AVG", args: SQLIdentifier("longitude")), as: "longitude")
            .from("gazetteer_addresses").where("council_id", .equal, councilID).where("ward", .notEqual, "")
            .groupBy("ward").orderBy("ward").all(decoding: Centre.self).map { ($0.ward, $0.latitude, $0.longitude) }
    }

    /// The council's wards, for filtering work by area.
    public func wards(councilID: UUID) async throws -> [String] {
        struct Ward: Decodable { var ward: String }
        return try await database.sql.select().distinct().column("ward").from("gazetteer_addresses").where("council_id", .equal, councilID)
            .orderBy("ward").all(decoding: Ward.self).map(\.ward).filter { !$0.isEmpty }
    }

    public func count(councilID: UUID) async throws -> Int {
        struct Count: Decodable { var n: Int }
        return try await database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("gazetteer_addresses").where("council_id", .equal, councilID).first(decoding: Count.self)?.n ?? 0
    }

    /// "2 Mill Lane" before "10 Mill Lane": numbers compared as numbers.
    static func streetOrder(_ a: String, _ b: String) -> Bool {
        a.compare(b, options: [.numeric, .caseInsensitive]) == .orderedAscending
    }
}
