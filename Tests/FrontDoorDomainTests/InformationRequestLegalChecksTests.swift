import FrontDoorDomain
import Testing

/// The information request rules added for the Data (Use and Access) Act 2025 and for Scottish
/// councils, worked out by hand from GOV.UK's bank holiday file:
///
/// - a subject access clock paused (not restarted) while the council waits for the requester to
///   clarify: the calendar days waited are added to the one-month date, which then moves to the
///   next working day of the council's own nation when it is not one;
/// - a Scottish council's FOI request (FOISA 2002) has no public-interest extension, while its
///   EIR requests keep regulation 7's extension to the fortieth working day.
///
/// 2026 bank holidays used below. England and Wales: Fri 3 Apr (Good Friday), Mon 6 Apr (Easter
/// Monday), Mon 4 May, Mon 25 May, Mon 31 Aug, Fri 25 Dec, Mon 28 Dec. Scotland: no Easter
/// Monday; Mon 3 Aug; Mon 30 Nov. Northern Ireland adds Tue 17 Mar and Mon 13 Jul.
@Suite("Information requests: the subject access clarification pause, and FOISA's extensions")
struct InformationRequestLegalChecksTests {
    typealias SAR = SubjectAccessClock
    typealias Clock = StatutoryRequestClock

    static func date(_ text: String) -> LocalDate { LocalDate(text)! }

    static func calendar(_ nation: Nation = .englandAndWales) throws -> WorkingDayCalendar {
        .council(nation: nation, bankHolidays: try ShippedBankHolidays.load())
    }

    // MARK: Subject access: the clock paused for a clarification

    struct PauseVector: Sendable, CustomTestStringConvertible {
        var nation: Nation
        var received: String
        var asked: String
        var answered: String
        var paused: Int
        var due: String
        var working: String

        init(_ nation: Nation, _ received: String, asked: String, answered: String, paused: Int, due: String, _ working: String) {
            (self.nation, self.received, self.asked, self.answered, self.paused, self.due, self.working) =
                (nation, received, asked, answered, paused, due, working)
        }

        /// An English council's request.
        init(_ received: String, asked: String, answered: String, paused: Int, due: String, _ working: String) {
            self.init(.englandAndWales, received, asked: asked, answered: answered, paused: paused, due: due, working)
        }

        var testDescription: String { "\(nation.rawValue) received \(received), asked \(asked), answered \(answered) → \(due) (\(working))" }
    }

    static let pauseVectors: [PauseVector] = [
        .init("2026-03-02", asked: "2026-03-05", answered: "2026-03-12", paused: 7, due: "2026-04-09",
              "Mon 2 Mar → Thu 2 Apr; Thu 5 → Thu 12 Mar is 7 days; 2 Apr + 7 = Thu 9 Apr, after Easter, a working day"),
        .init("2026-03-02", asked: "2026-03-05", answered: "2026-03-06", paused: 1, due: "2026-04-07",
              "2 Apr + 1 = Good Friday 3 Apr; Sat 4, Sun 5, Easter Monday 6 → Tue 7 Apr"),
        .init("2026-03-02", asked: "2026-03-05", answered: "2026-03-09", paused: 4, due: "2026-04-07",
              "2 Apr + 4 = Easter Monday 6 Apr → Tue 7 Apr"),
        .init(.scotland, "2026-03-02", asked: "2026-03-05", answered: "2026-03-09", paused: 4, due: "2026-04-06",
              "Scotland: Easter Monday 6 Apr is a working day, so the answer is due on it"),
        .init("2026-03-02", asked: "2026-03-05", answered: "2026-03-05", paused: 0, due: "2026-04-02",
              "answered the day it was asked: nothing waited, Thu 2 Apr as without a question"),
        .init("2026-01-31", asked: "2026-02-02", answered: "2026-02-05", paused: 3, due: "2026-03-03",
              "31 Jan → 28 Feb (a Saturday, unmoved yet) + 3 = Tue 3 Mar; the days are added before the move to a working day "
                  + "(not Mon 2 Mar + 3 = Thu 5 Mar)"),
        .init("2026-06-01", asked: "2026-06-03", answered: "2026-06-13", paused: 10, due: "2026-07-13",
              "answered on a Saturday: every calendar day counts; 1 Jul + 10 = Sat 11 Jul → Mon 13 Jul"),
        .init(.northernIreland, "2026-06-01", asked: "2026-06-03", answered: "2026-06-13", paused: 10, due: "2026-07-14",
              "Northern Ireland: Sat 11 Jul; Mon 13 Jul is the substitute for the Twelfth (a Sunday) → Tue 14 Jul"),
        .init("2026-11-16", asked: "2026-11-18", answered: "2026-11-27", paused: 9, due: "2026-12-29",
              "16 Dec + 9 = Christmas Day (Fri 25); Sat, Sun, Mon 28 (Boxing Day's substitute) → Tue 29 Dec"),
        .init("2026-06-15", asked: "2026-06-15", answered: "2026-06-22", paused: 7, due: "2026-07-22",
              "asked on the day of receipt: 15 Jul + 7 = Wed 22 Jul"),
    ]

