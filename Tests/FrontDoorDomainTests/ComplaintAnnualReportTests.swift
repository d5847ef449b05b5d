import FrontDoorDomain
import Testing

@Suite("Financial year: 1 April to 31 March, written as GOV.UK writes it")
struct FinancialYearTests {
    static func date(_ text: String) -> LocalDate { LocalDate(text)! }

    @Test("A date in January to March belongs to the year that started the April before; April onwards, to its own")
    func containing() {
        #expect(FinancialYear(containing: Self.date("2027-03-31")).startYear == 2026)
        #expect(FinancialYear(containing: Self.date("2027-01-01")).startYear == 2026)
        #expect(FinancialYear(containing: Self.date("2026-03-31")).startYear == 2025)
        #expect(FinancialYear(containing: Self.date("2026-04-01")).startYear == 2026)
        #expect(FinancialYear(containing: Self.date("2026-12-31")).startYear == 2026)
        #expect(FinancialYear(containing: Self.date("2026-04-01")) == FinancialYear(startYear: 2026))
    }

    @Test("Its period runs from 1 April to the following 31 March, both included")
    func period() {
        let year = FinancialYear(startYear: 2026)
        #expect(year.period.lowerBound == Self.date("2026-04-01"))
        #expect(year.period.upperBound == Self.date("2027-03-31"))
        #expect(year.period.contains(Self.date("2027-03-31")))
        #expect(!year.period.contains(Self.date("2026-03-31")))
        #expect(!year.period.contains(Self.date("2027-04-01")))
        // A leap year's February is inside it too: the year 2027 to 2028 ends on 31 March 2028 all the same.
        #expect(FinancialYear(startYear: 2027).period.upperBound == Self.date("2028-03-31"))
        #expect(FinancialYear(startYear: 2027).period.contains(Self.date("2028-02-29")))
    }

    @Test("Described as \"2026 to 2027\", and ordered by the year it starts")
    func descriptionAndOrder() {
        #expect(FinancialYear(startYear: 2026).description == "2026 to 2027")
        #expect("\(FinancialYear(containing: Self.date("2026-02-10")))" == "2025 to 2026")
        #expect(FinancialYear(startYear: 2025) < FinancialYear(startYear: 2026))
        #expect(!(FinancialYear(startYear: 2026) < FinancialYear(startYear: 2026)))
        #expect([FinancialYear(startYear: 2027), FinancialYear(startYear: 2025)].sorted().map(\.startYear) == [2025, 2027])
    }
}

/// The annual complaints report for the financial year 2026 to 2027 from a small set of
/// complaints whose every date was worked out by hand on an English council's calendar. The
/// bank holidays that matter: Good Friday 3 and Easter Monday 6 April 2026, the Early May bank
/// holiday Monday 4 May and the Spring bank holiday Monday 25 May 2026.
@Suite("Annual complaints report: by service, by stage, compliments and comments")
struct ComplaintAnnualReportTests {
    typealias Entry = ComplaintAnnualReport.Entry
    typealias Complaint = ComplaintFigures.Complaint

    /// Upheld, partly upheld and not upheld (`OutcomeCounts` has no public initialiser to compare with).
    static func outcomes(_ counts: ComplaintAnnualReport.OutcomeCounts) -> [Int] {
        [counts.upheld, counts.partlyUpheld, counts.notUpheld]
    }

    static func date(_ text: String) -> LocalDate { LocalDate(text)! }

    static func calendar() throws -> WorkingDayCalendar {
        .council(nation: .englandAndWales, bankHolidays: try ShippedBankHolidays.load())
    }

    static let year = FinancialYear(startYear: 2026)
    /// The report is drawn up after the year has ended.
    static let today = date("2027-04-20")

    static func answer(_ on: String, _ outcome: ComplaintStage.Outcome) -> ComplaintStage.Response {
        .init(respondedOn: date(on), outcome: outcome, remedies: [.apology], rootCause: "Missed collection", text: "Sorry")
    }

    static func stage(_ number: Int, requested: String, acknowledged: String? = nil, answered: (String, ComplaintStage.Outcome)? = nil) -> ComplaintStage {
        ComplaintStage(number: number, requestedOn: date(requested), acknowledgedOn: acknowledged.map(date),
                       response: answered.map { answer($0.0, $0.1) })
    }

    static func entry(_ service: String, received: String, _ stages: [ComplaintStage], closed: String? = nil,
                      type: ComplaintType = .corporate, policy: ComplaintPolicy? = nil) -> Entry {
        Entry(serviceName: service, receivedOn: date(received),
              complaint: Complaint(type: type, policy: policy, stages: stages, closedOn: closed.map(date)))
    }

