import Foundation
import FrontDoorDomain
import SQLKit

/// Invented customers in bulk, for benchmarks: believable names, emails, phone numbers and
/// addresses, the same every time for the same seed, written in large batches with their search
/// terms. Never used outside the benchmark command.
public struct SyntheticCustomers: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    static let firstNames = ["Oliver", "Amelia", "George", "Isla", "Noah", "Ava", "Arthur", "Mia", "Muhammad", "Ivy", "Leo", "Lily",
                             "Harry", "Florence", "Oscar", "Freya", "Archie", "Ella", "Henry", "Grace", "Theo", "Sophia", "Jack",
                             "Willow", "Charlie", "Evie", "Freddie", "Rosie", "Alfie", "Poppy", "Jacob", "Sienna", "Thomas", "Daisy",
                             "Priya", "Aisha", "Siân", "Dafydd", "Wiktoria", "Tomasz", "Chidi", "Ngozi", "Mei", "Wei", "Fatima", "Yusuf"]
    static let surnames = ["Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson", "Roberts",
                           "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris",
                           "Clarke", "Patel", "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore",
                           "Clark", "Lee", "King", "Baker", "Harrison", "Morgan", "Allen", "James", "Scott", "Phillips", "Watson",
                           "Davis", "Parker", "Price", "Bennett", "Young", "Griffiths", "Mitchell", "Kelly", "Cook", "Carter",
                           "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy", "Miller", "Cox", "Richards", "Khan",
                           "Marshall", "Anderson", "Simpson", "Ellis", "Adams", "Singh", "Begum", "Wilkinson", "Foster", "Chapman",
                           "Powell", "Webb", "Rogers", "Gray", "Mason", "Ali", "Hunt", "Hussain", "Campbell", "Matthews", "Owen",
                           "Palmer", "Holmes", "Mills", "Barnes", "Knight", "Lloyd", "Butler", "Russell", "Barker", "Fisher",
                           "Stevens", "Jenkins", "Murray", "Dixon", "Harvey", "Okafor", "Nowak", "Kowalski", "Chen", "Nguyen"]
    static let streets = ["High Street", "Station Road", "Church Lane", "Mill Lane", "Victoria Road", "Park Avenue", "Willow Crescent",
                          "Abbey Gardens", "Queens Road", "Kings Way", "Chapel Street", "The Green", "Orchard Close", "Manor Road",
                          "Meadow View", "Riverside Walk", "School Lane", "North Street", "Bridge Street", "Elm Grove"]

    /// SplitMix64: small, fast and the same on every machine, so a seed gives the same people.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// The `index`th invented customer for the council (the same for the same seed and index).
    public static func customer(_ index: Int, councilID: UUID, seed: UInt64) -> Customer {
        var random = Generator(state: seed &+ UInt64(index) &* 0x2545_F491_4F6C_DD1D)
        let first = firstNames.randomElement(using: &random)!, last = surnames.randomElement(using: &random)!
        let district = Int.random(in: 1...9, using: &random)
        let letters = Array("ABDEFGHJLNPQRSTUWXYZ")
        let postcode = Postcode("KM\(district) \(Int.random(in: 1...9, using: &random))\(letters.randomElement(using: &random)!)\(letters.randomElement(using: &random)!)")
        let phone = Bool.random(using: &random) ? "01632 \(Int.random(in: 960_000...960_999, using: &random))"
            : "07700 \(Int.random(in: 900_000...900_999, using: &random))"
        let plain = first.folding(options: .diacriticInsensitive, locale: nil).lowercased()
        return Customer(
            id: UUID(uuid: uuid(index, seed)), councilID: councilID, name: "\(first) \(last)",
            email: "\(plain).\(last.lowercased()).\(index)@example.com", phone: phone,
            address: postcode.map { PostalAddress(line1: "\(Int.random(in: 1...240, using: &random)) \(streets.randomElement(using: &random)!)",
                                                  town: "Kingsmere", postcode: $0) },
            hasAccount: false, createdAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(index)))
    }

    static func uuid(_ index: Int, _ seed: UInt64) -> uuid_t {
        var random = Generator(state: seed ^ UInt64(index) ^ 0xABCD_EF01_2345_6789)
        let a = random.next(), b = random.next()
        return (UInt8(truncatingIfNeeded: a), UInt8(truncatingIfNeeded: a >> 8), UInt8(truncatingIfNeeded: a >> 16), UInt8(truncatingIfNeeded: a >> 24),
                UInt8(truncatingIfNeeded: a >> 32), UInt8(truncatingIfNeeded: a >> 40), UInt8(truncatingIfNeeded: a >> 48) & 0x0F | 0x40,
                UInt8(truncatingIfNeeded: a >> 56), UInt8(truncatingIfNeeded: b) & 0x3F | 0x80, UInt8(truncatingIfNeeded: b >> 8),
                UInt8(truncatingIfNeeded: b >> 16), UInt8(truncatingIfNeeded: b >> 24), UInt8(truncatingIfNeeded: b >> 32),
                UInt8(truncatingIfNeeded: b >> 40), UInt8(truncatingIfNeeded: b >> 48), UInt8(truncatingIfNeeded: b >> 56))
    }

    /// Writes customers `from..<to` with their search terms, a batch a transaction.
    public func write(from: Int, to: Int, councilID: UUID, seed: UInt64, batch: Int = 500,
                      progress: (Int) -> Void = { _ in }) async throws {
        var start = from
        while start < to {
            let end = min(start + batch, to)
            let customers = (start..<end).map { Self.customer($0, councilID: councilID, seed: seed) }
            try await database.transaction { db in
                try await db.insert(into: "customers").models(customers.map { CustomerRow($0, passwordHash: nil, updatedAt: $0.createdAt) }).run()
                let rows = customers.flatMap { customer in CustomerSearchTerms.terms(for: customer).sorted().map { (customer.id, $0) } }
                for chunk in stride(from: 0, to: rows.count, by: 3000) {
                    var insert = db.insert(into: "customer_search_terms").columns("customer_id", "council_id", "term")
                    for (id, term) in rows[chunk..<min(chunk + 3000, rows.count)] {
                        insert = insert.values(SQLBind(id), SQLBind(councilID), SQLBind(term))
                    }
                    try await insert.run()
                }
            }
            progress(end)
            start = end
        }
    }

    public func count(councilID: UUID) async throws -> Int {
        struct Count: Decodable { var n: Int }
        return try await database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("customers")
            .where("council_id", .equal, councilID).first(decoding: Count.self)?.n ?? 0
    }
}
