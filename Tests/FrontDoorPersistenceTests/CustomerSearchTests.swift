import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import Testing

@Suite("Finding customers from one box, on both databases")
struct CustomerSearchTests {
    static let margaret = DemoCouncil.customers[0]

    func names(_ typed: String, _ database: Database, councilID: UUID = DemoCouncil.council.id) async throws -> [String] {
        try await CustomerSearchIndex(database: database).search(typed, councilID: councilID).map(\.name)
    }

    @Test("Name parts, email, phone however written, postcode, street and a case reference all find the customer", arguments: TestDatabase.available)
    func finds(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            for typed in ["Okafor", "marg oka", "MARGARET.OKAFOR@residents.example", "margaret.okafor", "01632 960 417", "+44 1632 960417",
                          "KM2 4QT", "willow", "14 willow"] {
                #expect(try await names(typed, database).contains("Margaret Okafor"), "\(typed)")
            }
            #expect(try await names("zebedee", database).isEmpty)
            #expect(try await names("okafor zebedee", database).isEmpty, "every part must match")
            let opened = try unwrap(try await sendStreetLightReport(database))
            #expect(try await names(opened.reference.description.lowercased(), database) == ["Margaret Okafor"])
        }
    }

    @Test("A changed name or email is found by the new one, not the old; another council's customers are not found",
          arguments: TestDatabase.available)
    func keptUpToDate(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let customers = CustomerRepository(database: database, hasher: PasswordHasher(cost: 4))
            var margaret = try unwrap(try await customers.find(id: Self.margaret.id, councilID: DemoCouncil.council.id))
            margaret.name = "Margaret Adeyemi"
            try await customers.updateProfile(margaret, at: Date())
            #expect(try await names("adeyemi", database) == ["Margaret Adeyemi"])
            #expect(try await names("okafor", database).isEmpty)
            try await database.transaction { db in
                try await customers.changeEmail(customerID: Self.margaret.id, councilID: DemoCouncil.council.id, to: "m.adeyemi@example.com", at: Date(), on: db)
            }
            #expect(try await names("m.adeyemi@example.com", database) == ["Margaret Adeyemi"])

            let other = try makeCouncil()
            try await CouncilRepository(database: database).create(other)
            try await customers.create(makeCustomer(council: other, name: "Margaret Adeyemi", email: "other@example.com"), passwordHash: nil)
            #expect(try await names("adeyemi", database) == ["Margaret Adeyemi"])
            #expect(try await names("adeyemi", database, councilID: other.id) == ["Margaret Adeyemi"])
        }
    }
}
