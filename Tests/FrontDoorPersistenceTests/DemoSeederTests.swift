import Foundation
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

@Suite("The demo's year of activity")
struct DemoActivityTests {
    static func share(_ figures: ContactFigures) -> Double { figures.onlinePercentage ?? 0 }

    @Test("A demo started from empty has a year of contacts, calls and page answers before this month, moving online; seeding again adds none",
          arguments: TestDatabase.available)
    func demoYear(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            let now = Date(), today = LocalDate(now)
            let thisMonth = LocalDate(year: today.year, month: today.month, day: 1)!
            try await seedDemoCouncil(database)
            // As `serve` seeds from empty: the demo cases first, some of them last month.
            _ = try await DemoCases(database: database, shipped: try ShippedBankHolidays.load()).seed(now: now)
            func contacts(_ query: (SQLSelectBuilder) -> SQLSelectBuilder) async throws -> Int {
                try await query(database.sql.select().column("id").from("contacts")).all().count
            }
            let casesContacts = try await contacts { $0 }
            let casesThisMonth = try await contacts { $0.where("recorded_at", .greaterThanOrEqual, thisMonth.start()) }

            let seeder = DemoActivity(database: database)
            let written = try await seeder.seed(today: today)
            #expect(written.contacts > 5_000 && written.calls > 1_000 && written.pageFeedback > 1_000)
            #expect(try await seeder.seed(today: today).contacts == 0, "seeding again adds none")

            let performance = PerformanceRepository(database: database)
            func counts(_ first: LocalDate, _ last: LocalDate) async throws -> PerformanceCounts {
                try await performance.counts(councilIDs: [DemoCouncil.council.id], period: try #require(ReportingPeriod(first: first, last: last)))
            }
            let early = try await counts(thisMonth.adding(months: -12), thisMonth.adding(months: -9).adding(days: -1))
            let late = try await counts(thisMonth.adding(months: -3), thisMonth.adding(days: -1))
            #expect(Self.share(late.contactFigures) > Self.share(early.contactFigures) + 8, "people move online through the year")
            #expect((late.contactFigures.failureDemandPercentage ?? 100) < (early.contactFigures.failureDemandPercentage ?? 0))
            #expect((late.calls.averageWaitSeconds ?? 1_000) < (early.calls.averageWaitSeconds ?? 0), "calls are answered sooner")
            #expect(late.calls.abandoned > 0 && late.satisfaction.pagesAnswered > 0)
            #expect(try await contacts { $0.where("recorded_at", .greaterThanOrEqual, thisMonth.start()) } == casesThisMonth,
                    "the month in progress is left as the demo cases leave it")
            #expect(try await contacts { $0.where("recorded_at", .lessThan, thisMonth.adding(months: -12).start()) }
                    <= casesContacts, "nothing before the year")
            #expect(try await contacts { $0.where("customer_id", .isNot, SQLLiteral.null) } <= casesContacts,
                    "no customer's record is filled with invented contacts")
            #expect(try await DailyCountMaintenance(database: database).check().disagreements.isEmpty, "the daily counts agree with the records")
        }
    }
}
