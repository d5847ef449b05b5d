import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import Testing

/// An information request moved along its legal clock and stored: clarification, fees notice,
/// identity check, extension and response, each checked and saved with the case's move; then
/// what was withheld and the public disclosure log.
///
/// Dates are fixed days in 2026 at noon UK time. The checks against "today" in
/// `InformationRequestProgress` compare with the `at:` given, so a date after it is "in the future".
@Suite("Information requests through their clock: clarification, fees, identity, extension, response and the disclosure log")
struct InformationRequestProgressTests {
    /// 12:00 UK time on a date.
    static func noon(_ iso: String) throws -> Date {
        try #require(LocalDate(iso)).start().addingTimeInterval(12 * 3600)
    }

    static func date(_ iso: String) -> LocalDate { LocalDate(iso)! }

    struct NotSaved: Error, CustomStringConvertible {
        var result: InformationRequestProgress.Result
        var description: String { "not saved: \(result)" }
    }

    static func saved(_ result: InformationRequestProgress.Result) throws -> Case {
        guard case .saved(let item) = result else { throw NotSaved(result: result) }
        return item
    }

    static func refusals(_ result: InformationRequestProgress.Result) -> [FieldProblem] {
        guard case .refused(let problems) = result else { return [] }
        return problems
    }

    static let foiAnswers = ["information": ["How many potholes were repaired in 2025?"], "format": ["email"]]
    static let sarAnswers = ["information": ["Every record you hold about me"]]

    static func foi(_ database: Database, at iso: String) async throws -> Case {
        try unwrap(try await sendDemoForm(database, code: "foi-request", answers: foiAnswers, at: try noon(iso)), "the FOI request")
    }

    static func sar(_ database: Database, at iso: String) async throws -> Case {
        try unwrap(try await sendDemoForm(database, code: "subject-access", answers: sarAnswers, at: try noon(iso)), "the subject access request")
    }

    static func request(_ item: Case, _ database: Database) async throws -> InformationRequestRepository.Request {
        try unwrap(try await InformationRequestRepository(database: database).find(caseID: item.id), "the request")
    }

    static func stored(_ item: Case, _ database: Database) async throws -> Case {
        try unwrap(try await CaseRepository(database: database).find(id: item.id, councilID: item.councilID), "the stored case")
    }

    static let officer = CaseRepository.Actor(id: DemoCouncil.staff[4].id, name: DemoCouncil.staff[4].displayName)
    static let notice = CaseProgress.Notice(link: "https://kingsmere.example/requests")

    // MARK: FOI: clarification, fees notice, extension, response

