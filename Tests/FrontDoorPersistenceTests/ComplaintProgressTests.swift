import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import Testing

@Suite("A complaint through its stages: acknowledged, extended, answered, escalated to a fresh officer, and no further than the last stage")
struct ComplaintProgressTests {
    static func at(_ iso: String, hour: Double = 10) throws -> Date {
        try #require(LocalDate(iso)).start().addingTimeInterval(hour * 3600)
    }

    struct NotSaved: Error { var result: ComplaintProgress.Result }

    static func saved(_ result: ComplaintProgress.Result) throws -> Case {
        guard case .saved(let item) = result else { throw NotSaved(result: result) }
        return item
    }

    static func refusals(_ result: ComplaintProgress.Result) -> [String] {
        guard case .refused(let problems) = result else { return [] }
        return problems.map(\.message)
    }

    @Test("The two stages of the Ombudsmen's code, with their dates", arguments: TestDatabase.available)
    func twoStages(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let holidays = try ShippedBankHolidays.load()
            let stages = ComplaintProgress(database: database, bankHolidays: holidays)
            let complaints = ComplaintRepository(database: database)
            let council = DemoCouncil.council
            let (officerA, officerB) = (UUID(), UUID())
            let actor = CaseRepository.Actor(id: officerA, name: "Jo Evans")
            let notice = CaseProgress.Notice(link: "https://kingsmere.example/requests")
            // Monday 1 June 2026: acknowledge by Monday 8 June (5 working days).
            var item = try #require(try await sendDemoForm(database, code: "complaint", answers: ["about": ["Rude reply"], "put-right": ["An apology"]],
                                                           at: try Self.at("2026-06-01")))
            #expect(item.acknowledgeBy == LocalDate("2026-06-08"))
            let notificationsBefore = try await countRows("notifications", database)

            // Acknowledged on Wednesday 3 June: respond within 10 working days of that → Wednesday 17 June.
            item = try Self.saved(try await stages.acknowledge(item, council: council, officerID: officerA, seenVersion: item.version, by: actor,
                                                               message: "", notice: notice, at: try Self.at("2026-06-03")))
            #expect(item.status == .acknowledged && item.resolveBy == .date(LocalDate("2026-06-17")!))
            #expect(try await countRows("notifications", database) == notificationsBefore + 1, "the resident is told")
            #expect(Self.refusals(try await stages.acknowledge(item, council: council, officerID: nil, seenVersion: item.version, by: actor,
                                                               message: "", notice: nil, at: try Self.at("2026-06-03"))).count == 1)

            // Extended by 5 working days with a reason → Wednesday 24 June; more than the code's 10 is refused.
            #expect(Self.refusals(try await stages.extend(item, council: council, workingDays: 11, reason: "Waiting for the crew's report",
                                                          seenVersion: item.version, by: actor, notice: nil, at: try Self.at("2026-06-10"))) == ["Extend by 1 to 10 working days"])
            #expect(!Self.refusals(try await stages.extend(item, council: council, workingDays: 5, reason: " ", seenVersion: item.version, by: actor,
                                                           notice: nil, at: try Self.at("2026-06-10"))).isEmpty)
            item = try Self.saved(try await stages.extend(item, council: council, workingDays: 5, reason: "We are waiting for the crew's report.",
                                                          seenVersion: item.version, by: actor, notice: notice, at: try Self.at("2026-06-10")))
            #expect(item.resolveBy == .date(LocalDate("2026-06-24")!))
            let timeline = try await CaseRepository(database: database).events(caseID: item.id, includingInternal: false)
            #expect(timeline.contains { $0.text.contains("We are waiting for the crew's report.") && $0.text.contains("24 June 2026") },
                    "the resident is told the reason and the new date")

            // Answered: the case is resolved with the response as its message.
            let response = ComplaintStage.Response(respondedOn: LocalDate("2026-06-22")!, outcome: .partlyUpheld, remedies: [.apology],
                                                   rootCause: "Training: replies not checked", text: "We are sorry. We have spoken to the team.")
            item = try Self.saved(try await stages.respond(item, council: council, response: response, seenVersion: item.version, by: actor,
                                                           notice: notice, at: try Self.at("2026-06-22")))
            #expect(item.status == .resolved)
            #expect(try await complaints.find(caseID: item.id)?.stages.first?.response == response)

            // Escalated on Tuesday 23 June: stage 2, acknowledge by Tuesday 30 June; stage 1's officer may not take it.
            item = try Self.saved(try await stages.escalate(item, council: council, reason: "The apology did not explain what went wrong",
                                                            seenVersion: item.version, by: .init(id: nil, name: "Margaret Okafor"), notice: nil,
                                                            at: try Self.at("2026-06-23")))
            #expect(item.status == .inProgress && item.acknowledgeBy == LocalDate("2026-06-30"))
            let escalated = try #require(try await complaints.find(caseID: item.id))
            #expect(escalated.stages.map(\.number) == [1, 2] && escalated.stages[1].reason == "The apology did not explain what went wrong")
            #expect(Self.refusals(try await stages.acknowledge(item, council: council, officerID: officerA, seenVersion: item.version, by: actor,
                                                               message: "", notice: nil, at: try Self.at("2026-06-24")))
                    == ["An officer who handled an earlier stage cannot handle stage 2: choose someone else"])
            // Acknowledged Wednesday 24 June by another officer: 20 working days → Wednesday 22 July.
            item = try Self.saved(try await stages.acknowledge(item, council: council, officerID: officerB, seenVersion: item.version,
                                                               by: .init(id: officerB, name: "Sam Patel"), message: "", notice: nil, at: try Self.at("2026-06-24")))
            #expect(item.resolveBy == .date(LocalDate("2026-07-22")!))
            let final = ComplaintStage.Response(respondedOn: LocalDate("2026-07-20")!, outcome: .upheld, remedies: [.apology, .financial],
                                                financialRemedyPence: 5_000, rootCause: "Policy unclear", text: "We uphold your complaint.")
            item = try Self.saved(try await stages.respond(item, council: council, response: final, seenVersion: item.version,
                                                           by: .init(id: officerB, name: "Sam Patel"), notice: nil, at: try Self.at("2026-07-20")))
            #expect(Self.refusals(try await stages.escalate(item, council: council, reason: "Still unhappy", seenVersion: item.version,
                                                            by: .init(id: nil, name: "Margaret Okafor"), notice: nil, at: try Self.at("2026-07-21")))
                    == ["Stage 2 is the last stage: the resident may go to the Ombudsman"])
        }
    }

    @Test("A stage may not be escalated before it is answered, unless its response is overdue; a stale version is refused")
    func escalationTiming() async throws {
        try await TestDatabase.sqlite.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let stages = ComplaintProgress(database: database, bankHolidays: try ShippedBankHolidays.load())
            let council = DemoCouncil.council
            let resident = CaseRepository.Actor(id: nil, name: "Margaret Okafor")
            let item = try #require(try await sendDemoForm(database, code: "complaint", answers: ["about": ["No reply"], "put-right": ["A reply"]],
                                                           at: try Self.at("2026-06-01")))
            // Unacknowledged: respond by 10 working days after the acknowledge-by date (8 June) → 22 June.
            #expect(item.resolveBy == .date(LocalDate("2026-06-22")!))
            #expect(!Self.refusals(try await stages.escalate(item, council: council, reason: "Nobody answered", seenVersion: item.version,
                                                             by: resident, notice: nil, at: try Self.at("2026-06-22"))).isEmpty)
            guard case .changedSince = try await stages.escalate(item, council: council, reason: "Nobody answered", seenVersion: item.version - 1,
                                                                 by: resident, notice: nil, at: try Self.at("2026-06-23")) else {
                Issue.record("a change against an old version was not refused")
                return
            }
            let overdue = try Self.saved(try await stages.escalate(item, council: council, reason: "Nobody answered", seenVersion: item.version,
                                                                   by: resident, notice: nil, at: try Self.at("2026-06-23")))
            #expect(overdue.version == item.version + 1)
        }
    }

    @Test("A withdrawn complaint takes no more stage changes, and a case that is no complaint is refused as such")
    func ended() async throws {
        try await TestDatabase.sqlite.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let holidays = try ShippedBankHolidays.load()
            let stages = ComplaintProgress(database: database, bankHolidays: holidays)
            let council = DemoCouncil.council
            let officer = CaseRepository.Actor(id: UUID(), name: "Jo Evans")
            let item = try #require(try await sendDemoForm(database, code: "complaint", answers: ["about": ["Noise"], "put-right": ["Quiet"]],
                                                           at: try Self.at("2026-06-01")))
            guard case .saved(let withdrawn) = try await CaseProgress(database: database, bankHolidays: holidays)
                .apply(.withdraw, to: item, council: council, seenVersion: item.version, by: .init(id: nil, name: "Margaret Okafor"),
                       message: "", at: try Self.at("2026-06-02")) else {
                Issue.record("the resident could not withdraw the complaint")
                return
            }
            #expect(Self.refusals(try await stages.acknowledge(withdrawn, council: council, officerID: nil, seenVersion: withdrawn.version,
                                                               by: officer, message: "", notice: nil, at: try Self.at("2026-06-03")))
                    == ["This complaint is withdrawn: it cannot be changed"])
            #expect(!Self.refusals(try await stages.escalate(withdrawn, council: council, reason: "Changed my mind", seenVersion: withdrawn.version,
                                                             by: officer, notice: nil, at: try Self.at("2026-06-03"))).isEmpty)
            let report = try #require(try await sendStreetLightReport(database))
            #expect(Self.refusals(try await stages.acknowledge(report, council: council, officerID: nil, seenVersion: report.version,
                                                               by: officer, message: "", notice: nil, at: Date())) == ["This case is not a complaint"])
        }
    }
}

func countRows(_ table: String, _ database: Database) async throws -> Int {
    struct Count: Decodable { var n: Int }
    return try await database.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first(decoding: Count.self)?.n ?? -1
}