    /// Each complaint, with the reasoning for where it counts.
    static let entries: [(label: String, entry: Entry)] = [
        // Received Tue 31 Mar 2026, the last day of the year before: not received in this one.
        // Acknowledged Wed 1 Apr: Thu 2 = 1, Fri 3 and Mon 6 out, 7–10 = 2–5, 13–17 = 6–10: due Fri 17 Apr; answered Tue 14: on time.
        // Working days after 31 Mar up to 14 Apr: 1, 2, 7, 8, 9, 10, 13, 14 = 8.
        ("A: received the year before, answered in this one", entry("Waste", received: "2026-03-31", [
            stage(1, requested: "2026-03-31", acknowledged: "2026-04-01", answered: ("2026-04-14", .upheld))], closed: "2026-04-14")),
        // Received Wed 1 Apr 2026, the first day of the year. Stage 1 due Fri 17 Apr (as A); answered Mon 20: a day late.
        // Working days after 1 Apr up to 20 Apr: 2, 7–10, 13–17, 20 = 11.
        // Escalated Tue 21 Apr; acknowledged Wed 22: 23, 24, 27–30 = 1–6, 1 May = 7, Mon 4 May out, 5–8 = 8–11, 11–15 = 12–16,
        // 18–21 = 17–20: due Thu 21 May; answered Wed 20 May: on time. Working days after 21 Apr up to 20 May:
        // 22–24 = 3, 27–30 = 7, 1 May = 8, 5–8 = 12, 11–15 = 17, 18–20 = 20.
        ("B: received on 1 April, stage 1 late, escalated and answered at stage 2 on time", entry("Waste", received: "2026-04-01", [
            stage(1, requested: "2026-04-01", acknowledged: "2026-04-01", answered: ("2026-04-20", .notUpheld)),
            stage(2, requested: "2026-04-21", acknowledged: "2026-04-22", answered: ("2026-05-20", .partlyUpheld))], closed: "2026-05-20")),
        // Acknowledged Tue 19 May: 20–22 = 1–3, Mon 25 out, 26–29 = 4–7, 1–3 Jun = 8–10: due Wed 3 Jun; answered that day.
        // Working days after 18 May up to 3 Jun: 19–22 = 4, 26–29 = 8, 1–3 Jun = 11.
        ("C: answered on its due date across the Spring bank holiday", entry("Parking", received: "2026-05-18", [
            stage(1, requested: "2026-05-18", acknowledged: "2026-05-19", answered: ("2026-06-03", .upheld))], closed: "2026-06-03")),
        // Never acknowledged: acknowledge by 2–5, 8 Jun = Mon 8 Jun; respond by 9–12, 15–19, 22 = Mon 22 Jun; unanswered on 20 Apr 2027.
        ("D: unanswered and overdue since 22 June", entry("Parking", received: "2026-06-01", [
            stage(1, requested: "2026-06-01")])),
        // Acknowledged Mon 1 Mar 2027: 2–5, 8–12, 15 = 1–10: due Mon 15 Mar; answered Fri 12: on time.
        // Working days after 1 Mar up to 12 Mar: 2–5 = 4, 8–12 = 9.
        ("F: received and answered in March 2027", entry("Housing", received: "2027-03-01", [
            stage(1, requested: "2027-03-01", acknowledged: "2027-03-01", answered: ("2027-03-12", .notUpheld))], closed: "2027-03-12")),
        // Received Thu 1 Apr 2027, the year after: acknowledge by 2, 5–8 Apr = Thu 8 Apr (Easter was 26 and 29 March);
        // respond by 9, 12–16, 19–22 = Thu 22 Apr, after today. Nothing of it counts, so its service is left out.
        ("E: received the year after", entry("Libraries", received: "2027-04-01", [
            stage(1, requested: "2027-04-01")])),
        // Stage 1 answered Fri 13 Mar 2026 and escalated Mon 16 Mar 2026, both the year before: not escalated in this year.
        // Stage 2 acknowledged Tue 17 Mar: 18–20 = 3, 23–27 = 8, 30, 31 = 10, 1, 2 Apr = 12, 3 and 6 out, 7–10 = 16, 13–16 = 20:
        // due Thu 16 Apr; answered Fri 10 Apr: on time. Working days after 16 Mar up to 10 Apr: 17–20 = 4, 23–27 = 9, 30, 31 = 11,
        // 1, 2 Apr = 13, 7–10 = 17.
        ("G: escalated the year before, stage 2 answered in this one", entry("Waste", received: "2026-03-02", [
            stage(1, requested: "2026-03-02", acknowledged: "2026-03-03", answered: ("2026-03-13", .upheld)),
            stage(2, requested: "2026-03-16", acknowledged: "2026-03-17", answered: ("2026-04-10", .upheld))], closed: "2026-04-10")),
    ]

