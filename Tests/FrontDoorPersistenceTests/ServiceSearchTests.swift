import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import Testing

@Suite("Searching the catalogue through each database's full-text index")
struct ServiceSearchTests {
    func codes(_ typed: String, _ database: Database, councilID: UUID = DemoCouncil.council.id) async throws -> [String] {
        let index = ServiceSearchIndex(database: database)
        let query = SearchQuery(typed, vocabulary: try await index.vocabulary(councilID: councilID))
        let services = try await ServiceRepository(database: database).all(councilID: councilID)
        return try await index.search(query, councilID: councilID).compactMap { id in services.first { $0.id == id }?.code.value }
    }

    @Test("Plurals, synonyms, typos and partly typed words all find the service", arguments: TestDatabase.available)
    func finds(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            for (typed, code) in [("bins", "missed-bin"), ("rubbish", "missed-bin"), ("refuse collection", "missed-bin"),
                                  ("wheely bin", "missed-bin"), ("lamp post", "street-light"), ("potholse", "pothole"),
                                  ("parking permits", "parking-permit"), ("wheel", "missed-bin"), ("freedom of information", "foi-request"),
                                  ("grafiti", "graffiti")] {
                let found = try await codes(typed, database)
                #expect(found.prefix(3).contains(code), "\(typed) → \(found)")
            }
            let bins = try await codes("bins", database)
            #expect(["missed-bin", "new-bin"].contains(bins.first ?? ""), "a service named for bins comes first: \(bins)")
            #expect(try await codes("xylophone quartet", database).isEmpty)
        }
    }

    @Test("What a resident types is never read as query syntax", arguments: TestDatabase.available)
    func syntaxIsInert(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            for typed in ["\"bin", "bin OR NEAR(", "bin* ^", "bin & !light | (", "'; DROP TABLE services; --", "pot:*hole", "-bin"] {
                _ = try await codes(typed, database)
            }
            #expect(try await codes("bin", database).contains("missed-bin"))
        }
    }

    @Test("A changed service is found by its new words; another council's services are not found", arguments: TestDatabase.available)
    func keptUpToDate(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let repository = ServiceRepository(database: database)
            var light = try unwrap(try await repository.find(code: ServiceCode("street-light")!, councilID: DemoCouncil.council.id))
            #expect(try await codes("illumination", database).isEmpty)
            light.keywords.append("illumination")
            try await repository.update(light, at: Date())
            #expect(try await codes("illumination", database) == ["street-light"])

            let other = try makeCouncil()
            try await CouncilRepository(database: database).create(other)
            try await repository.create(CouncilService(councilID: other.id, code: ServiceCode("illumination-fault")!, name: "Illumination fault",
                                                       description: "Lights.", group: .streets, contactType: .interaction, channels: [.online],
                                                       standard: ServiceStandard(target: .workingDays(5), statement: "Within 5 working days")), at: Date())
            #expect(try await codes("illumination", database) == ["street-light"])
            #expect(try await codes("illumination", database, councilID: other.id) == ["illumination-fault"])
        }
    }
}
