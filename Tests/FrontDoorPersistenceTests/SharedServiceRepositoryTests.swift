import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import Testing

@Suite("Shared services in the database")
struct SharedServiceRepositoryTests {
    @Test("A shared service is stored with its councils in order, found by id or by name in any case, and removed",
          arguments: TestDatabase.available)
    func roundTrip(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            let councils = CouncilRepository(database: database), repository = SharedServiceRepository(database: database)
            let north = try makeCouncil(slug: "north"), south = try makeCouncil(slug: "south"), east = try makeCouncil(slug: "east")
            for council in [north, south, east] { try await councils.create(council) }
            let partnership = try SharedService(name: "South and North Partnership", councilIDs: [south.id, north.id])
            let revenues = try SharedService(name: "Revenues Partnership", councilIDs: [east.id, south.id])
            try await repository.create(partnership)
            try await repository.create(revenues)

            #expect(try await repository.all() == [revenues, partnership], "by name")
            #expect(try await repository.all().first { $0.id == partnership.id }?.councilIDs == [south.id, north.id], "the councils in the order given")
            #expect(try await repository.find(name: "  south AND north partnership") == partnership)
            #expect(try await repository.all(including: south.id) == [revenues, partnership])
            #expect(try await repository.all(including: north.id) == [partnership])

            #expect(try await repository.remove(id: revenues.id))
            #expect(try await repository.remove(id: revenues.id) == false)
            #expect(try await repository.all() == [partnership])
            #expect(try await councils.count() == 3, "removing a shared service leaves its councils")
        }
    }

    @Test("A second shared service with the same name, whatever its case, is refused and nothing is stored",
          arguments: TestDatabase.available)
    func nameTaken(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            let councils = CouncilRepository(database: database), repository = SharedServiceRepository(database: database)
            let north = try makeCouncil(slug: "north"), south = try makeCouncil(slug: "south")
            for council in [north, south] { try await councils.create(council) }
            try await repository.create(try SharedService(name: "Partnership", councilIDs: [north.id, south.id]))
            await #expect(throws: SharedServiceRepository.NameTaken.self) {
                try await repository.create(try SharedService(name: "PARTNERSHIP", councilIDs: [south.id, north.id]))
            }
            #expect(try await repository.all().count == 1)
        }
    }

    @Test("A council removed from the deployment leaves its shared services; one left alone is not shared any more",
          arguments: TestDatabase.available)
    func councilRemoved(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            let councils = CouncilRepository(database: database), repository = SharedServiceRepository(database: database)
            let north = try makeCouncil(slug: "north"), south = try makeCouncil(slug: "south"), east = try makeCouncil(slug: "east")
            for council in [north, south, east] { try await councils.create(council) }
            let three = try SharedService(name: "Three", councilIDs: [north.id, south.id, east.id])
            let two = try SharedService(name: "Two", councilIDs: [north.id, east.id])
            try await repository.create(three)
            try await repository.create(two)
            try await database.sql.delete(from: "councils").where("id", .equal, east.id).run()
            #expect(try await repository.all().map(\.name) == ["Three"])
            #expect(try await repository.all().first?.councilIDs == [north.id, south.id])
        }
    }
}
