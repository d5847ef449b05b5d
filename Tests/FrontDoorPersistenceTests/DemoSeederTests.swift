import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import SQLKit
import Testing

@Suite("The demo council")
struct DemoSeederTests {
    @Test("Seeding twice creates the council and staff once, then changes nothing", arguments: TestDatabase.available)
    func idempotent(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            let seeder = DemoSeeder(database: database, hasher: PasswordHasher(cost: 4))
            let first = try await seeder.seed()
            let second = try await seeder.seed()
            #expect(first.createdCouncil)
            #expect(first.createdStaff.count == DemoCouncil.staff.count)
            #expect(second == .init(createdCouncil: false, createdStaff: []))
            #expect(try await CouncilRepository(database: database).all() == [DemoCouncil.council])
            let customers = try await database.sql.select().column("id").from("customers").all()
            #expect(customers.count == DemoCouncil.customers.count, "demo customers are created once")
        }
    }

    @Test("Demo staff sign in with the published demo password", arguments: TestDatabase.available)
    func demoPasswordWorks(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            let hasher = PasswordHasher(cost: 4)
            _ = try await DemoSeeder(database: database, hasher: hasher).seed()
            let staff = StaffAccountRepository(database: database, hasher: hasher)
            let admin = try await staff.authenticate(email: "admin@kingsmere.example", councilID: DemoCouncil.council.id,
                                                     password: DemoCouncil.password)
            #expect(admin?.role == .administrator)
            #expect(try await staff.demoAccounts().map(\.email) == DemoCouncil.staff.map(\.email).sorted())
        }
    }
}

@Suite("The bank holidays the product ships")
struct ShippedBankHolidaysTests {
    @Test("The installed file loads and covers every nation to 2028")
    func loads() throws {
        let holidays = try ShippedBankHolidays.load()
        #expect(holidays.coveredThrough == 2028)
        #expect(holidays.dates(for: .englandAndWales).contains(LocalDate("2026-12-28")!), "Boxing Day 2026 falls on a Saturday")
    }
}

@Suite("Demo cases")
struct DemoCasesTests {
    @Test("A demo started from empty has cases made the way real ones are; seeding again adds none", arguments: TestDatabase.available)
    func demoCases(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let seeder = DemoCases(database: database, shipped: try ShippedBankHolidays.load())
            let made = try await seeder.seed()
            #expect(made == 9)
            let again = try await seeder.seed()
            #expect(again == 0)
            let repository = CaseRepository(database: database)
            var all: [Case] = []
            for customer in DemoCouncil.customers { all += try await repository.all(customerID: customer.id) }
            let statuses = Set(all.map(\.status))
            #expect(statuses.isSuperset(of: [.submitted, .acknowledged, .inProgress, .resolved]))
            let resolved = all.filter { $0.status == .resolved }
            #expect(resolved.count == 3 && resolved.contains { $0.outcome != nil }, "an answered enquiry, an answered complaint and an answered FOI request")
            let channels = Set(all.map(\.channel))
            #expect(channels.isSuperset(of: [.online, .phone, .faceToFace, .email]))
            var complaints = 0, answered = 0, requests = 0
            for item in all {
                if let complaint = try await ComplaintRepository(database: database).find(caseID: item.id), complaint.stages.count == 1 {
                    complaints += 1
                    if complaint.stages[0].response != nil { answered += 1 }
                }
                if try await InformationRequestRepository(database: database).find(caseID: item.id) != nil { requests += 1 }
            }
            #expect(complaints == 2 && answered == 1 && requests == 2, "two complaints at stage 1 (one answered) and two FOI requests with their clocks")
            let log = try await DisclosureLogRepository(database: database).published(councilID: DemoCouncil.council.id)
            #expect(log.count == 1 && log.first?.exemptions.map(\.code) == ["s40(2)"], "the answered FOI request is on the disclosure log, naming what it withheld")
            #expect(try await LearningActionRepository(database: database).published(councilID: DemoCouncil.council.id).count == 1,
                    "the answered complaint's learning is on \"You said, we did\"")
        }
    }
}