    static func report(_ entries: [Entry], compliments: [ComplaintAnnualReport.Count] = [], comments: [ComplaintAnnualReport.Count] = [],
                       policies: (ComplaintType) -> ComplaintPolicy = ComplaintPolicy.standard(for:),
                       period: ClosedRange<LocalDate> = year.period, today: LocalDate = today) throws -> ComplaintAnnualReport {
        ComplaintAnnualReport(entries, compliments: compliments, comments: comments, policies: policies, calendar: try calendar(),
                              period: period, today: today)
    }

    @Test("The year 2026 to 2027, worked out by hand")
    func year2026() throws {
        let report = try Self.report(Self.entries.map(\.entry))
        #expect(report.period == Self.date("2026-04-01")...Self.date("2027-03-31"))
        // Received in the year: B (1 Apr), C, D and F; not A (31 Mar 2026), G (2 Mar 2026) or E (1 Apr 2027).
        #expect(report.received == 4)
        // Parking C, D = 2; Housing F = 1; Waste B = 1 (Housing before Waste by name); Libraries (E) had nothing in the year.
        #expect(report.byService.map(\.serviceName) == ["Parking", "Housing", "Waste"])
        #expect(report.byService.map(\.received) == [2, 1, 1])
        // Responses sent in the year: Parking C upheld; Housing F not upheld;
        // Waste A upheld, B stage 1 not upheld, B stage 2 partly upheld, G stage 2 upheld (G's stage 1 was in March 2026).
        #expect(report.byService.map { Self.outcomes($0.outcomes) } == [[1, 0, 0], [0, 0, 1], [2, 1, 1]])
        // Only B went to stage 2 in the year (21 Apr 2026); G went on 16 Mar 2026.
        #expect(report.byService.map(\.escalated) == [0, 0, 1])

        #expect(report.byStage.map(\.number) == [1, 2])
        // Stage 1 answered in the year: A, B, C, F. Due: those four and D (overdue since 22 Jun). On time: A, C, F.
        #expect(report.byStage.map(\.answered) == [4, 2])
        #expect(report.byStage.map(\.due) == [5, 2])
        #expect(report.byStage.map(\.answeredOnTime) == [3, 2])
        #expect(report.byStage.map(\.onTimePercentage) == [60, 100])
        // Stage 1: (A 8 + B 11 + C 11 + F 9) / 4 = 39 / 4 = 9.75. Stage 2: (B 20 + G 17) / 2 = 18.5.
        #expect(report.byStage.map(\.averageWorkingDays) == [9.75, 18.5])
        // Stage 1: A and C upheld, B and F not. Stage 2: G upheld, B partly.
        #expect(report.byStage.map { Self.outcomes($0.outcomes) } == [[2, 0, 2], [1, 1, 0]])
        // Closed in the year: A, B, C, F, G; at stage 1: A, C, F.
        #expect(report.figures.closed == 5 && report.figures.resolvedAtStageOne == 3)
    }

    @Test("Each stage's due and on-time counts are the dashboard's, from ComplaintFigures")
    func matchesFigures() throws {
        let entries = Self.entries.map(\.entry)
        let report = try Self.report(entries)
        let figures = ComplaintFigures(entries.map(\.complaint), policies: ComplaintPolicy.standard(for:), calendar: try Self.calendar(),
                                       period: Self.year.period, today: Self.today)
        #expect(report.figures == figures)
        #expect(report.byStage.map(\.number) == figures.stages.map(\.number))
        #expect(report.byStage.map(\.due) == figures.stages.map(\.due))
        #expect(report.byStage.map(\.answeredOnTime) == figures.stages.map(\.answeredOnTime))
    }

    @Test("A complaint counts as received only in the year it was received, whatever happened to it after")
    func receivedOnlyInPeriod() throws {
        // A (31 Mar 2026) and E (1 Apr 2027) bracket the year; B (1 Apr 2026) is its first day.
        let a = Self.entries[0].entry, b = Self.entries[1].entry, e = Self.entries[5].entry
        #expect(try Self.report([a]).received == 0)
        #expect(try Self.report([e]).received == 0)
        #expect(try Self.report([b]).received == 1)
        // The year before counts A.
        #expect(try Self.report([a, b, e], period: FinancialYear(startYear: 2025).period).received == 1)
    }

