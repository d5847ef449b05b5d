import FrontDoorDomain
import Testing

/// Complaint figures for June 2026 from a small set of complaints whose every date was worked
/// out by hand on an English council's calendar (the Spring bank holiday was Monday 25 May).
@Suite("Complaint figures: on time at each stage, and resolved at stage 1")
struct ComplaintFiguresTests {
    typealias Complaint = ComplaintFigures.Complaint

    static func date(_ text: String) -> LocalDate { LocalDate(text)! }

    static func calendar() throws -> WorkingDayCalendar {
        .council(nation: .englandAndWales, bankHolidays: try ShippedBankHolidays.load())
    }

    static let june = date("2026-06-01")...date("2026-06-30")
    static let today = date("2026-07-10")

    static func answer(_ on: String) -> ComplaintStage.Response {
        .init(respondedOn: date(on), outcome: .upheld, remedies: [.apology], rootCause: "Missed collection", text: "Sorry")
    }

    static func stage(_ number: Int, requested: String, acknowledged: String? = nil, extendedBy days: Int? = nil, answered: String? = nil) -> ComplaintStage {
        ComplaintStage(number: number, requestedOn: date(requested), acknowledgedOn: acknowledged.map(date),
                       extended: days.map { .init(workingDays: $0, reason: "Site visit", residentToldOn: date(requested)) },
                       response: answered.map(answer))
    }

    /// Each complaint, with the reasoning for where it counts.
    static let complaints: [(label: String, complaint: Complaint)] = [
        // Acknowledged Tue 19 May: 20–22 = 1–3, 25 out, 26–29 = 4–7, 1–3 Jun = 8–10: due Wed 3 Jun; answered that day.
        ("A: stage 1 answered on its due date, closed", Complaint(type: .corporate, stages: [
            stage(1, requested: "2026-05-18", acknowledged: "2026-05-19", answered: "2026-06-03")], closedOn: date("2026-06-03"))),
        // Stage 1 due Tue 16 Jun, answered Wed 17: a day late. Stage 2 acknowledged Tue 23 Jun: due Tue 21 Jul, after today.
        ("B: stage 1 a day late; stage 2 not yet due", Complaint(type: .corporate, stages: [
            stage(1, requested: "2026-06-01", acknowledged: "2026-06-02", answered: "2026-06-17"),
            stage(2, requested: "2026-06-22", acknowledged: "2026-06-23")], closedOn: nil)),
        // Never acknowledged: ack by Tue 2 Jun (26–29 May, 1 Jun, 2 Jun = 1–5), respond by Tue 16 Jun; unanswered on 10 Jul.
        ("C: stage 1 unanswered and overdue since 16 Jun", Complaint(type: .corporate, stages: [
            stage(1, requested: "2026-05-26")], closedOn: nil)),
        // Stage 1 due Wed 27 May, answered Fri 29 May (late, but in May). Stage 2 acknowledged Wed 3 Jun: due Wed 1 Jul; answered 30 Jun.
        ("D: stage 1 in May; stage 2 on time in June, closed at stage 2", Complaint(type: .corporate, stages: [
            stage(1, requested: "2026-05-11", acknowledged: "2026-05-12", answered: "2026-05-29"),
            stage(2, requested: "2026-06-01", acknowledged: "2026-06-03", answered: "2026-06-30")], closedOn: date("2026-06-30"))),
        // Acknowledged Mon 1 Jun: due Mon 15; extended by 5: Mon 22; answered Fri 19.
        ("E: stage 1 late on its original date but on time with its extension, closed", Complaint(type: .corporate, stages: [
            stage(1, requested: "2026-06-01", acknowledged: "2026-06-01", extendedBy: 5, answered: "2026-06-19")], closedOn: date("2026-06-19"))),
        // Due Thu 25 Jun, answered Wed 1 Jul: counts in July, as does its closure.
        ("F: answered and closed in July", Complaint(type: .corporate, stages: [
            stage(1, requested: "2026-06-10", acknowledged: "2026-06-11", answered: "2026-07-01")], closedOn: date("2026-07-01"))),
        // Acknowledged Tue 30 Jun: due Tue 14 Jul, after today.
        ("G: unanswered, not yet due", Complaint(type: .corporate, stages: [
            stage(1, requested: "2026-06-29", acknowledged: "2026-06-30")], closedOn: nil)),
        // Stage 1 answered 1 May. Stage 2 acknowledged Wed 6 May: 7–22 May = 1–12, 25 out, 26 May–4 Jun = 13–20: due Thu 4 Jun; unanswered.
        ("H: stage 2 unanswered and overdue since 4 Jun", Complaint(type: .corporate, stages: [
            stage(1, requested: "2026-04-20", acknowledged: "2026-04-21", answered: "2026-05-01"),
            stage(2, requested: "2026-05-05", acknowledged: "2026-05-06")], closedOn: nil)),
        // Answered 20 May, closed 2 Jun without escalating.
        ("I: answered in May, closed in June at stage 1", Complaint(type: .corporate, stages: [
            stage(1, requested: "2026-05-11", acknowledged: "2026-05-12", answered: "2026-05-20")], closedOn: date("2026-06-02"))),
        // Children's procedure: 10 working days from the request Mon 1 Jun: Mon 15, whatever the acknowledgement; answered 17 Jun.
        // (Under the code, counted from the acknowledgement on Fri 5, it would have been due Fri 19 and on time.)
        ("J: children's stage 1 late, closed", Complaint(type: .childrensSocialCare, stages: [
            stage(1, requested: "2026-06-01", acknowledged: "2026-06-05", answered: "2026-06-17")], closedOn: date("2026-06-17"))),
        // Acknowledged Wed 6 May: due Wed 20 May; unanswered: overdue, but it fell due in May.
        ("L: overdue since May", Complaint(type: .corporate, stages: [
            stage(1, requested: "2026-05-05", acknowledged: "2026-05-06")], closedOn: nil)),
    ]