    @Test("The calendar days waited for a clarification are added to the one-month date", arguments: pauseVectors)
    func pause(_ vector: PauseVector) throws {
        let clock = SAR(receivedOn: Self.date(vector.received), identityCheckNeeded: false,
                        clarifications: [.init(askedOn: Self.date(vector.asked), answeredOn: Self.date(vector.answered))])
        #expect(clock.startsOn == Self.date(vector.received), "a pause does not restart the clock")
        #expect(clock.pausedDays == vector.paused)
        let due = Self.date(vector.due)
        #expect(clock.state(calendar: try Self.calendar(vector.nation)) == .running(due: due, original: due))
    }

    @Test("Two answered clarifications: their days are summed")
    func twoClarifications() throws {
        // Received Mon 2 Mar 2026. Thu 5 → Thu 12 Mar is 7 days; Mon 16 → Fri 20 Mar is 4: 11 in all.
        // 2 Apr + 11 = Mon 13 Apr (Easter Monday was the 6th): a working day.
        let clock = SAR(receivedOn: Self.date("2026-03-02"), identityCheckNeeded: false, clarifications: [
            .init(askedOn: Self.date("2026-03-05"), answeredOn: Self.date("2026-03-12")),
            .init(askedOn: Self.date("2026-03-16"), answeredOn: Self.date("2026-03-20")),
        ])
        #expect(clock.pausedDays == 11)
        #expect(clock.state(calendar: try Self.calendar()) == .running(due: Self.date("2026-04-13"), original: Self.date("2026-04-13")))
    }

    @Test("An unanswered clarification stops the clock: the state says since when, however long it waits")
    func awaitingClarification() throws {
        let calendar = try Self.calendar()
        let waiting = SAR(receivedOn: Self.date("2026-03-02"), identityCheckNeeded: false,
                          clarifications: [.init(askedOn: Self.date("2026-03-05"))])
        #expect(waiting.state(calendar: calendar) == .awaitingClarification(since: Self.date("2026-03-05")))
        #expect(waiting.pausedDays == 0, "an open question adds nothing until it is answered")

        // The first answered (7 days), a second asked Mon 16 Mar and not yet answered: waiting since the second.
        let again = SAR(receivedOn: Self.date("2026-03-02"), identityCheckNeeded: false, clarifications: [
            .init(askedOn: Self.date("2026-03-05"), answeredOn: Self.date("2026-03-12")),
            .init(askedOn: Self.date("2026-03-16")),
        ])
        #expect(again.state(calendar: calendar) == .awaitingClarification(since: Self.date("2026-03-16")))
        #expect(again.pausedDays == 7)
    }

