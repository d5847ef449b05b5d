import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import Testing

/// What is kept about complaints beside their stages: learning actions ("You said, we did"),
/// Ombudsman referrals, the service a complaint is about, and the annual report read from them.
@Suite("Complaint records: learning actions, Ombudsman referrals, subjects and the annual report")
struct ComplaintRecordsTests {
    static func at(_ iso: String, hour: Double = 10) throws -> Date {
        try #require(LocalDate(iso)).start().addingTimeInterval(hour * 3600)
    }

    static func date(_ iso: String) -> LocalDate { LocalDate(iso)! }

    static let answers = ["about": ["The bin crew left my bin in the road"], "put-right": ["Bring it back to the kerb"]]

    static func complaint(_ database: Database, at iso: String) async throws -> Case {
        try unwrap(try await sendDemoForm(database, code: "complaint", answers: answers, at: try at(iso)), "the complaint")
    }

    static func service(_ code: String, _ database: Database) async throws -> CouncilService {
        try unwrap(try await ServiceRepository(database: database).find(code: ServiceCode(code)!, councilID: DemoCouncil.council.id), code)
    }

    struct NotSaved: Error { var result: ComplaintProgress.Result }

    static func saved(_ result: ComplaintProgress.Result) throws -> Case {
        guard case .saved(let item) = result else { throw NotSaved(result: result) }
        return item
    }

    // MARK: Learning actions

