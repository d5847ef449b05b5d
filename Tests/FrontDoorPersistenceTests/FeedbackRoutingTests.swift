import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import Testing

/// A compliment or a comment is passed to the team that runs the service it is about.
@Suite("Compliments and comments reach the team of the service they are about")
struct FeedbackRoutingTests {
    static let actor = CaseRepository.Actor(id: DemoCouncil.staff[3].id, name: DemoCouncil.staff[3].displayName)

    static func service(_ code: String, _ database: Database) async throws -> CouncilService {
        try unwrap(try await ServiceRepository(database: database).find(code: ServiceCode(code)!, councilID: DemoCouncil.council.id), code)
    }

    static func team(_ name: String, _ database: Database) async throws -> Team {
        try unwrap(try await TeamRepository(database: database).all(councilID: DemoCouncil.council.id).first { $0.name == name }, name)
    }

    static func stored(_ item: Case, _ database: Database) async throws -> Case {
        try unwrap(try await CaseRepository(database: database).find(id: item.id, councilID: item.councilID), "the case")
    }

    @Test("A compliment about missed bins moves to Waste and recycling's queue, its service recorded, with a staff-only note",
          arguments: TestDatabase.available)
    func passed(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            var compliment = try unwrap(try await sendDemoForm(database, code: "compliment", answers: ["what": ["The crew came back the same day"]]))
            #expect(compliment.teamID == (try await Self.team("Customer services", database)).id, "it arrives with the feedback service's team")
            // An officer of the first team had picked it up: it goes back to a queue, the new team's.
            guard case .saved(let assigned) = try await CaseRepository(database: database).setDetails(
                compliment, seenVersion: compliment.version, priority: compliment.priority, officer: DemoCouncil.staff[2], by: Self.actor, at: Date()) else {
                Issue.record("the officer was not saved")
                return
            }
            compliment = assigned
            let missedBin = try await Self.service("missed-bin", database)
            let result = try await FeedbackRouting(database: database).pass(compliment, about: missedBin, seenVersion: compliment.version,
                                                                            by: Self.actor, at: Date())
            guard case .saved(let passed) = result else {
                Issue.record("not passed on: \(result)")
                return
            }
            let stored = try await Self.stored(compliment, database)
            let waste = try await Self.team("Waste and recycling", database)
            #expect(stored.teamID == waste.id && passed.teamID == waste.id)
            #expect(stored.officerID == nil && passed.officerID == nil)
            #expect(stored.version == compliment.version + 1 && passed.version == stored.version)
            #expect(try await CaseSubjectRepository(database: database).serviceID(caseID: compliment.id) == missedBin.id)
            let events = try await CaseRepository(database: database).events(caseID: compliment.id, includingInternal: true)
            let note = try unwrap(events.last)
            #expect(note.text == "About Report a missed bin collection: passed to Waste and recycling")
            #expect(note.visibility == .internal && note.actorName == "Priya Shah" && note.caseVersion == stored.version)
            let residentSees = try await CaseRepository(database: database).events(caseID: compliment.id, includingInternal: false)
            #expect(!residentSees.contains { $0.text.contains("passed to") }, "the resident's timeline does not show the team")
        }
    }

    @Test("A comment about a service of its own team stays where it is; the service is changed on a second pass",
          arguments: TestDatabase.available)
    func staysWithItsTeam(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let comment = try unwrap(try await sendDemoForm(database, code: "comment", answers: ["comment": ["Longer opening hours, please"]]))
            let enquiry = try await Self.service("general-enquiry", database)
            guard case .saved(let first) = try await FeedbackRouting(database: database).pass(comment, about: enquiry, seenVersion: comment.version,
                                                                                              by: Self.actor, at: Date()) else {
                Issue.record("not saved")
                return
            }
            let kept = try await Self.stored(comment, database)
            #expect(first.teamID == comment.teamID && kept.teamID == comment.teamID)
            let events = try await CaseRepository(database: database).events(caseID: comment.id, includingInternal: true)
            #expect(events.last?.text == "About Ask a question")
            let potholes = try await Self.service("pothole", database)
            guard case .saved = try await FeedbackRouting(database: database).pass(first, about: potholes, seenVersion: first.version,
                                                                                   by: Self.actor, at: Date()) else {
                Issue.record("the second pass was not saved")
                return
            }
            #expect(try await CaseSubjectRepository(database: database).serviceID(caseID: comment.id) == potholes.id, "one service, the latest")
            #expect((try await Self.stored(comment, database)).teamID == potholes.owningTeamID)
        }
    }

    @Test("Nothing changes for a stale page, a case that is not feedback, or a duplicate", arguments: TestDatabase.available)
    func refused(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let routing = FeedbackRouting(database: database)
            let missedBin = try await Self.service("missed-bin", database)
            let compliment = try unwrap(try await sendDemoForm(database, code: "compliment", answers: ["what": ["Thank you"]]))
            _ = try await CaseRepository(database: database).addNote(to: compliment, text: "Read", visibility: .internal, by: Self.actor, at: Date())
            guard case .saved(let moved) = try await CaseRepository(database: database).setDetails(
                compliment, seenVersion: compliment.version, priority: .high, officer: nil, by: Self.actor, at: Date()) else {
                Issue.record("the priority was not saved")
                return
            }
            guard case .changedSince(let current, let since) = try await routing.pass(compliment, about: missedBin, seenVersion: compliment.version,
                                                                                      by: Self.actor, at: Date()) else {
                Issue.record("a stale page was not refused")
                return
            }
            #expect(current.version == moved.version && since.map(\.text) == ["Priority normal to high"])
            #expect((try await Self.stored(compliment, database)).teamID == compliment.teamID)
            #expect(try await CaseSubjectRepository(database: database).serviceID(caseID: compliment.id) == nil)

            let complaint = try unwrap(try await sendDemoForm(database, code: "complaint", answers: ["about": ["Bins left out"], "put-right": ["Bring them in"]]))
            #expect(try await routing.pass(complaint, about: missedBin, seenVersion: complaint.version, by: Self.actor, at: Date())
                    == .refused([FieldProblem(field: "feedback", message: "This case is not a compliment or a comment")]))
            #expect(try await CaseSubjectRepository(database: database).serviceID(caseID: complaint.id) == nil)

            let again = try unwrap(try await sendDemoForm(database, code: "compliment", answers: ["what": ["Thank you"]]))
            let council = DemoCouncil.council
            guard case .saved(let duplicate) = try await CaseProgress(database: database, bankHolidays: try ShippedBankHolidays.load())
                .apply(.markDuplicate, to: again, council: council, seenVersion: again.version, by: Self.actor, message: "", at: Date()) else {
                Issue.record("the duplicate could not be marked")
                return
            }
            guard case .refused(let problems) = try await routing.pass(duplicate, about: missedBin, seenVersion: duplicate.version,
                                                                       by: Self.actor, at: Date()) else {
                Issue.record("a duplicate was passed on")
                return
            }
            #expect(problems.map(\.message) == ["This case is a duplicate: record the service on the case it joined"])
            #expect((try await Self.stored(duplicate, database)).teamID == again.teamID)
        }
    }
}