    @Test("June 2026's figures, worked out by hand")
    func june2026() throws {
        let figures = ComplaintFigures(Self.complaints.map(\.complaint), policies: ComplaintPolicy.standard(for:), calendar: try Self.calendar(),
                                       period: Self.june, today: Self.today)
        // Stage 1: A on time, B late, C overdue (late), E on time (extended), J late; D, F, G, H, I, L left out.
        // Stage 2: D on time, H overdue (late); B's stage 2 not yet due.
        #expect(figures.stages.map(\.number) == [1, 2])
        #expect(figures.stages.map(\.due) == [5, 2])
        #expect(figures.stages.map(\.answeredOnTime) == [2, 1])
        #expect(figures.stages.map(\.onTimePercentage) == [40, 50])
        // Closed in June: A, D, E, I, J (F closed in July); all but D ended at stage 1.
        #expect(figures.closed == 5)
        #expect(figures.resolvedAtStageOne == 4)
        #expect(figures.resolvedAtStageOnePercentage == 80)
    }

    @Test("Each complaint's type chooses its policy")
    func policyPerType() throws {
        // Everything under the code instead: J counts from its acknowledgement (due Fri 19 Jun), so it is on time.
        let figures = ComplaintFigures(Self.complaints.map(\.complaint), policies: { _ in .complaintHandlingCode }, calendar: try Self.calendar(),
                                       period: Self.june, today: Self.today)
        #expect(figures.stages.map(\.answeredOnTime) == [3, 1])
    }

    @Test("An unanswered stage counts only once its due date has passed, and then as late")
    func unansweredCountsWhenOverdue() throws {
        let c = Self.complaints[2].complaint   // due Tue 16 Jun, unanswered
        let calendar = try Self.calendar()
        let onDueDate = ComplaintFigures([c], policies: ComplaintPolicy.standard(for:), calendar: calendar, period: Self.june, today: Self.date("2026-06-16"))
        #expect(onDueDate.stages.isEmpty)
        let dayAfter = ComplaintFigures([c], policies: ComplaintPolicy.standard(for:), calendar: calendar, period: Self.june, today: Self.date("2026-06-17"))
        #expect(dayAfter.stages.map(\.due) == [1] && dayAfter.stages.map(\.answeredOnTime) == [0])
        #expect(dayAfter.stages.first?.onTimePercentage == 0)
    }