    @Test("Learning actions are added to a complaint, listed in order and updated only on their own case and council",
          arguments: TestDatabase.available)
    func learningActions(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let council = DemoCouncil.council
            let actions = LearningActionRepository(database: database)
            let first = try await Self.complaint(database, at: "2026-06-01")
            let second = try await Self.complaint(database, at: "2026-06-02")
            let owner = DemoCouncil.staff[2].id
            let crews = LearningAction(caseID: first.id, youSaid: "  Bins were left in the road.  ", weDid: "Crews return bins to the kerb.\n",
                                       ownerID: owner, dueOn: Self.date("2026-07-01"))
            let letters = LearningAction(caseID: first.id, youSaid: "Letters were unclear.", weDid: "We rewrote the letter.",
                                         ownerID: owner, dueOn: Self.date("2026-07-15"))
            try await actions.add(crews, councilID: council.id, at: try Self.at("2026-06-10"))
            try await actions.add(letters, councilID: council.id, at: try Self.at("2026-06-11"))

            // Oldest first, with the text trimmed.
            let listed = try await actions.all(caseID: first.id)
            #expect(listed.map(\.id) == [crews.id, letters.id])
            #expect(listed.first?.youSaid == "Bins were left in the road." && listed.first?.weDid == "Crews return bins to the kerb.")
            #expect(listed.first?.dueOn == Self.date("2026-07-01") && listed.first?.completedOn == nil && listed.first?.published == false)
            #expect(listed.first?.ownerID == owner && listed.first?.caseID == first.id)
            #expect(try await actions.all(caseID: second.id).isEmpty)

            // Done and published.
            var done = try #require(listed.first)
            done.completedOn = Self.date("2026-06-20")
            done.published = true
            #expect(try await actions.update(done, councilID: council.id))
            let afterUpdate = try await actions.all(caseID: first.id)
            #expect(afterUpdate.first == done)
            #expect(afterUpdate.last == listed.last, "the other action is untouched")

            // The same action named against another case, or another council, is refused and nothing changes.
            var letterDone = try #require(listed.last)
            letterDone.completedOn = Self.date("2026-06-21")
            letterDone.published = true
            var onOtherCase = letterDone
            onOtherCase.caseID = second.id
            #expect(try await actions.update(onOtherCase, councilID: council.id) == false)
            #expect(try await actions.update(letterDone, councilID: UUID()) == false)
            #expect(try await actions.update(LearningAction(caseID: first.id, youSaid: "x", weDid: "y", ownerID: owner,
                                                            dueOn: Self.date("2026-07-01")), councilID: council.id) == false,
                    "an action that was never added")
            #expect(try await actions.all(caseID: first.id) == afterUpdate)
            #expect(try await actions.all(caseID: second.id).isEmpty)
        }
    }

    @Test("Published actions are the council's published ones, newest done first, named by the service the complaint was about",
          arguments: TestDatabase.available)
    func published(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let council = DemoCouncil.council
            let other = try makeCouncil()
            try await CouncilRepository(database: database).create(other)
            let actions = LearningActionRepository(database: database)
            let owner = DemoCouncil.staff[2].id
            let plain = try await Self.complaint(database, at: "2026-06-01")
            let aboutBins = try await Self.complaint(database, at: "2026-06-02")
            let missedBin = try await Self.service("missed-bin", database)
            try await CaseSubjectRepository(database: database).set(serviceID: missedBin.id, caseID: aboutBins.id)

            let older = LearningAction(caseID: plain.id, youSaid: "Nobody rang back.", weDid: "Call-backs are now booked.", ownerID: owner,
                                       dueOn: Self.date("2026-07-01"), completedOn: Self.date("2026-06-20"), published: true)
            let newer = LearningAction(caseID: aboutBins.id, youSaid: "Bins were left in the road.", weDid: "Crews return bins to the kerb.",
                                       ownerID: owner, dueOn: Self.date("2026-07-01"), completedOn: Self.date("2026-06-25"), published: true)
            let unpublished = LearningAction(caseID: plain.id, youSaid: "Letters were unclear.", weDid: "We rewrote the letter.", ownerID: owner,
                                             dueOn: Self.date("2026-07-01"), completedOn: Self.date("2026-06-28"))
            let notDone = LearningAction(caseID: aboutBins.id, youSaid: "The form was long.", weDid: "We will shorten it.", ownerID: owner,
                                         dueOn: Self.date("2026-08-01"))
            // Recorded as another council's (its row's council), though on a demo case: it is not this council's to publish.
            let otherCouncils = LearningAction(caseID: plain.id, youSaid: "Elsewhere.", weDid: "Elsewhere too.", ownerID: owner,
                                               dueOn: Self.date("2026-07-01"), completedOn: Self.date("2026-06-30"), published: true)
            for (action, day) in [(older, "2026-06-20"), (newer, "2026-06-25"), (unpublished, "2026-06-26"), (notDone, "2026-06-27")] {
                try await actions.add(action, councilID: council.id, at: try Self.at(day))
            }
            try await actions.add(otherCouncils, councilID: other.id, at: try Self.at("2026-06-30"))

            let shown = try await actions.published(councilID: council.id)
            #expect(shown.map(\.action.id) == [newer.id, older.id])
            #expect(shown.map(\.action) == [newer, older])
            // The complaint about bins is named by its subject; the other by the complaints service itself.
            #expect(shown.map(\.serviceName) == ["Report a missed bin collection", "Make a complaint"])
            #expect(try await actions.published(councilID: other.id).map(\.action.id) == [otherCouncils.id])
            #expect(try await actions.published(councilID: council.id, limit: 1).map(\.action.id) == [newer.id])

            // Published later, once done: it joins the list in order of when it was done.
            var nowPublished = unpublished
            nowPublished.published = true
            #expect(try await actions.update(nowPublished, councilID: council.id))
            #expect(try await actions.published(councilID: council.id).map(\.action.id) == [unpublished.id, newer.id, older.id])
            // With its subject cleared, the bins complaint is the complaints service's again.
            try await CaseSubjectRepository(database: database).set(serviceID: nil, caseID: aboutBins.id)
            #expect(try await actions.published(councilID: council.id).map(\.serviceName)
                    == ["Make a complaint", "Make a complaint", "Make a complaint"])
        }
    }

    // MARK: Ombudsman referrals

    @Test("An Ombudsman referral is saved and found again, with its decision; saving again replaces it", arguments: TestDatabase.available)
    func ombudsmanReferral(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let referrals = OmbudsmanReferralRepository(database: database)
            let item = try await Self.complaint(database, at: "2026-06-01")
            let otherItem = try await Self.complaint(database, at: "2026-06-02")
            #expect(try await referrals.find(caseID: item.id) == nil)

            let referred = OmbudsmanReferral(ombudsman: .housing, reference: " HO-2026-00123 ", referredOn: Self.date("2026-08-03"))
            try await referrals.save(referred, caseID: item.id)
            var expected = referred
            expected.reference = "HO-2026-00123"
            #expect(try await referrals.find(caseID: item.id) == expected)
            #expect(try await referrals.find(caseID: otherItem.id) == nil)

            let decided = OmbudsmanReferral(ombudsman: .localGovernment, reference: "LG 26 004 517", referredOn: Self.date("2026-08-04"),
                                            decision: .partialMaladministration, decidedOn: Self.date("2026-12-14"),
                                            remedyRequired: "Apologise and pay £150 for the time and trouble.")
            try await referrals.save(decided, caseID: item.id)
            #expect(try await referrals.find(caseID: item.id) == decided)
            #expect(try await countRows("ombudsman_referrals", database) == 1, "one referral per complaint")

            let settled = OmbudsmanReferral(ombudsman: .housing, reference: "HO-1", referredOn: Self.date("2026-09-01"), decision: .settled,
                                            decidedOn: Self.date("2026-09-30"))
            try await referrals.save(settled, caseID: otherItem.id)
            #expect(try await referrals.find(caseID: otherItem.id) == settled)
            #expect(try await referrals.find(caseID: item.id) == decided, "another complaint's referral leaves this one alone")
        }
    }

    // MARK: Case subjects

    @Test("The service a complaint is about is set, replaced and cleared", arguments: TestDatabase.available)
    func caseSubject(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let subjects = CaseSubjectRepository(database: database)
            let item = try await Self.complaint(database, at: "2026-06-01")
            let otherItem = try await Self.complaint(database, at: "2026-06-02")
            let missedBin = try await Self.service("missed-bin", database), flyTipping = try await Self.service("fly-tipping", database)
            #expect(try await subjects.serviceID(caseID: item.id) == nil)
            try await subjects.set(serviceID: missedBin.id, caseID: item.id)
            try await subjects.set(serviceID: flyTipping.id, caseID: otherItem.id)
            #expect(try await subjects.serviceID(caseID: item.id) == missedBin.id)
            try await subjects.set(serviceID: flyTipping.id, caseID: item.id)
            #expect(try await subjects.serviceID(caseID: item.id) == flyTipping.id)
            #expect(try await countRows("case_subjects", database) == 2)
            try await subjects.set(serviceID: nil, caseID: item.id)
            #expect(try await subjects.serviceID(caseID: item.id) == nil)
            #expect(try await subjects.serviceID(caseID: otherItem.id) == flyTipping.id, "clearing one leaves the other")
            try await subjects.set(serviceID: nil, caseID: item.id)
            #expect(try await subjects.serviceID(caseID: item.id) == nil, "clearing twice is harmless")
        }
    }

    // MARK: The annual report

    /// The year 2025 to 2026, drawn up on Monday 20 April 2026. No bank holidays fall in March 2026; Good Friday
    /// (3 April) and Easter Monday (6 April) follow the year's end.
    @Test("The annual report counts the year's complaints by the service they were about, leaving out duplicates and later ones",
          arguments: TestDatabase.available)
    func annualReport(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let holidays = try ShippedBankHolidays.load()
            let council = DemoCouncil.council
            let stages = ComplaintProgress(database: database, bankHolidays: holidays)
            let subjects = CaseSubjectRepository(database: database)
            let (officerA, officerB) = (DemoCouncil.staff[2].id, DemoCouncil.staff[3].id)
            let actor = CaseRepository.Actor(id: officerA, name: "Jo Evans")
            let resident = CaseRepository.Actor(id: nil, name: "Margaret Okafor")
            let today = Self.date("2026-04-20")
            let year = FinancialYear(containing: Self.date("2026-03-02"))
            #expect(year.period == Self.date("2025-04-01")...Self.date("2026-03-31"))
            let missedBin = try await Self.service("missed-bin", database)

            func answer(_ item: Case, on day: String, _ outcome: ComplaintStage.Outcome) async throws -> Case {
                try Self.saved(try await stages.respond(item, council: council, response: .init(
                    respondedOn: Self.date(day), outcome: outcome, remedies: [.apology], rootCause: "Crew training", text: "We are sorry."),
                    seenVersion: item.version, by: actor, notice: nil, at: try Self.at(day)))
            }

            // One: received Mon 2 Mar 2026, about missed bins; acknowledged Tue 3 Mar: due 4–6, 9–13, 16, 17 = Tue 17 Mar;
            // answered Fri 13 Mar (upheld): on time, in 3–6, 9–13 Mar = 9 working days.
            var one = try await Self.complaint(database, at: "2026-03-02")
            try await subjects.set(serviceID: missedBin.id, caseID: one.id)
            one = try Self.saved(try await stages.acknowledge(one, council: council, officerID: officerA, seenVersion: one.version, by: actor,
                                                              message: "", notice: nil, at: try Self.at("2026-03-03")))
            one = try await answer(one, on: "2026-03-13", .upheld)

            // Two: received Mon 2 Mar 2026; stage 1 as One's (not upheld, 9 working days). Escalated Mon 16 Mar; stage 2 acknowledged
            // Tue 17 Mar by another officer: due Thu 16 Apr; answered Mon 30 Mar (partly upheld): on time, in 17–20, 23–27, 30 Mar = 10.
            var two = try await Self.complaint(database, at: "2026-03-02")
            two = try Self.saved(try await stages.acknowledge(two, council: council, officerID: officerA, seenVersion: two.version, by: actor,
                                                              message: "", notice: nil, at: try Self.at("2026-03-03")))
            two = try await answer(two, on: "2026-03-13", .notUpheld)
            two = try Self.saved(try await stages.escalate(two, council: council, reason: "The reply did not explain what went wrong",
                                                           seenVersion: two.version, by: resident, notice: nil, at: try Self.at("2026-03-16")))
            two = try Self.saved(try await stages.acknowledge(two, council: council, officerID: officerB, seenVersion: two.version,
                                                              by: .init(id: officerB, name: "Priya Shah"), message: "", notice: nil,
                                                              at: try Self.at("2026-03-17")))
            two = try await answer(two, on: "2026-03-30", .partlyUpheld)
            let stored = try #require(try await ComplaintRepository(database: database).find(caseID: two.id))
            #expect(stored.stages.map(\.number) == [1, 2] && stored.stages[1].requestedOn == Self.date("2026-03-16"))

            // A duplicate of Two, received Wed 4 Mar and merged: not counted (unanswered, it would be overdue since Wed 25 Mar).
            let duplicate = try await Self.complaint(database, at: "2026-03-04")
            guard case .saved(let merged) = try await CaseProgress(database: database, bankHolidays: holidays)
                .apply(.markDuplicate, to: duplicate, council: council, seenVersion: duplicate.version, by: actor, message: "",
                       at: try Self.at("2026-03-05")) else {
                Issue.record("the duplicate could not be marked")
                return
            }
            #expect(merged.status == .duplicate)

            // Received Tue 7 Apr 2026, after the year: not counted.
            _ = try await Self.complaint(database, at: "2026-04-07")

            // Compliments: two about missed bins and one about the compliment service itself in the year; a duplicate and one
            // after the year are not counted.
            func compliment(_ iso: String) async throws -> Case {
                try unwrap(try await sendDemoForm(database, code: "compliment", answers: ["what": ["Sam on the phone was brilliant"]],
                                                  at: try Self.at(iso)), "the compliment")
            }
            for day in ["2026-03-09", "2026-03-10"] {
                try await subjects.set(serviceID: missedBin.id, caseID: try await compliment(day).id)
            }
            _ = try await compliment("2026-03-11")
            let doubled = try await compliment("2026-03-11")
            guard case .saved = try await CaseProgress(database: database, bankHolidays: holidays)
                .apply(.markDuplicate, to: doubled, council: council, seenVersion: doubled.version, by: actor, message: "",
                       at: try Self.at("2026-03-12")) else {
                Issue.record("the duplicate compliment could not be marked")
                return
            }
            _ = try await compliment("2026-04-01")

            let calendar = try await CouncilCalendarRepository(database: database, shipped: holidays).rules(for: council).deadlines.calendar
            let report = try await ComplaintReportRepository(database: database)
                .report(councilID: council.id, period: year.period, calendar: calendar, today: today)

            #expect(report.received == 2)
            // One each, so by name: Two under the complaints service; One under the service it was about.
            #expect(report.byService.map(\.serviceName) == ["Make a complaint", "Report a missed bin collection"])
            #expect(report.byService.map(\.received) == [1, 1])
            #expect(report.byService.map(\.escalated) == [1, 0])
            #expect(report.byService.map { [$0.outcomes.upheld, $0.outcomes.partlyUpheld, $0.outcomes.notUpheld] } == [[0, 1, 1], [1, 0, 0]])
            #expect(report.byStage.map(\.number) == [1, 2])
            #expect(report.byStage.map(\.answered) == [2, 1])
            // Nothing else due: the duplicate's overdue stage 1 is left out with it; the April complaint is due after today.
            #expect(report.byStage.map(\.due) == [2, 1])
            #expect(report.byStage.map(\.answeredOnTime) == [2, 1])
            #expect(report.byStage.map(\.averageWorkingDays) == [9, 10])
            // Both closed at their last answer: One at stage 1, Two at stage 2.
            #expect(report.figures.closed == 2 && report.figures.resolvedAtStageOne == 1)
            #expect(report.compliments == [.init(serviceName: "Report a missed bin collection", count: 2),
                                           .init(serviceName: "Pay us a compliment", count: 1)])
            #expect(report.comments.isEmpty)

            // The next year has only the April complaint (not yet due) and the April compliment.
            let next = try await ComplaintReportRepository(database: database)
                .report(councilID: council.id, period: FinancialYear(startYear: 2026).period, calendar: calendar, today: today)
            #expect(next.received == 1 && next.byService.map(\.serviceName) == ["Make a complaint"])
            #expect(next.byStage.isEmpty)
            #expect(next.compliments == [.init(serviceName: "Pay us a compliment", count: 1)])
        }
    }
}
