import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import SQLKit
import Testing

@Suite("The service catalogue in the database")
struct ServiceRepositoryTests {
    func withCouncil(_ kind: TestDatabase, _ body: @escaping @Sendable (Database, Council) async throws -> Void) async throws {
        try await kind.withMigratedDatabase { database in
            let council = try makeCouncil()
            try await CouncilRepository(database: database).create(council)
            try await body(database, council)
        }
    }

    func makeService(council: Council, code: String = "pothole", group: ServiceGroup = .streets, team: UUID? = nil) -> CouncilService {
        CouncilService(councilID: council.id, code: ServiceCode(code)!, name: "Report a \(code)", description: "Tell us about it.",
                       group: group, keywords: ["road", "hole in road"], owningTeamID: team, contactType: .interaction,
                       channels: [.online, .phone, .post], isDigitalOnly: false,
                       standard: ServiceStandard(target: .hours(24), statement: "We make it safe within 24 hours"),
                       needsLocation: true, needsAccount: false, feePence: 1_250, isActive: true, topTaskRank: 2)
    }

    @Test("Every part of a service survives the round trip", arguments: TestDatabase.available)
    func roundTrip(database kind: TestDatabase) async throws {
        try await withCouncil(kind) { database, council in
            let team = Team(councilID: council.id, name: "Highways")
            try await TeamRepository(database: database).create(team, at: Date())
            let service = makeService(council: council, team: team.id)
            let services = ServiceRepository(database: database)
            try await services.create(service, at: Date())
            #expect(try await services.find(code: service.code, councilID: council.id) == service)
            #expect(try await services.find(id: service.id, councilID: council.id) == service)
        }
    }

    @Test("An incomplete definition is refused naming every problem; a taken code is refused", arguments: TestDatabase.available)
    func refusals(database kind: TestDatabase) async throws {
        try await withCouncil(kind) { database, council in
            let services = ServiceRepository(database: database)
            var broken = makeService(council: council)
            broken.name = ""
            broken.channels = []
            await #expect(throws: ServiceRepository.SaveError.invalid([.missingName, .noChannels])) {
                try await services.create(broken, at: Date())
            }
            try await services.create(makeService(council: council), at: Date())
            await #expect(throws: ServiceRepository.SaveError.codeTaken("pothole")) {
                try await services.create(makeService(council: council), at: Date())
            }
            #expect(try await services.all(councilID: council.id).count == 1)
        }
    }

    @Test("The catalogue lists by group, in the home page's order, then by name", arguments: TestDatabase.available)
    func ordering(database kind: TestDatabase) async throws {
        try await withCouncil(kind) { database, council in
            let services = ServiceRepository(database: database)
            try await services.create(makeService(council: council, code: "enquiry", group: .general), at: Date())
            try await services.create(makeService(council: council, code: "pothole", group: .streets), at: Date())
            try await services.create(makeService(council: council, code: "bin", group: .waste), at: Date())
            try await services.create(makeService(council: council, code: "graffiti", group: .streets), at: Date())
            #expect(try await services.all(councilID: council.id).map(\.code.value) == ["bin", "graffiti", "pothole", "enquiry"])
        }
    }

    @Test("The demo catalogue: at least 20 valid services, each owned by a demo team, seeded once", arguments: TestDatabase.available)
    func demoCatalogue(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            let seeder = DemoSeeder(database: database, hasher: PasswordHasher(cost: 4))
            _ = try await seeder.seed()
            _ = try await seeder.seed()
            let services = try await ServiceRepository(database: database).all(councilID: DemoCouncil.council.id)
            #expect(services.count == DemoCatalogue.services.count)
            #expect(services.count >= 20)
            let teamIDs = Set(DemoCatalogue.teams.map(\.id))
            #expect(services.allSatisfy { $0.owningTeamID.map(teamIDs.contains) == true && $0.problems.isEmpty })
            for code in ["missed-bin", "fly-tipping", "street-light", "pothole", "abandoned-vehicle", "graffiti", "housing-repair",
                         "bulky-waste", "new-bin", "parking-permit", "council-tax-move", "single-person-discount",
                         "change-of-circumstances", "blue-badge", "registrar-appointment", "foi-request", "complaint",
                         "compliment", "general-enquiry", "callback"] {
                #expect(services.contains { $0.code.value == code }, "missing \(code)")
            }
            let topTasks = services.compactMap(\.topTaskRank).sorted()
            #expect(topTasks == Array(1...topTasks.count), "top task positions run 1, 2, 3… with no gaps")
        }
    }
}