    @Test("With nothing due or closed in the period there are no percentages, not 0% or 100%")
    func nothingDue() throws {
        let figures = ComplaintFigures(Self.complaints.map(\.complaint), policies: ComplaintPolicy.standard(for:), calendar: try Self.calendar(),
                                       period: Self.date("2025-01-01")...Self.date("2025-12-31"), today: Self.today)
        #expect(figures.stages.isEmpty)
        #expect(figures.closed == 0 && figures.resolvedAtStageOne == 0)
        #expect(figures.resolvedAtStageOnePercentage == nil)
        let none = ComplaintFigures([], policies: ComplaintPolicy.standard(for:), calendar: try Self.calendar(), period: Self.june, today: Self.today)
        #expect(none.stages.isEmpty && none.resolvedAtStageOnePercentage == nil)
        #expect(Percentage.of(0, 0) == nil)
        #expect(Percentage.of(0, 4) == 0)
        #expect(Percentage.of(3, 3) == 100)
    }
}

/// Freedom of Information figures for June 2026 from a small set of requests whose every date was
/// worked out by hand on the all-nations calendar (no bank holidays in June; Monday 25 May and
/// Monday 4 May in every nation; Monday 13 July in Northern Ireland).
@Suite("Information request figures: answered within 20 working days")
struct InformationRequestFiguresTests {
    typealias Request = InformationRequestFigures.Request
    typealias Clock = StatutoryRequestClock

    static func date(_ text: String) -> LocalDate { LocalDate(text)! }

    static func calendar() throws -> WorkingDayCalendar {
        .allNations(try ShippedBankHolidays.load())
    }

    static let june = date("2026-06-01")...date("2026-06-30")
    static let today = date("2026-07-10")

    static func foi(_ received: String, _ kind: InformationRequestKind = .freedomOfInformation, clarifications: [Clock.Clarification] = [],
                    fees: [Clock.FeesNotice] = [], extended: Clock.Extension? = nil, answered: String? = nil) -> Request {
        Request(clock: Clock(kind: kind, receivedOn: date(received), clarifications: clarifications, feesNotices: fees, extended: extended),
                answeredOn: answered.map(date))
    }

    static let requests: [(label: String, request: Request)] = [
        // 6–8 May = 1–3, 11–22 = 4–13, 25 out, 26–29 = 14–17, 1–3 Jun = 18–20: due Wed 3 Jun.
        ("R1: answered on its twentieth working day", foi("2026-05-05", answered: "2026-06-03")),
        // Due Thu 4 Jun, answered Fri 5.
        ("R2: a day late", foi("2026-05-06", answered: "2026-06-05")),
        // 21–22 May = 1–2, 26–29 = 3–6, 1–18 Jun = 7–20: due Thu 18 Jun; unanswered on 10 Jul.
        ("R3: unanswered and overdue", foi("2026-05-20")),
        // Due Tue 21 Jul (13 Jul is a holiday in Northern Ireland).
        ("R4: unanswered, not yet due", foi("2026-06-22")),
        // From receipt it would be due Tue 9 Jun, but the clock is stopped.
        ("R5: waiting for a clarification", foi("2026-05-11", clarifications: [.init(askedOn: date("2026-05-12"))])),
        // Unpaid notice given 27 May: may be paid until 26 Aug; it would otherwise be due Tue 23 Jun.
        ("R7: waiting for a fee", foi("2026-05-26", fees: [.init(givenOn: date("2026-05-27"))])),
        ("R8: a subject access request", foi("2026-05-01", .subjectAccess, answered: "2026-06-20")),
        // 8 May = 1, 11–22 = 2–11, 26–29 = 12–15, 1–5 Jun = 16–20: due Fri 5 Jun; extended to 19 Jun and answered 15 Jun.
        ("R9: answered within its public-interest extension but after the twentieth day",
         foi("2026-05-07", extended: .init(until: date("2026-06-19"), reason: "Public interest test", toldOn: date("2026-06-01")), answered: "2026-06-15")),
        ("R10: answered in July", foi("2026-06-01", answered: "2026-07-01")),
        // Clarified Mon 18 May: 19–22 = 1–4, 26–29 = 5–8, 1–16 Jun = 9–20: due Tue 16 Jun (from receipt it was Tue 2 Jun).
        ("R11: answered on the twentieth day after its clarification",
         foi("2026-05-01", clarifications: [.init(askedOn: date("2026-05-05"), answeredOn: date("2026-05-18"))], answered: "2026-06-16")),
        // 13–15 May = 1–3, 18–22 = 4–8, 26–29 = 9–12, 1–5 Jun = 13–17, 8–10 = 18–20: due Wed 10 Jun.
        ("R12: an EIR request a day early", foi("2026-05-12", .environmentalInformation, answered: "2026-06-09")),
        // 20th day Thu 11 Jun; the notice 20–27 May disregards 20, 21, 22, 26, 27 (25 is a holiday) = 5: due Thu 18 Jun.
        ("R13: answered on the last day its paid fee allowed",
         foi("2026-05-13", fees: [.init(givenOn: date("2026-05-20"), paidOn: date("2026-05-27"))], answered: "2026-06-18")),
        // 21–24 Apr = 1–4, 27 Apr–1 May = 5–9, 4 May out, 5–8 = 10–13, 11–15 = 14–18, 18, 19 = 19, 20: due Tue 19 May.
        ("R14: unanswered, overdue since May", foi("2026-04-20")),
        ("R15: answered in May", foi("2026-05-05", answered: "2026-05-29")),
    ]

