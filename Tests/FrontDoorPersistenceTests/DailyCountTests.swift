import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import SQLKit
import Testing

/// The daily counts the dashboard reads (kept by triggers) against a full recount from the
/// records, on both databases: after records are made, changed and deleted by any path, across
/// the UK's clock changes, and for records that were there before the counts existed.
@Suite("Daily counts agree with a full recount")
struct DailyCountTests {
    typealias Month = PerformanceRepositoryTests.Month

    static let periods: [ReportingPeriod] = [
        PerformanceRepositoryTests.june, PerformanceRepositoryTests.july, PerformanceRepositoryTests.july.previous.previous,
        ReportingPeriod.month(containing: LocalDate("2026-08-01")!),
        ReportingPeriod(first: LocalDate("2026-01-01")!, last: LocalDate("2026-12-31")!)!,
    ] + ["2026-03-28", "2026-03-29", "2026-03-30", "2026-06-30", "2026-07-01", "2026-07-31", "2026-08-01",
         "2026-10-24", "2026-10-25", "2026-10-26"].map { ReportingPeriod(first: LocalDate($0)!, last: LocalDate($0)!)! }

    /// Every count the dashboard reads, from the daily counts and from the records, for each
    /// period and council set; `Set`s, since neither promises an order.
    static func expectAgreement(_ database: Database, councils: [[UUID]], sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let daily = PerformanceRepository(database: database), recount = PerformanceRecount(database: database)
        for councilIDs in councils {
            for period in periods {
                let label = Comment(rawValue: "\(period.first)…\(period.last), \(councilIDs.count) councils")
                #expect(Set(try await daily.contacts(councilIDs: councilIDs, period: period))
                        == Set(try await recount.contacts(councilIDs: councilIDs, period: period)), label, sourceLocation: sourceLocation)
                #expect(Set(try await daily.received(councilIDs: councilIDs, period: period))
                        == Set(try await recount.received(councilIDs: councilIDs, period: period)), label, sourceLocation: sourceLocation)
                #expect(Set(try await daily.resolved(councilIDs: councilIDs, period: period))
                        == Set(try await recount.resolved(councilIDs: councilIDs, period: period)), label, sourceLocation: sourceLocation)
                #expect(Set(try await daily.wards(councilIDs: councilIDs, period: period))
                        == Set(try await recount.wards(councilIDs: councilIDs, period: period)), label, sourceLocation: sourceLocation)
                #expect(try await daily.calls(councilIDs: councilIDs, period: period)
                        == (try await recount.calls(councilIDs: councilIDs, period: period)), label, sourceLocation: sourceLocation)
            }
        }
    }

    static func councils(_ month: Month) -> [[UUID]] {
        [[PerformanceRepositoryTests.kingsmere.id], [month.otherton.id], [PerformanceRepositoryTests.kingsmere.id, month.otherton.id]]
    }

    @Test("After records are made, changed by any path and deleted, the daily counts are the recount", arguments: TestDatabase.available)
    func agreeThroughChanges(database kind: TestDatabase) async throws {
        try await PerformanceRepositoryTests.withMonth(kind) { database, month in
            // The month itself: forms, emails, an advisor's cases, a resolved case reopened, calls event by event.
            try await Self.expectAgreement(database, councils: Self.councils(month))
            #expect(try await PerformanceRepository(database: database).contacts(councilIDs: [PerformanceRepositoryTests.kingsmere.id],
                                                                                 period: PerformanceRepositoryTests.july).isEmpty == false)

            // Changes made straight in the database count as much as the product's own: a case
            // given to another team, moved to another ward and service, resolved again and its
            // outcome changed; a contact moved to no service; a call answered late; a contact deleted.
            let sql = database.sql
            let k2 = try await Self.caseID(receivedOn: "2026-07-08", database)
            try await sql.update("cases").set("team_id", to: SQLBind(month.waste)).set("ward", to: SQLBind("Harbour"))
                .set("service_id", to: SQLBind(month.missedBin.id)).where("id", .equal, k2).run()
            try await sql.update("cases").set("team_id", to: SQLLiteral.null).where("id", .equal, try await Self.caseID(receivedOn: "2026-07-13", database)).run()
            try await sql.update("cases").set("standard_met", to: SQLBind(false)).where("id", .equal, k2).run()
            try await sql.update("cases").set("resolved_at", to: SQLBind(PerformanceRepositoryTests.uk("2026-08-03", 9)))
                .where("id", .equal, k2).run()
            try await sql.update("contacts").set("service_id", to: SQLLiteral.null).where("channel", .equal, "web-chat").run()
            try await sql.update("calls").set("answered_at", to: SQLBind(PerformanceRepositoryTests.uk("2026-07-10", 10, 1)))
                .set("wait_seconds", to: SQLBind(60)).where("external_id", .equal, "K-3").run()
            try await sql.delete(from: "contacts").where("demand", .equal, "avoidable").run()
            try await Self.expectAgreement(database, councils: Self.councils(month))

            // A council's records all deleted: the counts go with them.
            try await sql.delete(from: "contacts").where("council_id", .equal, month.otherton.id).run()
            try await sql.delete(from: "calls").where("council_id", .equal, month.otherton.id).run()
            let othertonCounts = try await PerformanceRepository(database: database)
                .counts(councilIDs: [month.otherton.id], period: PerformanceRepositoryTests.july)
            #expect(othertonCounts.contacts.isEmpty && othertonCounts.calls == CallFigures([]))
            try await Self.expectAgreement(database, councils: Self.councils(month))
        }
    }

    static func caseID(receivedOn day: String, _ database: Database) async throws -> UUID {
        struct Row: Decodable { var id: UUID }
        let date = LocalDate(day)!
        return try unwrap(try await database.sql.select().column("id").from("cases")
            .where("council_id", .equal, PerformanceRepositoryTests.kingsmere.id)
            .where("received_at", .greaterThanOrEqual, date.start()).where("received_at", .lessThan, date.adding(days: 1).start())
            .first(decoding: Row.self)).id
    }

    // 2026's clocks go forward at 01:00 UTC on 29 March and back at 01:00 UTC on 25 October.
    @Test("Records either side of a clock change's midnights fall on their UK day", arguments: TestDatabase.available)
    func clockChanges(database kind: TestDatabase) async throws {
        try await PerformanceRepositoryTests.withMonth(kind) { database, month in
            let times = ["2026-03-28T23:59:59Z", "2026-03-29T00:00:00Z", "2026-03-29T00:59:59Z", "2026-03-29T01:00:00Z",
                         "2026-03-29T22:59:59Z", "2026-03-29T23:00:00Z", "2026-10-24T22:59:59Z", "2026-10-24T23:00:00Z",
                         "2026-10-25T00:59:59Z", "2026-10-25T01:00:00Z", "2026-10-25T23:59:59Z", "2026-10-26T00:00:00Z"]
            for time in times {
                try await PerformanceRepositoryTests.contact(.phone, about: month.missedBin, .resolvedFirstTime, .value,
                                                             at: PerformanceRepositoryTests.utc(time), database)
            }
            let daily = PerformanceRepository(database: database)
            func contacts(on day: String) async throws -> Int {
                let period = ReportingPeriod(first: LocalDate(day)!, last: LocalDate(day)!)!
                return try await daily.contacts(councilIDs: [PerformanceRepositoryTests.kingsmere.id], period: period).reduce(0) { $0 + $1.contacts }
            }
            // GMT until 01:00 UTC on the 29th, then BST: UK midnight of the 30th is 23:00 UTC on the 29th.
            #expect(try await contacts(on: "2026-03-28") == 1)
            #expect(try await contacts(on: "2026-03-29") == 4)
            #expect(try await contacts(on: "2026-03-30") == 1)
            // BST until 01:00 UTC on the 25th: UK midnight of the 25th is 23:00 UTC on the 24th, of the 26th 00:00 UTC.
            #expect(try await contacts(on: "2026-10-24") == 1)
            #expect(try await contacts(on: "2026-10-25") == 4)
            #expect(try await contacts(on: "2026-10-26") == 1)
            try await Self.expectAgreement(database, councils: Self.councils(month))
        }
    }

    @Test("Records made before the daily counts existed are counted when they are created", arguments: TestDatabase.available)
    func countedWhenCreated(database kind: TestDatabase) async throws {
        try await kind.withFreshLocation { location, _ in
            let database = try await Database.open(location, poolSize: 2, waitForConnection: 60, logger: TestLogger.make())
            do {
                let before = Array(Migrations.all.prefix { !$0.name.hasPrefix("0040-") })
                #expect(before.last?.name.hasPrefix("0039-") == true)
                try await Migrator(database: database, migrations: before, logger: TestLogger.make()).migrate()
                let month = try await PerformanceRepositoryTests.buildMonth(database)
                try await Migrator(database: database, logger: TestLogger.make()).migrate()
                let july = try await PerformanceRepository(database: database)
                    .counts(councilIDs: [PerformanceRepositoryTests.kingsmere.id], period: PerformanceRepositoryTests.july)
                #expect(july.contactFigures.total == 10 && july.caseFigures.received.cases == 5)
                try await Self.expectAgreement(database, councils: Self.councils(month))
                await database.close()
            } catch {
                await database.close()
                throw error
            }
        }
    }
}