    @Test("Services are listed most received first, then by name; a service with nothing in the year is left out")
    func serviceOrder() throws {
        // Each received Mon 1 Jun 2026 and unanswered, not yet due on 2 Jun.
        func received(_ service: String) -> Entry { Self.entry(service, received: "2026-06-01", [Self.stage(1, requested: "2026-06-01")]) }
        let report = try Self.report([received("Waste"), received("Adult care"), received("Parking"), received("Parking"),
                                      received("Housing"), received("Waste"), received("Parking"), Self.entries[5].entry],
                                     today: Self.date("2026-06-02"))
        // Parking 3, Waste 2, then Adult care 1 and Housing 1 by name; Libraries (received 2027) 0 and left out.
        #expect(report.byService.map(\.serviceName) == ["Parking", "Waste", "Adult care", "Housing"])
        #expect(report.byService.map(\.received) == [3, 2, 1, 1])
        #expect(report.received == 7)
        #expect(report.byStage.isEmpty, "nothing answered, nothing overdue")
    }

    @Test("An outcome counts in the year of the response, not the year the complaint was received")
    func outcomeInPeriodOfResponse() throws {
        // A: received 31 Mar 2026, answered 14 Apr 2026.
        let a = Self.entries[0].entry
        let thisYear = try Self.report([a])
        #expect(thisYear.byService.map(\.serviceName) == ["Waste"], "kept for its outcome though received the year before")
        #expect(thisYear.byService.first?.received == 0)
        #expect(thisYear.byService.first.map { Self.outcomes($0.outcomes) } == [1, 0, 0])
        #expect(thisYear.byStage.map(\.answered) == [1])
        let yearBefore = try Self.report([a], period: FinancialYear(startYear: 2025).period)
        #expect(yearBefore.byService.map(\.received) == [1])
        #expect(yearBefore.byService.first.map { Self.outcomes($0.outcomes) } == [0, 0, 0])
        #expect(yearBefore.byStage.isEmpty)
    }

    @Test("A complaint is escalated in the year its stage 2 was asked for")
    func escalatedByStageTwoRequest() throws {
        // G went to stage 2 on 16 Mar 2026; B on 21 Apr 2026. Escalated on 31 Mar 2027 and 1 Apr 2027 (unanswered, not yet due on 2 Apr 2027).
        let onLastDay = Self.entry("Waste", received: "2027-03-01", [
            Self.stage(1, requested: "2027-03-01", acknowledged: "2027-03-01", answered: ("2027-03-12", .notUpheld)),
            Self.stage(2, requested: "2027-03-31")])
        let dayAfter = Self.entry("Waste", received: "2027-03-02", [
            Self.stage(1, requested: "2027-03-02", acknowledged: "2027-03-02", answered: ("2027-03-12", .notUpheld)),
            Self.stage(2, requested: "2027-04-01")])
        let report = try Self.report([Self.entries[1].entry, Self.entries[6].entry, onLastDay, dayAfter], today: Self.date("2027-04-02"))
        // B and the one escalated on 31 March 2027.
        #expect(report.byService.first?.escalated == 2)
        #expect(try Self.report([Self.entries[6].entry], period: FinancialYear(startYear: 2025).period).byService.first?.escalated == 1)
    }

    @Test("The average is of working days from the day after the request to the response, across weekends and bank holidays")
    func averageWorkingDays() throws {
        // A: 31 Mar to 14 Apr 2026 is 14 calendar days, but after 31 Mar only 1, 2, 7, 8, 9, 10, 13 and 14 Apr are worked
        // (Good Friday, Easter Monday and two weekends are not): 8.
        let a = try Self.report([Self.entries[0].entry])
        #expect(a.byStage.first?.averageWorkingDays == 8)
        // C: 18 May to 3 Jun 2026 across the Spring bank holiday: 19–22, 26–29 May, 1–3 Jun = 11.
        let c = try Self.report([Self.entries[2].entry])
        #expect(c.byStage.first?.averageWorkingDays == 11)
        // Both: (8 + 11) / 2.
        let both = try Self.report([Self.entries[0].entry, Self.entries[2].entry])
        #expect(both.byStage.first?.averageWorkingDays == 9.5)
        // Answered the day after the request (Thu 2 Apr, after Wed 1 Apr): 1. On a Saturday after a Friday request: 0.
        let nextDay = try Self.report([Self.entry("Waste", received: "2026-04-01", [
            Self.stage(1, requested: "2026-04-01", acknowledged: "2026-04-01", answered: ("2026-04-02", .upheld))])])
        #expect(nextDay.byStage.first?.averageWorkingDays == 1)
        let weekend = try Self.report([Self.entry("Waste", received: "2026-04-10", [
            Self.stage(1, requested: "2026-04-10", acknowledged: "2026-04-10", answered: ("2026-04-11", .upheld))])])
        #expect(weekend.byStage.first?.averageWorkingDays == 0)
    }

