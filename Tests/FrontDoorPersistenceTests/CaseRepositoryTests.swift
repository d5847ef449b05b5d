import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import SQLKit
import Testing

@Suite("Cases: opened with a submission, a reference and deadlines")
struct CaseRepositoryTests {
    static let margaret = DemoCouncil.customers[0]

    static func send(_ database: Database, at now: Date = Date()) async throws -> Case? {
        try await sendStreetLightReport(database, at: now)
    }

    @Test("A case gets the next reference, its standard's deadlines, its location and a first public timeline entry",
          arguments: TestDatabase.available)
    func opened(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = .london
            let monday = calendar.date(from: DateComponents(year: 2026, month: 11, day: 23, hour: 10))!
            let first = try unwrap(try await Self.send(database, at: monday))
            let second = try unwrap(try await Self.send(database, at: monday))
            #expect(first.reference.description == "FD-2026-000001" && second.reference.description == "FD-2026-000002")
            #expect(first.status == .submitted && first.channel == .online && first.customerID == Self.margaret.id)
            #expect(first.acknowledgeBy == LocalDate("2026-11-24"), "one working day")
            #expect(first.resolveBy == .date(LocalDate("2026-11-30")!), "street lights: 5 working days")
            #expect(first.latitude == 52.2119 && first.longitude == -0.9913)
            let repository = CaseRepository(database: database)
            let found = try unwrap(try await repository.find(reference: CaseReference("fd 2026 1")!, councilID: DemoCouncil.council.id))
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
            // SQLite's one connection takes the sends in turn, so a few show the counter holds; more only queue
            // for that connection, and under a busy test run the last would wait past the pool's time limit.
            let senders = kind == .sqlite ? 4 : 8
            let references = try await withThrowingTaskGroup(of: String?.self) { group in
                for _ in 0..<senders { group.addTask { try await Self.send(database)?.reference.description } }
                var all: [String] = []
                for try await reference in group { if let reference { all.append(reference) } }
                return all
            }
            #expect(references.count == senders && Set(references).count == senders)
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

@Suite("Changing a case: no update is ever lost")
struct CaseUpdateTests {
    static let sam = CaseRepository.Actor(id: DemoCouncil.staff[1].id, name: "Sam Patel")
    static let jo = CaseRepository.Actor(id: DemoCouncil.staff[2].id, name: "Jo Evans")

    @Test("Two officers change the same case at once: one change is saved, the other is told what changed",
          arguments: TestDatabase.available)
    func noLostUpdate(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let opened = try unwrap(try await CaseRepositoryTests.send(database))
            let repository = CaseRepository(database: database)
            async let first = repository.transition(opened, to: .inProgress, seenVersion: 1, by: Self.sam, message: "We are looking into it", at: Date())
            async let second = repository.transition(opened, to: .resolved, seenVersion: 1, by: Self.jo, message: "Fixed", at: Date())
            let outcomes = try await [first, second]
            let saved = outcomes.compactMap { if case .saved(let item) = $0 { item } else { nil } }
            let refused = outcomes.compactMap { if case .changedSince(let item, let events) = $0 { (item, events) } else { nil } }
            #expect(saved.count == 1 && refused.count == 1)
            let winner = try unwrap(saved.first)
            let (current, since) = try unwrap(refused.first)
            #expect(current.version == 2 && current.status == winner.status)
            #expect(since.map(\.actorName) == [winner.status == .inProgress ? "Sam Patel" : "Jo Evans"])
            let timeline = try await repository.events(caseID: opened.id, includingInternal: true)
            #expect(timeline.count == 2, "the first entry and the one saved change")
        }
    }

    @Test("Waiting for the customer stops the clock until they reply; notes stay internal unless public", arguments: TestDatabase.available)
    func pausesAndNotes(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let opened = try unwrap(try await CaseRepositoryTests.send(database))
            let repository = CaseRepository(database: database)
            guard case .saved(let waiting) = try await repository.transition(opened, to: .awaitingCustomer, seenVersion: 1, by: Self.sam,
                                                                           message: "Which lamp post number is it?", at: Date()) else {
                Issue.record("not saved"); return
            }
            #expect(try await repository.pauses(caseID: opened.id).map { $0.until == nil } == [true])
            guard case .saved(let replied) = try await repository.transition(waiting, to: .inProgress, seenVersion: 2, by: .init(id: nil, name: "Margaret Okafor"),
                                                                           message: "It is SL1234", at: Date()) else {
                Issue.record("not saved"); return
            }
            #expect(replied.version == 3)
            #expect(try await repository.pauses(caseID: opened.id).map { $0.until != nil } == [true])
            _ = try await repository.addNote(to: replied, text: "Contractor booked", visibility: .internal, by: Self.sam, at: Date())
            let residentSees = try await repository.events(caseID: opened.id, includingInternal: false).map(\.text)
            let staffSee = try await repository.events(caseID: opened.id, includingInternal: true).map(\.text)
            #expect(!residentSees.contains("Contractor booked") && staffSee.contains("Contractor booked"))
            #expect(residentSees.contains("Which lamp post number is it?"))
        }
    }
}