extension DailyCountTests {
    @Test("The operators' check finds a count changed behind the database's back, and a rebuild mends it", arguments: TestDatabase.available)
    func checkAndRebuild(database kind: TestDatabase) async throws {
        try await PerformanceRepositoryTests.withMonth(kind) { database, month in
            let maintenance = DailyCountMaintenance(database: database)
            let clean = try await maintenance.check()
            // Kingsmere's records run from June to August; Otherton's are all in July.
            #expect(clean.months == 4 && clean.disagreements.isEmpty)

            // Kingsmere's calls on 10 July (K-2 answered, K-3 abandoned), and its cases in Marshside (K2).
            try await database.sql.update("daily_calls").set("answered", to: SQLRaw("answered + 1")).where("day", .equal, "2026-07-10").run()
            try await database.sql.delete(from: "daily_ward_cases").where("ward", .equal, "Marshside").run()
            let tampered = try await maintenance.check()
            #expect(tampered.months == 4)
            #expect(tampered.disagreements == [.init(councilID: PerformanceRepositoryTests.kingsmere.id, month: PerformanceRepositoryTests.july,
                                                     figures: ["wards", "calls"])])

            try await maintenance.rebuild()
            #expect(try await maintenance.check().disagreements.isEmpty)
            try await Self.expectAgreement(database, councils: Self.councils(month))
        }
    }
}