    @Test("With nothing answered at a stage its average is nil, though an overdue response is still due")
    func averageNilWhenNothingAnswered() throws {
        // D: due Mon 22 Jun 2026, unanswered.
        let report = try Self.report([Self.entries[3].entry])
        #expect(report.byStage.map(\.number) == [1])
        #expect(report.byStage.first?.answered == 0)
        #expect(report.byStage.first?.due == 1 && report.byStage.first?.answeredOnTime == 0)
        #expect(report.byStage.first?.averageWorkingDays == nil)
        #expect(report.byStage.first?.onTimePercentage == 0)
        // B escalated, stage 2 not yet answered or due on 1 May 2026: stage 1 has its average, stage 2 has no row.
        var b = Self.entries[1].entry
        b.complaint.stages[1].response = nil
        let pending = try Self.report([b], today: Self.date("2026-05-01"))
        #expect(pending.byStage.map(\.number) == [1])
        #expect(pending.byStage.first?.averageWorkingDays == 11)
        #expect(try Self.report([]).byStage.isEmpty)
    }

    @Test("A complaint that carries its own policy is timed by it, not by its type's current one")
    func ownPolicy() throws {
        let fifteenDays = ComplaintPolicy(acknowledgementWorkingDays: 5, countsFromAcknowledgement: true, stages: [
            .init(name: "Stage 1", responseWorkingDays: 15, longestExtensionWorkingDays: 5),
            .init(name: "Stage 2", responseWorkingDays: 20, longestExtensionWorkingDays: 20),
        ], differentOfficerEachStage: true)
        // Acknowledged Mon 1 Jun 2026; working days after it: 2–5 = 1–4, 8–12 = 5–9, 15–19 = 10–14, 22 = 15.
        // Answered Fri 19 Jun, the 14th. Under the code (10 days) it was due Mon 15 Jun: late. Under its own 15, due Mon 22 Jun: on time.
        func complaint(_ policy: ComplaintPolicy?) -> Entry {
            Self.entry("Waste", received: "2026-06-01", [
                Self.stage(1, requested: "2026-06-01", acknowledged: "2026-06-01", answered: ("2026-06-19", .upheld))], policy: policy)
        }
        let code: (ComplaintType) -> ComplaintPolicy = { _ in .complaintHandlingCode }
        let own = try Self.report([complaint(fifteenDays)], policies: code)
        #expect(own.byStage.first?.due == 1)
        #expect(own.byStage.first?.answeredOnTime == 1, "on time under its own 15-day policy")
        #expect(own.figures.stages.first?.answeredOnTime == 1)
        let current = try Self.report([complaint(nil)], policies: code)
        #expect(current.byStage.first?.answeredOnTime == 0, "late under the code's 10 days")
        // And the other way about: its own 10-day code is kept though its type's policy now allows 15 days.
        let kept = try Self.report([complaint(.complaintHandlingCode)], policies: { _ in fifteenDays })
        #expect(kept.byStage.first?.answeredOnTime == 0)
    }

    @Test("Compliments and comments are listed as given, without services that had none")
    func complimentsAndComments() throws {
        typealias Count = ComplaintAnnualReport.Count
        let report = try Self.report([], compliments: [Count(serviceName: "Waste", count: 4), Count(serviceName: "Parking", count: 0),
                                                       Count(serviceName: "Libraries", count: 1)],
                                     comments: [Count(serviceName: "Housing", count: 0), Count(serviceName: "Planning", count: 2)])
        #expect(report.compliments == [Count(serviceName: "Waste", count: 4), Count(serviceName: "Libraries", count: 1)])
        #expect(report.comments == [Count(serviceName: "Planning", count: 2)])
        #expect(try Self.report([], comments: [Count(serviceName: "Housing", count: 0)]).comments.isEmpty)
        #expect(report.received == 0 && report.byService.isEmpty && report.byStage.isEmpty)
    }
}
