import Foundation
import FrontDoorDomain
import Testing

@Suite("The working-day calendar and deadline rules")
struct WorkingDayCalendarTests {
    static func date(_ text: String) -> LocalDate { LocalDate(text)! }
    static let ukTime = WorkingDayVectorTests.ukTime

    @Test("Dates step across months, leap days and years, and know their weekends")
    func localDates() {
        #expect(Self.date("2024-02-28").adding(days: 1) == Self.date("2024-02-29"))
        #expect(Self.date("2023-12-31").adding(days: 1) == Self.date("2024-01-01"))
        #expect(Self.date("2024-03-01").adding(days: -1) == Self.date("2024-02-29"))
        #expect(Self.date("2026-11-21").isWeekend && Self.date("2026-11-22").isWeekend && !Self.date("2026-11-23").isWeekend)
        #expect(LocalDate("2023-02-29") == nil && LocalDate("23-1-1") == nil)
        #expect(Self.date("2026-01-01").days(to: Self.date("2027-01-01")) == 365)
        // 23:30 on 31 March 2024 is already 1 April in BST; at UTC it is still 31 March.
        #expect(LocalDate(Date(timeIntervalSince1970: 1_711_927_800)) == Self.date("2024-04-01"))
    }

    @Test("The shipped file covers every nation through 2028, with each nation's own days")
    func shippedFile() throws {
        let holidays = try ShippedBankHolidays.load()
        #expect(holidays.coveredThrough == 2028)
        let scotland = holidays.dates(for: .scotland), england = holidays.dates(for: .englandAndWales), ni = holidays.dates(for: .northernIreland)
        #expect(scotland.contains(Self.date("2025-01-02")) && !england.contains(Self.date("2025-01-02")))
        #expect(ni.contains(Self.date("2025-03-17")) && !england.contains(Self.date("2025-03-17")))
        #expect(ni.contains(Self.date("2025-07-14")), "12 July 2025 was a Saturday: the substitute is Monday 14")
        #expect(england.contains(Self.date("2025-04-21")) && !scotland.contains(Self.date("2025-04-21")), "Easter Monday")
        #expect(holidays.unionOfAllNations.isSuperset(of: scotland.union(england).union(ni)))
    }

    @Test("A file that is not GOV.UK's format, lacks a nation or has a weekend date is refused, saying why")
    func badFiles() {
        func problem(_ json: String) -> String? {
            do { _ = try BankHolidays(govUKJSON: Data(json.utf8)); return nil } catch { return error.description }
        }
        let division = { (name: String, date: String) in #""\#(name)": {"division": "\#(name)", "events": [{"title": "X", "date": "\#(date)"}]}"# }
        #expect(problem("[1, 2]")?.contains("not in GOV.UK's bank-holidays format") == true)
        #expect(problem("{" + division("england-and-wales", "2026-12-25") + "," + division("scotland", "2026-12-25") + "}")
            == "the file has no northern-ireland holidays")
        #expect(problem("{" + ["england-and-wales", "scotland", "northern-ireland"].map { division($0, $0 == "scotland" ? "2026-11-28" : "2026-12-25") }
            .joined(separator: ",") + "}") == "scotland: 2026-11-28 (X) falls at a weekend")
        #expect(problem("{" + ["england-and-wales", "scotland", "northern-ireland"].map { division($0, "2026-13-01") }.joined(separator: ",") + "}")?
            .contains("is not a date") == true)
    }

    @Test("A council's closure days are not working days either")
    func closures() throws {
        let holidays = try ShippedBankHolidays.load()
        let shutdown: Set<LocalDate> = [Self.date("2026-12-29"), Self.date("2026-12-30"), Self.date("2026-12-31")]
        let rules = DeadlineRules(calendar: .council(nation: .englandAndWales, bankHolidays: holidays, closures: shutdown))
        let received = Self.ukTime("2026-12-24 10:00")
        // Thu 24: day 1 would be Tue 29, but 25, 28 (Boxing Day substitute), 29–31 and 1 January are all closed.
        #expect(rules.dueDate(workingDays: 1, receivedAt: received, now: received) == Self.date("2027-01-04"))
    }

    @Test("While the council waits for the customer the clock stops; an extension adds its days")
    func pausesAndExtensions() throws {
        let rules = DeadlineRules(calendar: .council(nation: .englandAndWales, bankHolidays: try ShippedBankHolidays.load()))
        let received = Self.ukTime("2026-11-02 10:00")   // Monday
        #expect(rules.dueDate(workingDays: 5, receivedAt: received, now: received) == Self.date("2026-11-09"))
        // Asked Tuesday 10:00, answered Thursday 10:00: Tuesday and Wednesday do not count.
        let pause = DeadlineRules.Pause(from: Self.ukTime("2026-11-03 10:00"), until: Self.ukTime("2026-11-05 10:00"))
        #expect(rules.pausedWorkingDays(pause, now: received) == 2)
        #expect(rules.dueDate(workingDays: 5, receivedAt: received, pauses: [pause], now: received) == Self.date("2026-11-11"))
        // Still waiting: the deadline moves on with every working day that passes.
        let waiting = DeadlineRules.Pause(from: Self.ukTime("2026-11-03 10:00"), until: nil)
        #expect(rules.dueDate(workingDays: 5, receivedAt: received, pauses: [waiting], now: Self.ukTime("2026-11-06 12:00"))
            == Self.date("2026-11-12"))
        // Asked and answered the same day: nothing is lost.
        let sameDay = DeadlineRules.Pause(from: Self.ukTime("2026-11-03 10:00"), until: Self.ukTime("2026-11-03 15:00"))
        #expect(rules.pausedWorkingDays(sameDay, now: received) == 0)
        let extended = rules.dueDate(workingDays: 5, receivedAt: received, extensions: [.init(workingDays: 10, reason: "Site visit needed")],
                                     now: received)
        #expect(extended == Self.date("2026-11-23"))
    }

    @Test("Hours standards count elapsed time, right across a clock change, plus any pause")
    func hours() throws {
        let rules = DeadlineRules(calendar: .council(nation: .englandAndWales, bankHolidays: try ShippedBankHolidays.load()))
        // Saturday 26 October 2024, 22:00 BST; the clocks go back at 02:00 BST on Sunday.
        let received = Self.ukTime("2024-10-26 22:00")
        let due = rules.dueInstant(hours: 4, receivedAt: received, now: received)
        #expect(due.timeIntervalSince(received) == 4 * 3600)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .london
        #expect(calendar.dateComponents([.hour], from: due).hour == 1, "four hours after 22:00 BST is 01:00 GMT")
        let paused = rules.dueInstant(hours: 4, receivedAt: received,
                                      pauses: [.init(from: received.addingTimeInterval(3600), until: received.addingTimeInterval(5400))], now: received)
        #expect(paused.timeIntervalSince(due) == 1800)
    }

    @Test("The cut-off can be set per council")
    func cutOff() throws {
        let rules = DeadlineRules(calendar: .council(nation: .scotland, bankHolidays: try ShippedBankHolidays.load()), cutOffHour: 16, cutOffMinute: 30)
        #expect(rules.effectiveReceiptDay(Self.ukTime("2026-11-25 16:29")) == Self.date("2026-11-25"))
        #expect(rules.effectiveReceiptDay(Self.ukTime("2026-11-25 16:30")) == Self.date("2026-11-26"))
        // Friday 27 after the cut-off: Monday 30 November is St Andrew's Day in Scotland.
        #expect(rules.effectiveReceiptDay(Self.ukTime("2026-11-27 16:45")) == Self.date("2026-12-01"))
    }
}