    @Test("A question asked while the identity check waited counts only from the day the clock started")
    func askedBeforeIdentity() throws {
        let calendar = try Self.calendar()
        // Received Mon 2 Mar, asked Thu 5 Mar, identity checked Tue 10 Mar, answered Thu 12 Mar: only 10 → 12 Mar, 2 days,
        // stopped a running clock. 10 Apr (Fri) + 2 = Sun 12 Apr → Mon 13 Apr.
        let overlapping = SAR(receivedOn: Self.date("2026-03-02"), identityCheckNeeded: true, identityVerifiedOn: Self.date("2026-03-10"),
                              clarifications: [.init(askedOn: Self.date("2026-03-05"), answeredOn: Self.date("2026-03-12"))])
        #expect(overlapping.startsOn == Self.date("2026-03-10"))
        #expect(overlapping.pausedDays == 2)
        #expect(overlapping.state(calendar: calendar) == .running(due: Self.date("2026-04-13"), original: Self.date("2026-04-13")))

        // Asked Tue 3 and answered Fri 6 Mar, both before the check on Tue 10 Mar: nothing stopped; 10 Apr, a Friday.
        let before = SAR(receivedOn: Self.date("2026-03-02"), identityCheckNeeded: true, identityVerifiedOn: Self.date("2026-03-10"),
                         clarifications: [.init(askedOn: Self.date("2026-03-03"), answeredOn: Self.date("2026-03-06"))])
        #expect(before.pausedDays == 0)
        #expect(before.state(calendar: calendar) == .running(due: Self.date("2026-04-10"), original: Self.date("2026-04-10")))

        // Identity still unchecked: the clock has not started, so it waits for that first, and no days are counted.
        let unchecked = SAR(receivedOn: Self.date("2026-03-02"), identityCheckNeeded: true,
                            clarifications: [.init(askedOn: Self.date("2026-03-05"), answeredOn: Self.date("2026-03-12")),
                                             .init(askedOn: Self.date("2026-03-16"))])
        #expect(unchecked.pausedDays == 0)
        #expect(unchecked.state(calendar: calendar) == .awaitingIdentity)
    }

    @Test("An extension counts its months from the start and still adds the days paused")
    func extendedWithPause() throws {
        let calendar = try Self.calendar()
        let pause: [Clock.Clarification] = [.init(askedOn: Self.date("2026-03-05"), answeredOn: Self.date("2026-03-12"))]
        // Received Mon 2 Mar, 7 days paused. Two further months: 2 Jun + 7 = Tue 9 Jun; the original stays Thu 9 Apr.
        let twoMonths = SAR(receivedOn: Self.date("2026-03-02"), identityCheckNeeded: false,
                            extended: .init(months: 2, reason: "Records in several services", toldOn: Self.date("2026-04-01")), clarifications: pause)
        #expect(twoMonths.state(calendar: calendar) == .running(due: Self.date("2026-06-09"), original: Self.date("2026-04-09")))
        // One further month: 2 May + 7 = Sat 9 May → Mon 11 May.
        let oneMonth = SAR(receivedOn: Self.date("2026-03-02"), identityCheckNeeded: false,
                           extended: .init(months: 1, reason: "Records in several services", toldOn: Self.date("2026-04-01")), clarifications: pause)
        #expect(oneMonth.state(calendar: calendar) == .running(due: Self.date("2026-05-11"), original: Self.date("2026-04-09")))
    }

