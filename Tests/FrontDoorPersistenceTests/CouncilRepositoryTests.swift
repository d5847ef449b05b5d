import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import Testing

@Suite("Councils in the database")
struct CouncilRepositoryTests {
    @Test("A council is stored and read back whole, with its host names", arguments: TestDatabase.available)
    func roundTrip(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            let repository = CouncilRepository(database: database)
            let council = try makeCouncil(slug: "roundtrip", nation: .scotland, brandColour: "#22405a")
            try await repository.create(council, hostNames: [HostName("services.roundtrip.example")])
            #expect(try await repository.find(slug: council.slug) == council)
            #expect(try await repository.all() == [council])
            #expect(try await repository.hostNames() == [try HostName("services.roundtrip.example"): council.id])
            #expect(try await repository.count() == 1)
        }
    }

    @Test("A second council with the same slug is refused", arguments: TestDatabase.available)
    func duplicateSlugRefused(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            let repository = CouncilRepository(database: database)
            try await repository.create(makeCouncil(slug: "twice"))
            await #expect(throws: CouncilRepository.CreateError.slugTaken("twice")) {
                try await repository.create(makeCouncil(slug: "twice", name: "Another"))
            }
            #expect(try await repository.count() == 1)
        }
    }

    @Test("A host name already in use is refused and the new council is not created", arguments: TestDatabase.available)
    func hostNameTakenChangesNothing(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            let repository = CouncilRepository(database: database)
            try await repository.create(makeCouncil(slug: "first"), hostNames: [HostName("shared.example")])
            await #expect(throws: CouncilRepository.CreateError.hostNameTaken("shared.example")) {
                try await repository.create(makeCouncil(slug: "second"), hostNames: [HostName("shared.example")])
            }
            #expect(try await repository.all().map(\.slug.value) == ["first"])
        }
    }
}