@Suite("Service standards: on track, due soon, overdue")
struct StandardAssessmentTests {
    static let ukTime = WorkingDayVectorTests.ukTime

    @Test("Working-day deadlines", arguments: [
        ("2026-11-23 09:00", "2026-11-30", StandardState.onTrack),
        ("2026-11-27 09:00", "2026-11-30", .dueSoon),   // Friday: Monday is the next working day
        ("2026-11-30 16:00", "2026-11-30", .dueSoon),   // due today
        ("2026-12-01 08:00", "2026-11-30", .breached),
        ("2026-12-24 10:00", "2026-12-29", .dueSoon),   // 25 and 28 December are bank holidays: the 29th is the next working day
    ])
    func workingDays(now: String, due: String, expected: StandardState) throws {
        let assessment = StandardAssessment(calendar: .council(nation: .englandAndWales, bankHolidays: try ShippedBankHolidays.load()))
        #expect(assessment.state(of: .date(LocalDate(due)!), now: Self.ukTime(now)) == expected)
    }

    @Test("Hours deadlines")
    func hours() throws {
        let assessment = StandardAssessment(calendar: WorkingDayCalendar(bankHolidays: []))
        let due = Self.ukTime("2026-11-23 12:00")
        #expect(assessment.state(of: .instant(due), now: Self.ukTime("2026-11-23 09:00")) == .onTrack)
        #expect(assessment.state(of: .instant(due), now: Self.ukTime("2026-11-23 10:30")) == .dueSoon)
        #expect(assessment.state(of: .instant(due), now: Self.ukTime("2026-11-23 12:01")) == .breached)
    }

    @Test("The horizon covers every deadline that could be due soon")
    func horizon() throws {
        let assessment = StandardAssessment(calendar: .council(nation: .englandAndWales, bankHolidays: try ShippedBankHolidays.load()))
        #expect(assessment.horizon(now: Self.ukTime("2026-11-27 09:00")) == LocalDate("2026-12-01"))
    }
}

@Suite("Service standards: the outcome once resolved")
struct StandardOutcomeTests {
    static let ukTime = WorkingDayVectorTests.ukTime

    @Test("Met on the due date, missed the day after; days taken leave out the clock stops")
    func outcome() throws {
        let rules = DeadlineRules(calendar: .council(nation: .englandAndWales, bankHolidays: try ShippedBankHolidays.load()))
        let assessment = StandardAssessment(calendar: rules.calendar)
        let received = Self.ukTime("2026-11-23 10:00")   // Monday; 5 working days: due Monday 30
        let due = CaseDeadline.date(LocalDate("2026-11-30")!)
        let onTime = assessment.outcome(deadline: due, rules: rules, receivedAt: received, resolvedAt: Self.ukTime("2026-11-30 16:00"), pauses: [])
        #expect(onTime == StandardOutcome(met: true, workingDaysTaken: 5))
        let late = assessment.outcome(deadline: due, rules: rules, receivedAt: received, resolvedAt: Self.ukTime("2026-12-01 09:00"), pauses: [])
        #expect(late == StandardOutcome(met: false, workingDaysTaken: 6))
        let sameDay = assessment.outcome(deadline: due, rules: rules, receivedAt: received, resolvedAt: Self.ukTime("2026-11-23 15:00"), pauses: [])
        #expect(sameDay == StandardOutcome(met: true, workingDaysTaken: 0), "resolved the day it came in")
        let waited = assessment.outcome(deadline: .date(LocalDate("2026-12-02")!), rules: rules, receivedAt: received,
                                        resolvedAt: Self.ukTime("2026-12-02 12:00"),
                                        pauses: [.init(from: Self.ukTime("2026-11-24 10:00"), until: Self.ukTime("2026-11-26 10:00"))])
        #expect(waited == StandardOutcome(met: true, workingDaysTaken: 5), "7 working days, 2 of them waiting for the customer")
    }
}