    @Test("An FOI request: clarified, a fee paid, extended once and answered, each step checked", arguments: TestDatabase.available)
    func freedomOfInformation(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let holidays = try ShippedBankHolidays.load()
            let progress = InformationRequestProgress(database: database, bankHolidays: holidays)
            let council = DemoCouncil.council
            let cases = CaseRepository(database: database)
            let (officer, notice) = (Self.officer, Self.notice)

            // Received Mon 9 Mar 2026: due Thu 9 Apr (every nation's bank holidays: St Patrick's Day, Good Friday, Easter Monday).
            var item = try await Self.foi(database, at: "2026-03-09")
            #expect(item.resolveBy == .date(Self.date("2026-04-09")))
            #expect(Self.refusals(try await progress.respond(item, council: council, response: "  \n", seenVersion: item.version, by: officer,
                                                             notice: nil, at: try Self.noon("2026-03-10")))
                    == [.init(field: "information-response", message: "Enter the response sent to the requester")])

            // Clarification asked Wed 11 Mar: the case waits for the requester; the clock stops, the due date is left as it was.
            #expect(Self.refusals(try await progress.askClarification(item, council: council, question: " ", seenVersion: item.version, by: officer,
                                                                      notice: nil, at: try Self.noon("2026-03-11")))
                    == [.init(field: "clarification-question", message: "Enter what the requester needs to clarify")])
            item = try Self.saved(try await progress.askClarification(item, council: council, question: "Which roads do you mean?",
                                                                      seenVersion: item.version, by: officer, notice: notice, at: try Self.noon("2026-03-11")))
            #expect(item.status == .awaitingCustomer && item.resolveBy == .date(Self.date("2026-04-09")))
            #expect(try await Self.request(item, database).clarifications == [.init(askedOn: Self.date("2026-03-11"))])
            #expect(try await Self.stored(item, database).status == .awaitingCustomer)
            let asked = try await cases.events(caseID: item.id, includingInternal: false)
            #expect(asked.contains { $0.text.contains("Which roads do you mean?") && $0.text.contains("start again from the day we hear from you") })

            // A second question while the first is open is refused, and so are an answer and an extension.
            #expect(Self.refusals(try await progress.askClarification(item, council: council, question: "And which years?", seenVersion: item.version,
                                                                      by: officer, notice: nil, at: try Self.noon("2026-03-12")))
                    == [.init(field: "clarification-question", message: "The request is already waiting for the requester")])
            #expect(Self.refusals(try await progress.respond(item, council: council, response: "Here it is", seenVersion: item.version, by: officer,
                                                             notice: nil, at: try Self.noon("2026-03-12")))
                    == [.init(field: "information-response", message: "Record the requester's clarification before answering")])
            #expect(Self.refusals(try await progress.extend(item, council: council, by: .until(Self.date("2026-04-30")), reason: "Public interest test",
                                                            seenVersion: item.version, by: officer, notice: nil, at: try Self.noon("2026-03-12")))
                    .contains(FieldProblem(field: "extension", message: "The clock is stopped: record the clarification or the fee first")))
            #expect(try await Self.request(item, database).clarifications.count == 1, "nothing more was stored")

            // The answer may not be dated before the question, nor after today (the `at:` given).
            #expect(Self.refusals(try await progress.recordClarification(item, council: council, receivedOn: Self.date("2026-03-10"),
                                                                         seenVersion: item.version, by: officer, notice: nil, at: try Self.noon("2026-03-16")))
                    == [.init(field: "clarified-on", message: "The date must be on or after \(Self.date("2026-03-11").inWords), when it was asked for")])
            #expect(Self.refusals(try await progress.recordClarification(item, council: council, receivedOn: Self.date("2026-03-17"),
                                                                         seenVersion: item.version, by: officer, notice: nil, at: try Self.noon("2026-03-16")))
                    == [.init(field: "clarified-on", message: "The date must be today or in the past")])

            // Clarified Mon 16 Mar: the twenty working days start again from it. Tue 17 (St Patrick's Day) is out;
            // Wed 18 = 1, ... 7–10 Apr after Easter, 13–16 Apr: Thu 16 Apr = 20.
            item = try Self.saved(try await progress.recordClarification(item, council: council, receivedOn: Self.date("2026-03-16"),
                                                                         seenVersion: item.version, by: officer, notice: notice,
                                                                         at: try Self.noon("2026-03-16")))
            #expect(item.status == .inProgress)
            #expect(item.resolveBy == .date(WorkingDayCalendar.allNations(holidays).adding(workingDays: 20, to: Self.date("2026-03-16"))))
            #expect(item.resolveBy == .date(Self.date("2026-04-16")))
            #expect(try await Self.request(item, database).clarifications == [.init(askedOn: Self.date("2026-03-11"), answeredOn: Self.date("2026-03-16"))])
            #expect(try await Self.stored(item, database).resolveBy == .date(Self.date("2026-04-16")))
            #expect(try await cases.events(caseID: item.id, includingInternal: false)
                .contains { $0.text.contains("We will answer it by \(Self.date("2026-04-16").inWords)") })
            #expect(Self.refusals(try await progress.recordClarification(item, council: council, receivedOn: Self.date("2026-03-16"),
                                                                         seenVersion: item.version, by: officer, notice: nil, at: try Self.noon("2026-03-17")))
                    == [.init(field: "clarified-on", message: "No clarification is awaited")])

            // A fees notice for nothing is refused; for £25 on Mon 23 Mar it stops the clock until paid (by Mon 22 Jun).
            #expect(Self.refusals(try await progress.giveFeesNotice(item, council: council, amountPence: 0, seenVersion: item.version, by: officer,
                                                                    notice: nil, at: try Self.noon("2026-03-23")))
                    == [.init(field: "fee-amount", message: "Enter a fee of more than £0")])
            #expect(Self.refusals(try await progress.giveFeesNotice(item, council: council, amountPence: -100, seenVersion: item.version, by: officer,
                                                                    notice: nil, at: try Self.noon("2026-03-23")))
                    == [.init(field: "fee-amount", message: "Enter a fee of more than £0")])
            item = try Self.saved(try await progress.giveFeesNotice(item, council: council, amountPence: 2_500, seenVersion: item.version, by: officer,
                                                                    notice: notice, at: try Self.noon("2026-03-23")))
            #expect(item.status == .awaitingCustomer && item.resolveBy == .date(Self.date("2026-04-16")))
            #expect(try await Self.request(item, database).feesNotices == [.init(givenOn: Self.date("2026-03-23"), amountPence: 2_500)])
            #expect(try await cases.events(caseID: item.id, includingInternal: false)
                .contains { $0.text.contains("£25.00") && $0.text.contains(Self.date("2026-06-22").inWords) })
            #expect(Self.refusals(try await progress.giveFeesNotice(item, council: council, amountPence: 1_000, seenVersion: item.version, by: officer,
                                                                    notice: nil, at: try Self.noon("2026-03-24")))
                    == [.init(field: "fee-amount", message: "The request is already waiting for the requester")])
            #expect(Self.refusals(try await progress.respond(item, council: council, response: "Here it is", seenVersion: item.version, by: officer,
                                                             notice: nil, at: try Self.noon("2026-03-24")))
                    == [.init(field: "information-response", message: "Record the fee as paid before answering")])

            // Paid after the three months (the last day to pay was Mon 22 Jun): refused, the request lapsed. Before the notice: refused.
            #expect(Self.refusals(try await progress.recordFeePaid(item, council: council, paidOn: Self.date("2026-06-23"), seenVersion: item.version,
                                                                   by: officer, notice: nil, at: try Self.noon("2026-06-24")))
                    == [.init(field: "fee-paid-on", message: "The fee was due by \(Self.date("2026-06-22").inWords): the request lapsed, so close it")])
            #expect(Self.refusals(try await progress.recordFeePaid(item, council: council, paidOn: Self.date("2026-03-20"), seenVersion: item.version,
                                                                   by: officer, notice: nil, at: try Self.noon("2026-03-25")))
                    == [.init(field: "fee-paid-on", message: "The date must be on or after \(Self.date("2026-03-23").inWords), when the notice was given")])
            #expect(Self.refusals(try await progress.recordFeePaid(item, council: council, paidOn: Self.date("2026-03-26"), seenVersion: item.version,
                                                                   by: officer, notice: nil, at: try Self.noon("2026-03-25")))
                    == [.init(field: "fee-paid-on", message: "The date must be today or in the past")])

            // Paid Wed 25 Mar: Mon 23, Tue 24, Wed 25 are disregarded (3 working days), so Thu 16 Apr moves on to
            // Fri 17, Mon 20, Tue 21 Apr.
            item = try Self.saved(try await progress.recordFeePaid(item, council: council, paidOn: Self.date("2026-03-25"), seenVersion: item.version,
                                                                   by: officer, notice: notice, at: try Self.noon("2026-03-25")))
            #expect(item.status == .inProgress && item.resolveBy == .date(Self.date("2026-04-21")))
            #expect(try await Self.request(item, database).feesNotices
                    == [.init(givenOn: Self.date("2026-03-23"), paidOn: Self.date("2026-03-25"), amountPence: 2_500)])

            // No identity check for an FOI request.
            #expect(Self.refusals(try await progress.verifyIdentity(item, council: council, verifiedOn: Self.date("2026-03-25"), seenVersion: item.version,
                                                                    by: officer, notice: nil, at: try Self.noon("2026-03-26")))
                    == [.init(field: "identity-checked-on", message: "This request needs no identity check")])

            // Extended on Wed 1 Apr to Thu 30 Apr (within 20 further working days of Tue 21 Apr, which end Wed 20 May).
            item = try Self.saved(try await progress.extend(item, council: council, by: .until(Self.date("2026-04-30")),
                                                            reason: " Public interest test: consulting the police ", seenVersion: item.version,
                                                            by: officer, notice: notice, at: try Self.noon("2026-04-01")))
            #expect(item.status == .inProgress && item.resolveBy == .date(Self.date("2026-04-30")))
            let extended = try await Self.request(item, database)
            #expect(extended.extendedUntil == Self.date("2026-04-30") && extended.extensionToldOn == Self.date("2026-04-01"))
            #expect(extended.extensionReason == "Public interest test: consulting the police" && extended.extendedMonths == nil)
            #expect(try await cases.events(caseID: item.id, includingInternal: false)
                .contains { $0.text.contains("consider the public interest") && $0.text.contains(Self.date("2026-04-30").inWords) })
            // Once only.
            #expect(Self.refusals(try await progress.extend(item, council: council, by: .until(Self.date("2026-05-05")), reason: "More time",
                                                            seenVersion: item.version, by: officer, notice: nil, at: try Self.noon("2026-04-02")))
                    .contains(FieldProblem(field: "extension", message: "This request has been extended already")))
            #expect(try await Self.request(item, database).extendedUntil == Self.date("2026-04-30"))

            // Answered Tue 28 Apr: the case is resolved, with the date and the text kept.
            item = try Self.saved(try await progress.respond(item, council: council, response: "  Here is the information you asked for.\n",
                                                             seenVersion: item.version, by: officer, notice: notice, at: try Self.noon("2026-04-28")))
            #expect(item.status == .resolved)
            let answered = try await Self.request(item, database)
            #expect(answered.answeredOn == Self.date("2026-04-28") && answered.responseText == "Here is the information you asked for.")
            #expect(try await Self.stored(item, database).status == .resolved)
            #expect(Self.refusals(try await progress.respond(item, council: council, response: "Again", seenVersion: item.version, by: officer,
                                                             notice: nil, at: try Self.noon("2026-04-29")))
                    .contains(FieldProblem(field: "request", message: "This request was answered on \(Self.date("2026-04-28").inWords)")))
        }
    }

    // MARK: Subject access: identity, clarification pause, extension by months

    @Test("A subject access request: no fee, the identity check once, a clarification pause and an extension by months",
          arguments: TestDatabase.available)
    func subjectAccess(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let progress = InformationRequestProgress(database: database, bankHolidays: try ShippedBankHolidays.load())
            let council = DemoCouncil.council
            let cases = CaseRepository(database: database)
            let (officer, notice) = (Self.officer, Self.notice)

            // Received Mon 2 Mar 2026: until the identity check, provisionally due a month on, Thu 2 Apr.
            var item = try await Self.sar(database, at: "2026-03-02")
            #expect(item.resolveBy == .date(Self.date("2026-04-02")))
            #expect(Self.refusals(try await progress.giveFeesNotice(item, council: council, amountPence: 1_000, seenVersion: item.version, by: officer,
                                                                    notice: nil, at: try Self.noon("2026-03-03")))
                    == [.init(field: "fee-amount", message: "A subject access request is answered free of charge")])
            #expect(Self.refusals(try await progress.giveFeesNotice(item, council: council, amountPence: 0, seenVersion: item.version, by: officer,
                                                                    notice: nil, at: try Self.noon("2026-03-03")))
                    == [.init(field: "fee-amount", message: "A subject access request is answered free of charge"),
                        .init(field: "fee-amount", message: "Enter a fee of more than £0")])
            #expect(Self.refusals(try await progress.respond(item, council: council, response: "Your records", seenVersion: item.version, by: officer,
                                                             notice: nil, at: try Self.noon("2026-03-03")))
                    == [.init(field: "information-response", message: "Record the identity check before answering")])
            #expect(Self.refusals(try await progress.extend(item, council: council, by: .months(1), reason: "Complex", seenVersion: item.version,
                                                            by: officer, notice: nil, at: try Self.noon("2026-03-03")))
                    == [.init(field: "extension", message: "The clock has not started: record the identity check first")])
            #expect(Self.refusals(try await progress.extend(item, council: council, by: .until(Self.date("2026-05-01")), reason: "Complex",
                                                            seenVersion: item.version, by: officer, notice: nil, at: try Self.noon("2026-03-03")))
                    == [.init(field: "extension", message: "A subject access request is extended by one or two months")])

            // The identity check may not be dated before receipt nor after today.
            #expect(Self.refusals(try await progress.verifyIdentity(item, council: council, verifiedOn: Self.date("2026-03-01"), seenVersion: item.version,
                                                                    by: officer, notice: nil, at: try Self.noon("2026-03-04")))
                    == [.init(field: "identity-checked-on", message: "The date must be on or after \(Self.date("2026-03-02").inWords), when the request arrived")])
            #expect(Self.refusals(try await progress.verifyIdentity(item, council: council, verifiedOn: Self.date("2026-03-05"), seenVersion: item.version,
                                                                    by: officer, notice: nil, at: try Self.noon("2026-03-04")))
                    == [.init(field: "identity-checked-on", message: "The date must be today or in the past")])

            // Checked Wed 4 Mar: a month on is Sat 4 Apr; Easter Monday 6 Apr → Tue 7 Apr.
            item = try Self.saved(try await progress.verifyIdentity(item, council: council, verifiedOn: Self.date("2026-03-04"), seenVersion: item.version,
                                                                    by: officer, notice: notice, at: try Self.noon("2026-03-04")))
            #expect(item.status == .acknowledged && item.resolveBy == .date(Self.date("2026-04-07")))
            #expect(try await Self.request(item, database).identityVerifiedOn == Self.date("2026-03-04"))
            #expect(Self.refusals(try await progress.verifyIdentity(item, council: council, verifiedOn: Self.date("2026-03-05"), seenVersion: item.version,
                                                                    by: officer, notice: nil, at: try Self.noon("2026-03-05")))
                    == [.init(field: "identity-checked-on", message: "The identity check has been recorded already")])

            // Clarification asked Mon 9 Mar: the clock is paused.
            item = try Self.saved(try await progress.askClarification(item, council: council, question: "Which years do you want?",
                                                                      seenVersion: item.version, by: officer, notice: notice, at: try Self.noon("2026-03-09")))
            #expect(item.status == .awaitingCustomer && item.resolveBy == .date(Self.date("2026-04-07")))
            #expect(try await Self.request(item, database).clarifications == [.init(askedOn: Self.date("2026-03-09"))])
            #expect(try await cases.events(caseID: item.id, includingInternal: false)
                .contains { $0.text.contains("Which years do you want?") && $0.text.contains("paused until we hear from you") })
            #expect(Self.refusals(try await progress.askClarification(item, council: council, question: "And which services?", seenVersion: item.version,
                                                                      by: officer, notice: nil, at: try Self.noon("2026-03-10")))
                    == [.init(field: "clarification-question", message: "The request is already waiting for the requester")])
            #expect(Self.refusals(try await progress.respond(item, council: council, response: "Your records", seenVersion: item.version, by: officer,
                                                             notice: nil, at: try Self.noon("2026-03-10")))
                    == [.init(field: "information-response", message: "Record the requester's clarification before answering")])
            #expect(Self.refusals(try await progress.extend(item, council: council, by: .months(1), reason: "Complex", seenVersion: item.version,
                                                            by: officer, notice: nil, at: try Self.noon("2026-03-10")))
                    == [.init(field: "extension", message: "The clock is stopped while the requester clarifies: record their answer first")])

            // Answered Mon 16 Mar: 7 days paused (9 → 16 Mar). 4 Apr + 7 = Sat 11 Apr → Mon 13 Apr.
            item = try Self.saved(try await progress.recordClarification(item, council: council, receivedOn: Self.date("2026-03-16"),
                                                                         seenVersion: item.version, by: officer, notice: notice,
                                                                         at: try Self.noon("2026-03-16")))
            #expect(item.status == .inProgress && item.resolveBy == .date(Self.date("2026-04-13")))
            let clarified = try await Self.request(item, database)
            #expect(clarified.clarifications == [.init(askedOn: Self.date("2026-03-09"), answeredOn: Self.date("2026-03-16"))])
            #expect(clarified.subjectAccessClock?.pausedDays == 7)

            // Extended by two months, told Wed 8 Apr: after the unpaused month (Tue 7 Apr) but within the paused one (Mon 13 Apr).
            // Three months from 4 Mar is 4 Jun; + 7 = Thu 11 Jun.
            #expect(Self.refusals(try await progress.extend(item, council: council, by: .months(3), reason: "Complex", seenVersion: item.version,
                                                            by: officer, notice: nil, at: try Self.noon("2026-04-08")))
                    == [.init(field: "extension", message: "Extend by one or two months")])
            item = try Self.saved(try await progress.extend(item, council: council, by: .months(2), reason: "Records are held in six services",
                                                            seenVersion: item.version, by: officer, notice: notice, at: try Self.noon("2026-04-08")))
            #expect(item.resolveBy == .date(Self.date("2026-06-11")))
            let extended = try await Self.request(item, database)
            #expect(extended.extendedMonths == 2 && extended.extendedUntil == nil && extended.extensionToldOn == Self.date("2026-04-08"))
            #expect(try await cases.events(caseID: item.id, includingInternal: false)
                .contains { $0.text.contains("Records are held in six services") && $0.text.contains(Self.date("2026-06-11").inWords) })
            #expect(Self.refusals(try await progress.extend(item, council: council, by: .months(1), reason: "Still more", seenVersion: item.version,
                                                            by: officer, notice: nil, at: try Self.noon("2026-04-09")))
                    .contains(FieldProblem(field: "extension", message: "This request has been extended already")))

            item = try Self.saved(try await progress.respond(item, council: council, response: "Your records are attached.", seenVersion: item.version,
                                                             by: officer, notice: nil, at: try Self.noon("2026-06-01")))
            #expect(item.status == .resolved)
            #expect(try await Self.request(item, database).answeredOn == Self.date("2026-06-01"))
        }
    }

    // MARK: Stale versions

    @Test("A change against a version someone else has moved on is refused and stores nothing", arguments: TestDatabase.available)
    func staleVersion(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let progress = InformationRequestProgress(database: database, bankHolidays: try ShippedBankHolidays.load())
            let council = DemoCouncil.council
            let original = try await Self.foi(database, at: "2026-03-09")
            // Someone else asks first.
            let moved = try Self.saved(try await progress.askClarification(original, council: council, question: "Which roads?",
                                                                           seenVersion: original.version, by: Self.officer, notice: nil,
                                                                           at: try Self.noon("2026-03-10")))
            #expect(moved.version == original.version + 1)
            // The answer recorded against the old version: refused with the case as it is now and what changed.
            switch try await progress.recordClarification(original, council: council, receivedOn: Self.date("2026-03-11"), seenVersion: original.version,
                                                          by: Self.officer, notice: Self.notice, at: try Self.noon("2026-03-11")) {
            case .changedSince(let current, let events):
                #expect(current.version == moved.version && current.status == .awaitingCustomer)
                #expect(events.contains { $0.text.contains("Which roads?") })
            default:
                Issue.record("a change against an old version was not refused")
            }
            #expect(try await Self.request(original, database).clarifications == [.init(askedOn: Self.date("2026-03-10"))], "the answer was not stored")
            let stored = try await Self.stored(original, database)
            #expect(stored.version == moved.version && stored.status == .awaitingCustomer)

            // An extension made against a version older than the stored one stores nothing either.
            let other = try await Self.foi(database, at: "2026-06-01")
            switch try await progress.extend(other, council: council, by: .until(Self.date("2026-07-10")), reason: "Public interest",
                                             seenVersion: other.version - 1, by: Self.officer, notice: nil, at: try Self.noon("2026-06-02")) {
            case .changedSince(let current, _):
                #expect(current.version == other.version)
            default:
                Issue.record("an extension against an old version was not refused")
            }
            let request = try await Self.request(other, database)
            #expect(request.extendedUntil == nil && request.extensionToldOn == nil && request.extensionReason == "")
            let otherStored = try await Self.stored(other, database)
            #expect(otherStored.version == other.version && otherStored.resolveBy == other.resolveBy)
        }
    }

    // MARK: A Scottish council (FOISA)

    /// Sends `code`'s form to `council` as `sendDemoForm` does for the demo council, under `council`'s nation's rules.
    static func send(_ database: Database, council: Council, customerID: UUID, code: String, answers: [String: [String]], at now: Date) async throws -> Case {
        let service = try unwrap(try await ServiceRepository(database: database).find(code: ServiceCode(code)!, councilID: council.id), "the \(code) service")
        let form = try unwrap(try await ServiceFormRepository(database: database).latest(of: service.id), "the \(code) form")
        let drafts = FormDraftRepository(database: database)
        let draft = try await drafts.start(councilID: council.id, serviceID: service.id, formVersion: form.version,
                                           filler: .resident(customerID: customerID), channel: .online, at: now)
        try await drafts.saveAnswers(FormSubmission(answers), draftID: draft.id, at: now)
        let saved = try unwrap(try await drafts.find(id: draft.id), "the draft")
        let rules = CaseRules.council(nation: council.nation, bankHolidays: try ShippedBankHolidays.load(), closures: [], settings: .standard).intake
        let made = try await drafts.submit(saved, answers: form.check(saved.answers), asked: FormJourney(form: form, submission: saved.answers).questions,
                                           at: now, then: { submitted, db in
            try await CaseRepository.open(for: submitted, form: form, service: service, rules: rules, customerName: "Morag Campbell",
                                          submittedByName: nil, on: db)
        })
        return try unwrap(made?.1, "the \(code) case")
    }

    /// A Scottish council with the demo catalogue, its FOI service under FOISA and its enquiries treated as EIR requests.
    static func scottishCouncil(_ database: Database) async throws -> (Council, customerID: UUID) {
        let council = try makeCouncil(slug: "glenmoray", name: "Glenmoray Council", nation: .scotland)
        try await CouncilRepository(database: database).create(council)
        let transfer = CatalogueTransfer(database: database)
        _ = try await transfer.importCatalogue(try await transfer.export(councilID: DemoCouncil.council.id), councilID: council.id, at: try noon("2026-01-05"))
        let services = ServiceRepository(database: database)
        let processes = ServiceProcessRepository(database: database)
        for (code, process) in [("foi-request", CaseProcess.freedomOfInformation), ("general-enquiry", .environmentalInformation)] {
            let service = try unwrap(try await services.find(code: ServiceCode(code)!, councilID: council.id), code)
            try await processes.set(process, serviceID: service.id, councilID: council.id)
        }
        let customer = makeCustomer(council: council, name: "Morag Campbell", email: "morag@example.com")
        try await CustomerRepository(database: database, hasher: PasswordHasher(cost: 4)).create(customer, passwordHash: nil)
        return (council, customer.id)
    }

    @Test("A Scottish council: FOI counted on Scotland's days and never extended; EIR extended to the fortieth working day",
          arguments: TestDatabase.available)
    func scotland(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let progress = InformationRequestProgress(database: database, bankHolidays: try ShippedBankHolidays.load())
            let (council, customerID) = try await Self.scottishCouncil(database)
            #expect(try await CouncilRepository(database: database).find(id: council.id)?.nation == .scotland)
            let officer = CaseRepository.Actor(id: nil, name: "Iain Ross")

            // FOI received Fri 6 Mar 2026. Scotland's working days only (FOISA s.73): 9–13 Mar = 1–5 (St Patrick's Day counts),
            // 16–20 = 6–10, 23–27 = 11–15, 30 Mar–2 Apr = 16–19, Good Friday out, Mon 6 Apr (Easter Monday, not a Scottish
            // holiday) = 20. Every nation's days would give Wed 8 Apr.
            let foi = try await Self.send(database, council: council, customerID: customerID, code: "foi-request", answers: Self.foiAnswers,
                                          at: try Self.noon("2026-03-06"))
            #expect(foi.resolveBy == .date(Self.date("2026-04-06")))
            let foisa = FieldProblem(field: "extension",
                                     message: "The Freedom of Information (Scotland) Act has no extension for considering the public interest: answer within 20 working days")
            #expect(Self.refusals(try await progress.extend(foi, council: council, by: .until(Self.date("2026-04-10")), reason: "Public interest test",
                                                            seenVersion: foi.version, by: officer, notice: nil, at: try Self.noon("2026-03-16")))
                    == [foisa])
            #expect(Self.refusals(try await progress.extend(foi, council: council, by: .until(Self.date("2026-04-07")), reason: "Public interest test",
                                                            seenVersion: foi.version, by: officer, notice: nil, at: try Self.noon("2026-04-06")))
                    == [foisa])
            let foiRequest = try await Self.request(foi, database)
            #expect(foiRequest.extendedUntil == nil && foiRequest.extensionToldOn == nil)
            #expect(try await Self.stored(foi, database).resolveBy == .date(Self.date("2026-04-06")))

            // EIR received Mon 1 Jun 2026: twentieth working day Mon 29 Jun; fortieth Mon 27 Jul on Scotland's days
            // (Mon 13 Jul, Northern Ireland's holiday, counts in Scotland).
            var eir = try await Self.send(database, council: council, customerID: customerID, code: "general-enquiry",
                                          answers: ["question": ["What is the air quality on the High Street?"], "reply-by": ["email"]],
                                          at: try Self.noon("2026-06-01"))
            #expect(try await Self.request(eir, database).kind == .environmentalInformation)
            #expect(eir.resolveBy == .date(Self.date("2026-06-29")))
            #expect(Self.refusals(try await progress.extend(eir, council: council, by: .until(Self.date("2026-07-28")), reason: "Complex and voluminous",
                                                            seenVersion: eir.version, by: officer, notice: nil, at: try Self.noon("2026-06-15")))
                    == [.init(field: "extension", message: "The new date must be after 2026-06-29 and no later than 2026-07-27 (the fortieth working day)")])
            eir = try Self.saved(try await progress.extend(eir, council: council, by: .until(Self.date("2026-07-27")), reason: "Complex and voluminous",
                                                           seenVersion: eir.version, by: officer, notice: nil, at: try Self.noon("2026-06-15")))
            #expect(eir.resolveBy == .date(Self.date("2026-07-27")))
            #expect(try await Self.request(eir, database).extendedUntil == Self.date("2026-07-27"))

            // Answered and published: on this council's log only.
            eir = try Self.saved(try await progress.respond(eir, council: council, response: "The readings are attached.", seenVersion: eir.version,
                                                            by: officer, notice: nil, at: try Self.noon("2026-07-20")))
            let log = DisclosureLogRepository(database: database)
            try await log.publish(caseID: eir.id, request: "Air quality on the High Street", response: "The readings are attached.",
                                  at: try Self.noon("2026-07-21"))
            #expect(try await log.published(councilID: council.id).map(\.reference) == [eir.reference])
            let demoLog = try await log.published(councilID: DemoCouncil.council.id)
            #expect(!demoLog.contains { $0.reference == eir.reference })
        }
    }

    // MARK: Withheld items

    @Test("Withheld items are added trimmed, listed by description, and removed only from their own case", arguments: TestDatabase.available)
    func withheldItems(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let withheld = WithheldItemRepository(database: database)
            let first = try await Self.foi(database, at: "2026-03-02")
            let second = try await Self.foi(database, at: "2026-03-03")
            let s40 = try #require(Exemption.find("s40(2)"))
            let s43 = try #require(Exemption.find("s43(2)"))
            #expect(try await withheld.all(caseID: first.id).isEmpty)

            let names = try await withheld.add(WithheldItem(description: "  Names of the contractor's staff\n", exemption: s40), caseID: first.id)
            let prices = try await withheld.add(WithheldItem(description: "Contract prices", exemption: s43,
                                                             publicInterestTest: " Disclosure would harm the next tender. "), caseID: first.id)
            let elsewhere = try await withheld.add(WithheldItem(description: "Home addresses", exemption: s40), caseID: second.id)
            #expect(names.item == WithheldItem(description: "Names of the contractor's staff", exemption: s40))
            #expect(prices.item.publicInterestTest == "Disclosure would harm the next tender.")

            // By description: "Contract prices" before "Names …".
            #expect(try await withheld.all(caseID: first.id) == [prices, names])
            #expect(try await withheld.all(caseID: second.id) == [elsewhere])

            // Another case's item is not this case's to remove.
            #expect(try await withheld.remove(id: elsewhere.id, caseID: first.id) == false)
            #expect(try await withheld.all(caseID: second.id) == [elsewhere])
            #expect(try await withheld.remove(id: UUID(), caseID: first.id) == false)
            #expect(try await withheld.remove(id: prices.id, caseID: first.id))
            #expect(try await withheld.all(caseID: first.id) == [names])
            #expect(try await withheld.remove(id: prices.id, caseID: first.id) == false, "already removed")
        }
    }

    // MARK: The disclosure log

    @Test("The disclosure log: answered FOI requests as published, exemptions each once, newest answered first; never a subject access request",
          arguments: TestDatabase.available)
    func disclosureLog(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let progress = InformationRequestProgress(database: database, bankHolidays: try ShippedBankHolidays.load())
            let council = DemoCouncil.council
            let log = DisclosureLogRepository(database: database)
            let withheld = WithheldItemRepository(database: database)
            let officer = Self.officer

            let olderOpened = try await Self.foi(database, at: "2026-03-02")
            let older = try Self.saved(try await progress.respond(olderOpened, council: council, response: "Full answer, names included",
                                                                  seenVersion: olderOpened.version, by: officer, notice: nil,
                                                                  at: try Self.noon("2026-03-20")))
            let newerOpened = try await Self.foi(database, at: "2026-03-09")
            let newer = try Self.saved(try await progress.respond(newerOpened, council: council, response: "Full answer two",
                                                                  seenVersion: newerOpened.version, by: officer, notice: nil,
                                                                  at: try Self.noon("2026-03-25")))
            let unanswered = try await Self.foi(database, at: "2026-03-16")
            var sar = try await Self.sar(database, at: "2026-03-02")
            sar = try Self.saved(try await progress.verifyIdentity(sar, council: council, verifiedOn: Self.date("2026-03-03"), seenVersion: sar.version,
                                                                   by: officer, notice: nil, at: try Self.noon("2026-03-03")))
            sar = try Self.saved(try await progress.respond(sar, council: council, response: "Your records", seenVersion: sar.version, by: officer,
                                                            notice: nil, at: try Self.noon("2026-03-26")))

            let s40 = try #require(Exemption.find("s40(2)"))
            let s43 = try #require(Exemption.find("s43(2)"))
            let s21 = try #require(Exemption.find("s21"))
            _ = try await withheld.add(WithheldItem(description: "Names of the contractor's staff", exemption: s40), caseID: older.id)
            _ = try await withheld.add(WithheldItem(description: "Contract prices", exemption: s43, publicInterestTest: "Harm to the tender"), caseID: older.id)
            _ = try await withheld.add(WithheldItem(description: "Signatures", exemption: s40), caseID: older.id)
            _ = try await withheld.add(WithheldItem(description: "The published plan", exemption: s21), caseID: newer.id)

            try await log.publish(caseID: older.id, request: "Potholes repaired in 2025", response: "Redacted answer one", at: try Self.noon("2026-03-21"))
            try await log.publish(caseID: newer.id, request: "Potholes repaired in 2024", response: "Redacted answer two", at: try Self.noon("2026-03-26"))
            try await log.publish(caseID: unanswered.id, request: "Not yet", response: "Not yet", at: try Self.noon("2026-03-26"))
            try await log.publish(caseID: sar.id, request: "Someone's records", response: "Someone's records", at: try Self.noon("2026-03-27"))

            // The demo council already publishes one request of its own; these tests' requests are picked out by reference.
            let ours = Set([older, newer, unanswered, sar].map(\.reference))
            var shown = try await log.published(councilID: council.id).filter { ours.contains($0.reference) }
            #expect(shown.map(\.reference) == [newer.reference, older.reference], "newest answered first; unanswered and subject access left out")
            let entry = try #require(shown.last)
            #expect(entry.kind == .freedomOfInformation && entry.receivedOn == Self.date("2026-03-02") && entry.answeredOn == Self.date("2026-03-20"))
            #expect(entry.request == "Potholes repaired in 2025" && entry.response == "Redacted answer one")
            #expect(entry.exemptions == [s40, s43], "section 40(2) was cited twice and is listed once")
            let publishedAt = try Self.noon("2026-03-21")
            #expect(entry.publishedAt == publishedAt)
            #expect(shown.first?.exemptions == [s21])

            // Publishing a subject access request changed nothing.
            let sarRequest = try await Self.request(sar, database)
            #expect(sarRequest.disclosurePublishedAt == nil && sarRequest.disclosureRequest == "" && sarRequest.disclosureResponse == "")
            #expect(try await Self.request(unanswered, database).disclosurePublishedAt != nil, "kept, but listed only once answered")

            // Published again: the text is replaced.
            try await log.publish(caseID: older.id, request: "Potholes repaired in 2025 (corrected)", response: "Redacted answer one, corrected",
                                  at: try Self.noon("2026-03-28"))
            shown = try await log.published(councilID: council.id).filter { ours.contains($0.reference) }
            #expect(shown.map(\.reference) == [newer.reference, older.reference])
            #expect(shown.last?.request == "Potholes repaired in 2025 (corrected)" && shown.last?.response == "Redacted answer one, corrected")

            // Taken off the log: no longer listed; the redacted text is kept.
            try await log.unpublish(caseID: newer.id)
            #expect(try await log.published(councilID: council.id).filter { ours.contains($0.reference) }.map(\.reference) == [older.reference])
            let unpublished = try await Self.request(newer, database)
            #expect(unpublished.disclosurePublishedAt == nil && unpublished.disclosureRequest == "Potholes repaired in 2024")

            // Another council's log lists none of these.
            let other = try makeCouncil()
            try await CouncilRepository(database: database).create(other)
            #expect(try await log.published(councilID: other.id).isEmpty)
            #expect(try await log.published(councilID: council.id, limit: 1).count == 1)
        }
    }
}
