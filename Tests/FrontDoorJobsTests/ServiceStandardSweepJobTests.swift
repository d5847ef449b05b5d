import Foundation
import FrontDoorDomain
import FrontDoorJobs
import FrontDoorPersistence
import FrontDoorTestSupport
import Logging
import SQLKit
import Testing

@Suite("The service-standard sweep")
struct ServiceStandardSweepJobTests {
    static func ukTime(_ year: Int, _ month: Int, _ day: Int, _ hour: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .london
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour))!
    }

    @Test("Cases become due soon, then overdue, each once; the team's leads are emailed and the timeline says so",
          arguments: TestDatabase.available)
    func sweep(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let hasher = PasswordHasher(cost: 4)
            // A team lead in the street lights' team.
            let service = try #require(try await ServiceRepository(database: database)
                .find(code: ServiceCode("street-light")!, councilID: DemoCouncil.council.id))
            let teamID = try #require(service.owningTeamID)
            let lead = StaffAccount(id: UUID(), councilID: DemoCouncil.council.id, email: "lead@kingsmere.example", displayName: "Lee Lead", role: .teamLead)
            _ = try await StaffAccountRepository(database: database, hasher: hasher).create(lead, password: "a long enough password", isDemo: false)
            try await database.transaction { db in try await TeamRepository(database: database).setTeams(of: lead.id, to: [teamID], on: db) }

            // Received Monday 23 November 2026 10:00; street lights: 5 working days, due Monday 30.
            let opened = try unwrap(try await Self.open(database, at: Self.ukTime(2026, 11, 23, 10)))
            #expect(opened.resolveBy == .date(LocalDate("2026-11-30")!))
            let holidays = try ShippedBankHolidays.load()
            func job(at now: Date) -> ServiceStandardSweepJob {
                ServiceStandardSweepJob(database: database, hasher: hasher, bankHolidays: holidays,
                                        caseLink: { "https://kingsmere.example/staff/cases/\($0)" }, now: { now })
            }
            let cases = CaseRepository(database: database)
            try await job(at: Self.ukTime(2026, 11, 24, 9)).run(logger: Logger(label: "test"))
            #expect(try await cases.find(id: opened.id, councilID: DemoCouncil.council.id)?.standardState == .onTrack)

            try await job(at: Self.ukTime(2026, 11, 27, 9)).run(logger: Logger(label: "test"))
            try await job(at: Self.ukTime(2026, 11, 27, 9)).run(logger: Logger(label: "test"))
            #expect(try await cases.find(id: opened.id, councilID: DemoCouncil.council.id)?.standardState == .dueSoon)
            var mail = try await EmailOutbox(database: database).entries(to: "lead@kingsmere.example")
            let firstSubjects = mail.map(\.subject)
            #expect(firstSubjects == ["\(opened.reference) is due soon: Report a street light fault"])

            try await job(at: Self.ukTime(2026, 12, 1, 9)).run(logger: Logger(label: "test"))
            #expect(try await cases.find(id: opened.id, councilID: DemoCouncil.council.id)?.standardState == .breached)
            mail = try await EmailOutbox(database: database).entries(to: "lead@kingsmere.example")
            // Worked out before #expect: its expansion over EmailOutbox.Entry values crashed the Swift 6.3 runtime.
            let bodies = mail.map(\.body_text)
            let linksToCase = bodies.contains { $0.contains("https://kingsmere.example/staff/cases/\(opened.reference)") }
            #expect(bodies.count == 2)
            #expect(linksToCase)
            let notes = try await cases.events(caseID: opened.id, includingInternal: true).map(\.text)
            let dueSoonNotes = notes.filter { $0.hasPrefix("Due soon") }.count
            let overdueNoted = notes.contains { $0.hasPrefix("Overdue") }
            #expect(dueSoonNotes == 1)
            #expect(overdueNoted)
            #expect(try await cases.events(caseID: opened.id, includingInternal: false).count == 1, "residents do not see the sweep")
        }
    }

    static func open(_ database: Database, at now: Date) async throws -> Case? {
        try await sendStreetLightReport(database, at: now, answers: ["location-description": ["Outside 14 Willow Crescent"], "fault": ["out"]])
    }
}