    @Test("The requester may be told of an extension until the paused first month ends")
    func extensionNoticeWithPause() throws {
        let calendar = try Self.calendar()
        // Without the pause the first month would end Thu 2 Apr; with 7 days paused it ends Thu 9 Apr.
        let clock = SAR(receivedOn: Self.date("2026-03-02"), identityCheckNeeded: false,
                        clarifications: [.init(askedOn: Self.date("2026-03-05"), answeredOn: Self.date("2026-03-12"))])
        #expect(clock.problems(with: .init(months: 2, reason: "Complex request", toldOn: Self.date("2026-04-08")), calendar: calendar).isEmpty,
                "told after 2 Apr but within the paused month")
        #expect(clock.problems(with: .init(months: 2, reason: "Complex request", toldOn: Self.date("2026-04-09")), calendar: calendar).isEmpty,
                "told on its last day")
        #expect(clock.problems(with: .init(months: 2, reason: "Complex request", toldOn: Self.date("2026-04-10")), calendar: calendar)
            == ["The requester must be told by 2026-04-09, within the first month"])
    }

    static let stopped = "The clock is stopped while the requester clarifies: record their answer first"

    @Test("No extension while a clarification is awaited; the other problems are still named")
    func extensionWhileAwaitingClarification() throws {
        let calendar = try Self.calendar()
        let waiting = SAR(receivedOn: Self.date("2026-03-02"), identityCheckNeeded: false,
                          clarifications: [.init(askedOn: Self.date("2026-03-05"))])
        #expect(waiting.problems(with: .init(months: 1, reason: "Complex request", toldOn: Self.date("2026-03-06")), calendar: calendar)
            == [Self.stopped])
        #expect(waiting.problems(with: .init(months: 3, reason: " ", toldOn: Self.date("2026-03-06")), calendar: calendar)
            == ["Extend by one or two months", "Enter the reason for the extension", Self.stopped])
        // Once answered, the same extension is accepted.
        var answered = waiting
        answered.clarifications[0].answeredOn = Self.date("2026-03-12")
        #expect(answered.problems(with: .init(months: 1, reason: "Complex request", toldOn: Self.date("2026-03-13")), calendar: calendar).isEmpty)
        // Identity unchecked and a question open: it is the identity check that is missing first.
        let both = SAR(receivedOn: Self.date("2026-03-02"), identityCheckNeeded: true, clarifications: [.init(askedOn: Self.date("2026-03-05"))])
        #expect(both.problems(with: .init(months: 1, reason: "Complex request", toldOn: Self.date("2026-03-06")), calendar: calendar)
            == ["The clock has not started: record the identity check first"])
    }

    // MARK: FOISA: no public-interest extension for a Scottish council's FOI request

    static let foisa = "The Freedom of Information (Scotland) Act has no extension for considering the public interest: answer within 20 working days"

    struct FOISAVector: Sendable, CustomTestStringConvertible {
        var until: String
        var reason: String
        var toldOn: String
        var why: String

        init(until: String, reason: String = "Public interest test: consulting the police", toldOn: String, _ why: String) {
            (self.until, self.reason, self.toldOn, self.why) = (until, reason, toldOn, why)
        }

        var testDescription: String { "FOI under FOISA until \(until), told \(toldOn) (\(why))" }
    }

    /// Received Mon 1 Jun 2026 on Scotland's calendar: the twentieth working day is Mon 29 Jun.
    static let foisaVectors: [FOISAVector] = [
        .init(until: "2026-06-30", toldOn: "2026-06-15", "one working day more, told early: everything else in order"),
        .init(until: "2026-07-27", toldOn: "2026-06-29", "the furthest an English council could go, told on the twentieth day"),
        .init(until: "2026-06-29", toldOn: "2026-06-15", "not after the statutory date"),
        .init(until: "2026-09-01", reason: "", toldOn: "2026-07-01", "everything wrong at once: still the one reason"),
    ]

    @Test("A Scottish council's FOI request may not be extended, whatever the date, reason or notice", arguments: foisaVectors)
    func foisaRefusesFOIExtension(_ vector: FOISAVector) throws {
        let scotland = try Self.calendar(.scotland)
        let clock = Clock(kind: .freedomOfInformation, receivedOn: Self.date("2026-06-01"))
        #expect(clock.statutoryDue(calendar: scotland) == Self.date("2026-06-29"))
        let proposed = Clock.Extension(until: Self.date(vector.until), reason: vector.reason, toldOn: Self.date(vector.toldOn))
        #expect(clock.problems(with: proposed, calendar: scotland, underFOISA: true) == [Self.foisa])
        #expect(Self.foisa.contains("Freedom of Information (Scotland) Act"))
    }

    @Test("A Scottish FOI request after a paused clock or a fee is refused an extension too")
    func foisaRefusesAfterPauses() throws {
        let scotland = try Self.calendar(.scotland)
        let clock = Clock(kind: .freedomOfInformation, receivedOn: Self.date("2026-06-01"),
                          clarifications: [.init(askedOn: Self.date("2026-06-02"), answeredOn: Self.date("2026-06-04"))],
                          feesNotices: [.init(givenOn: Self.date("2026-06-08"), paidOn: Self.date("2026-06-09"), amountPence: 1_500)])
        #expect(clock.problems(with: .init(until: Self.date("2026-07-10"), reason: "Public interest", toldOn: Self.date("2026-06-10")),
                               calendar: scotland, underFOISA: true) == [Self.foisa])
    }

    struct EIRVector: Sendable, CustomTestStringConvertible {
        var until: String
        var toldOn: String
        var problems: [String]
        var why: String

        init(until: String, toldOn: String, _ problems: [String], _ why: String) {
            (self.until, self.toldOn, self.problems, self.why) = (until, toldOn, problems, why)
        }

        var testDescription: String { "EIR under FOISA until \(until), told \(toldOn) → \(problems.count) problem(s) (\(why))" }
    }

    static let scottishEIRRange = "The new date must be after 2026-06-29 and no later than 2026-07-27 (the fortieth working day)"

    /// EIR received Mon 1 Jun 2026, on Scotland's calendar: June has no Scottish holiday, so the twentieth working day is
    /// Mon 29 Jun; then 30 Jun = 21, 1–3 Jul = 22–24, 6–10 = 25–29, 13–17 = 30–34 (13 Jul is Northern Ireland's holiday,
    /// not Scotland's), 20–24 = 35–39, Mon 27 Jul = 40. (Every nation's calendar would make it Tue 28 Jul.)
    static let scottishEIRVectors: [EIRVector] = [
        .init(until: "2026-07-27", toldOn: "2026-06-29", [], "the fortieth working day, told on the twentieth"),
        .init(until: "2026-06-30", toldOn: "2026-06-15", [], "one working day more"),
        .init(until: "2026-07-28", toldOn: "2026-06-15", [scottishEIRRange], "the 41st working day in Scotland"),
        .init(until: "2026-06-29", toldOn: "2026-06-15", [scottishEIRRange], "not after the twentieth"),
        .init(until: "2026-07-20", toldOn: "2026-06-30",
              ["The requester must be told of the extension by 2026-06-29, within the first 20 working days"], "told too late"),
    ]

    @Test("A Scottish council's EIR request keeps regulation 7's extension to the fortieth working day", arguments: scottishEIRVectors)
    func foisaKeepsEIRExtension(_ vector: EIRVector) throws {
        let clock = Clock(kind: .environmentalInformation, receivedOn: Self.date("2026-06-01"))
        let proposed = Clock.Extension(until: Self.date(vector.until), reason: "Complex and voluminous: 40 years of records", toldOn: Self.date(vector.toldOn))
        #expect(clock.problems(with: proposed, calendar: try Self.calendar(.scotland), underFOISA: true) == vector.problems)
    }

    @Test("An FOI request not under FOISA is extended as before: up to 20 further working days")
    func foiOutsideScotland() throws {
        // Received Mon 1 Jun 2026 on every nation's calendar: statutory Mon 29 Jun; 20 further working days is Tue 28 Jul
        // (Mon 13 Jul, Northern Ireland's holiday, is not a working day for FOIA).
        let allNations = WorkingDayCalendar.allNations(try ShippedBankHolidays.load())
        let clock = Clock(kind: .freedomOfInformation, receivedOn: Self.date("2026-06-01"))
        let furthest = Clock.Extension(until: Self.date("2026-07-28"), reason: "Public interest test", toldOn: Self.date("2026-06-29"))
        #expect(clock.problems(with: furthest, calendar: allNations).isEmpty, "the default is not under FOISA")
        #expect(clock.problems(with: furthest, calendar: allNations, underFOISA: false).isEmpty)
        #expect(clock.problems(with: .init(until: Self.date("2026-07-29"), reason: "Public interest test", toldOn: Self.date("2026-06-29")),
                               calendar: allNations, underFOISA: false)
            == ["The new date must be after 2026-06-29 and no later than 2026-07-28 (20 further working days)"])
        // A subject access request is never extended to a date, Scottish or not.
        let sar = Clock(kind: .subjectAccess, receivedOn: Self.date("2026-06-01"))
        #expect(sar.problems(with: furthest, calendar: allNations, underFOISA: true) == ["A subject access request is extended by months, not to a date"])
    }

    // MARK: Which councils answer under FOISA

    @Test("Only a Scottish council answers under FOISA, counting Scotland's days; the others count every nation's",
          arguments: Nation.allCases)
    func forCouncil(_ nation: Nation) throws {
        let holidays = try ShippedBankHolidays.load()
        let calendars = StatutoryCalendars.forCouncil(in: nation, bankHolidays: holidays)
        #expect(calendars.underFOISA == (nation == .scotland))
        #expect(calendars.nation == .council(nation: nation, bankHolidays: holidays))
        #expect(calendars.informationRequests == (nation == .scotland ? .council(nation: .scotland, bankHolidays: holidays) : .allNations(holidays)))
        // The council's rules carry the same calendars; its own closure days play no part in a statutory clock.
        let closure = Self.date("2026-12-29")
        let rules = CaseRules.council(nation: nation, bankHolidays: holidays, closures: [closure], settings: .standard)
        #expect(rules.statutoryCalendars == calendars)
        #expect(rules.statutoryCalendars.nation.isWorkingDay(closure) && !rules.deadlines.calendar.isWorkingDay(closure))
    }

    @Test("Calendars made without a nation are not under FOISA")
    func defaultNotUnderFOISA() throws {
        let allNations = WorkingDayCalendar.allNations(try ShippedBankHolidays.load())
        #expect(StatutoryCalendars(informationRequests: allNations, nation: allNations).underFOISA == false)
    }
}
