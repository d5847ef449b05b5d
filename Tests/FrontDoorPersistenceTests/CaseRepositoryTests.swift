import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import SQLKit
import Testing

@Suite("Cases: opened with a submission, a reference and deadlines")
struct CaseRepositoryTests {
    static let margaret = DemoCouncil.customers[0]

    /// Sends a street light report for Margaret and returns the case it opened.
    static func send(_ database: Database, at now: Date = Date()) async throws -> Case? {
        let service = try #require(try await ServiceRepository(database: database)
            .find(code: ServiceCode("street-light")!, councilID: DemoCouncil.council.id))
        let form = try #require(try await ServiceFormRepository(database: database).latest(of: service.id))
        let drafts = FormDraftRepository(database: database)
        let draft = try await drafts.start(councilID: DemoCouncil.council.id, serviceID: service.id, formVersion: form.version,
                                           filler: .resident(customerID: Self.margaret.id), channel: .online, at: now)
        let answers = FormSubmission(["location-latitude": ["52.2119"], "location-longitude": ["-0.9913"], "fault": ["out"]])
        try await drafts.saveAnswers(answers, draftID: draft.id, at: now)
        let saved = try #require(try await drafts.find(id: draft.id))
        let rules = CaseIntakeRules(deadlines: DeadlineRules(calendar: .council(nation: .englandAndWales, bankHolidays: try ShippedBankHolidays.load())))
        return try await drafts.submit(saved, answers: form.check(saved.answers), asked: FormJourney(form: form, submission: saved.answers).questions,
                                       at: now, then: { submitted, db in
            try await CaseRepository.open(for: submitted, form: form, service: service, rules: rules, customerName: "Margaret Okafor",
                                          submittedByName: nil, on: db)
        })?.1
    }

    @Test("A case gets the next reference, its standard's deadlines, its location and a first public timeline entry",
          arguments: TestDatabase.available)
    func opened(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = .london
            let monday = calendar.date(from: DateComponents(year: 2026, month: 11, day: 23, hour: 10))!
            let first = try #require(try await Self.send(database, at: monday))
            let second = try #require(try await Self.send(database, at: monday))
            #expect(first.reference.description == "FD-2026-000001" && second.reference.description == "FD-2026-000002")
            #expect(first.status == .submitted && first.channel == .online && first.customerID == Self.margaret.id)
            #expect(first.acknowledgeBy == LocalDate("2026-11-24"), "one working day")
            #expect(first.resolveBy == .date(LocalDate("2026-11-30")!), "street lights: 5 working days")
            #expect(first.latitude == 52.2119 && first.longitude == -0.9913)
            let repository = CaseRepository(database: database)
            let found = try #require(try await repository.find(reference: CaseReference("fd 2026 1")!, councilID: DemoCouncil.council.id))
            #expect(found.id == first.id && found.resolveBy == first.resolveBy && found.version == 1)
            let timeline = try await repository.events(caseID: first.id, includingInternal: false)
            #expect(timeline.map(\.text) == ["Request received: Report a street light fault"] && timeline.first?.actorName == "Margaret Okafor")
            #expect(try await repository.all(customerID: Self.margaret.id).map(\.id) == [second.id, first.id])
        }
    }

    @Test("Cases opened at the same moment never share a reference", arguments: TestDatabase.available)
    func concurrentReferences(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let references = try await withThrowingTaskGroup(of: String?.self) { group in
                for _ in 0..<8 { group.addTask { try await Self.send(database)?.reference.description } }
                var all: [String] = []
                for try await reference in group { if let reference { all.append(reference) } }
                return all
            }
            #expect(references.count == 8 && Set(references).count == 8)
        }
    }

    @Test("References read over the phone are understood however they are typed")
    func referenceParsing() {
        #expect(CaseReference("FD-2026-004213")?.description == "FD-2026-004213")
        #expect(CaseReference("fd 2026 4213") == CaseReference(year: 2026, number: 4213))
        #expect(CaseReference("FD-2026-1234567")?.description == "FD-2026-1234567", "more than a million a year still reads")
        #expect(CaseReference("FD-26-4213") == nil && CaseReference("FD-2026-0") == nil && CaseReference("2026-4213") == nil)
    }
}