    @Test("June 2026's figure, worked out by hand")
    func june2026() throws {
        let figures = InformationRequestFigures(Self.requests.map(\.request), calendar: try Self.calendar(), period: Self.june, today: Self.today)
        // Counted: R1, R11, R12, R13 within; R2, R3, R9 not. Left out: R4, R5, R7, R8, R10, R14, R15.
        #expect(figures.due == 7)
        #expect(figures.answeredWithinTwentyWorkingDays == 4)
        let percentage = try #require(figures.withinTwentyWorkingDaysPercentage)
        #expect(abs(percentage - 400.0 / 7.0) < 1e-9)
    }

    @Test("An unanswered request counts once its twentieth working day has passed")
    func unansweredCountsWhenOverdue() throws {
        let r3 = Self.requests[2].request   // due Thu 18 Jun
        let calendar = try Self.calendar()
        #expect(InformationRequestFigures([r3], calendar: calendar, period: Self.june, today: Self.date("2026-06-18")).due == 0)
        let dayAfter = InformationRequestFigures([r3], calendar: calendar, period: Self.june, today: Self.date("2026-06-19"))
        #expect(dayAfter.due == 1 && dayAfter.answeredWithinTwentyWorkingDays == 0 && dayAfter.withinTwentyWorkingDaysPercentage == 0)
    }

    @Test("A request lapsed for an unpaid fee owes nothing and is left out; answered anyway, it counts")
    func lapsed() throws {
        let calendar = try Self.calendar()
        // Fee notice given 27 May 2026, unpaid: lapsed from 27 Aug. Its twentieth working day would have been Tue 23 Jun.
        let lapsed = Self.foi("2026-05-26", fees: [.init(givenOn: Self.date("2026-05-27"))])
        guard case .lapsed = lapsed.clock.state(on: Self.date("2026-09-01"), calendar: calendar) else {
            Issue.record("expected the request to have lapsed by 1 Sep")
            return
        }
        let figures = InformationRequestFigures([lapsed], calendar: calendar, period: Self.june, today: Self.date("2026-09-01"))
        #expect(figures.due == 0 && figures.withinTwentyWorkingDaysPercentage == nil)
        let answered = Self.foi("2026-05-26", fees: [.init(givenOn: Self.date("2026-05-27"))], answered: "2026-06-20")
        let counted = InformationRequestFigures([answered], calendar: calendar, period: Self.june, today: Self.date("2026-09-01"))
        #expect(counted.due == 1 && counted.answeredWithinTwentyWorkingDays == 1)
    }

    @Test("Subject access requests are not in the FOI figure; with nothing due there is no percentage")
    func nothingDue() throws {
        let calendar = try Self.calendar()
        let sars = [Self.foi("2026-05-01", .subjectAccess, answered: "2026-06-20"), Self.foi("2026-05-01", .subjectAccess)]
        let figures = InformationRequestFigures(sars, calendar: calendar, period: Self.june, today: Self.today)
        #expect(figures.due == 0 && figures.answeredWithinTwentyWorkingDays == 0)
        #expect(figures.withinTwentyWorkingDaysPercentage == nil)
        #expect(InformationRequestFigures([], calendar: calendar, period: Self.june, today: Self.today).withinTwentyWorkingDaysPercentage == nil)
    }
}
