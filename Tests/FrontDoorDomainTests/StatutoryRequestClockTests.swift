import FrontDoorDomain
import Testing

/// Freedom of Information and Environmental Information Regulations deadlines, worked out by
/// hand from GOV.UK's bank holiday file: the twentieth working day following receipt, where a
/// working day is any weekday that is not a bank holiday in any part of the UK (FOIA s.10(6)).
@Suite("FOI and EIR: the twentieth working day, clarifications, fees notices and extensions")
struct StatutoryRequestClockTests {
    typealias Clock = StatutoryRequestClock

    static func date(_ text: String) -> LocalDate { LocalDate(text)! }

    static func calendar() throws -> WorkingDayCalendar {
        WorkingDayCalendar.allNations(try ShippedBankHolidays.load())
    }

    // MARK: The twentieth working day

    struct DueVector: Sendable, CustomTestStringConvertible {
        var kind: InformationRequestKind
        var received: String
        var due: String
        var reason: String

        init(_ kind: InformationRequestKind, _ received: String, _ due: String, _ reason: String) {
            (self.kind, self.received, self.due, self.reason) = (kind, received, due, reason)
        }

        var testDescription: String { "\(kind.rawValue) received \(received) → due \(due) (\(reason))" }
    }

    static let dueVectors: [DueVector] = [
        .init(.freedomOfInformation, "2026-06-01", "2026-06-29",
              "Mon; the day of receipt is not counted: Tue 2 Jun is day 1; no holidays in June; 4 whole weeks end Mon 29"),
        .init(.freedomOfInformation, "2025-12-19", "2026-01-22",
              "Fri; 22–24 Dec = 1–3; 25, 26 Dec out; 29–31 Dec = 4–6 (a council's Christmas shutdown still counts); "
                  + "1 Jan out and 2 Jan (Scotland) out; 5–9 Jan = 7–11, 12–16 = 12–16, 19–22 = 17–20"),
        .init(.freedomOfInformation, "2026-12-18", "2027-01-21",
              "Fri; 21–24 Dec = 1–4; Fri 25 and Boxing Day substitute Mon 28 out; 29–31 = 5–7; Fri 1 Jan out, "
                  + "Mon 4 Jan (Scotland's 2nd January substitute) out; 5–8 = 8–11, 11–15 = 12–16, 18–21 = 17–20"),
        .init(.freedomOfInformation, "2025-12-31", "2026-01-30",
              "Wed; Thu 1 Jan and Fri 2 Jan (Scotland) out; 5 Jan = 1; four weeks on, Fri 30 Jan = 20 "
                  + "(England and Wales alone would give Thu 29)"),
        .init(.freedomOfInformation, "2026-12-31", "2027-02-01",
              "Thu; Fri 1 Jan, Mon 4 Jan (Scotland) out; Tue 5 Jan = 1; Fri 29 Jan = 19; Mon 1 Feb = 20"),
        .init(.freedomOfInformation, "2026-03-27", "2026-04-28",
              "Fri before Easter; 30 Mar–2 Apr = 1–4; Good Friday 3 Apr and Easter Monday 6 Apr out "
                  + "(Easter Monday is not a Scottish holiday but the union has it); 7–10 = 5–8, 13–17 = 9–13, 20–24 = 14–18, 27 = 19, 28 = 20"),
        .init(.freedomOfInformation, "2026-03-06", "2026-04-08",
              "Fri; 9–13 Mar = 1–5; 16 = 6; St Patrick's Day Tue 17 Mar (Northern Ireland) out; 18–20 = 7–9; 23–27 = 10–14; "
                  + "30 Mar–2 Apr = 15–18; 3, 6 Apr out; 7 = 19, 8 = 20"),
        .init(.freedomOfInformation, "2026-03-07", "2026-04-08",
              "Saturday receipt: counting starts with the next working day, Mon 9 Mar, as for the Friday before"),
        .init(.freedomOfInformation, "2026-03-08", "2026-04-08", "Sunday receipt: the same as Saturday"),
        .init(.freedomOfInformation, "2026-04-03", "2026-05-05",
              "received on Good Friday; Easter Monday 6 Apr out; Tue 7 Apr = 1; 7–10 = 1–4, 13–17 = 5–9, 20–24 = 10–14, "
                  + "27 Apr–1 May = 15–19; Early May bank holiday Mon 4 out; Tue 5 = 20"),
        .init(.freedomOfInformation, "2026-04-06", "2026-05-05",
              "received on Easter Monday: day 1 is Tue 7 Apr, the same as receipt on Good Friday"),
        .init(.freedomOfInformation, "2026-04-04", "2026-05-05", "received Easter Saturday: also day 1 Tue 7 Apr"),
        .init(.freedomOfInformation, "2025-12-25", "2026-01-27",
              "received on Christmas Day; Boxing Day out; 29–31 Dec = 1–3; 1, 2 Jan out; 5–9 = 4–8, 12–16 = 9–13, 19–23 = 14–18, 26 = 19, 27 = 20"),
        .init(.freedomOfInformation, "2027-06-25", "2027-07-26",
              "Fri; 28 Jun–2 Jul = 1–5, 5–9 = 6–10; Mon 12 Jul 2027 (Northern Ireland) out; 13–16 = 11–14, 19–23 = 15–19, Mon 26 = 20"),
        .init(.freedomOfInformation, "2026-06-19", "2026-07-20",
              "Fri; 12 Jul 2026 is a Sunday: Northern Ireland's substitute Mon 13 Jul out; 22 Jun–17 Jul = 20 working days less that Monday; Mon 20 = 20"),
        .init(.freedomOfInformation, "2026-11-06", "2026-12-07",
              "Fri; 9–13 = 1–5, 16–20 = 6–10, 23–27 = 11–15; St Andrew's Day Mon 30 Nov (Scotland) out; 1–4 Dec = 16–19; Mon 7 = 20"),
        .init(.freedomOfInformation, "2026-11-27", "2026-12-30",
              "Fri; Mon 30 Nov (Scotland) out; 1–4 Dec = 1–4, 7–11 = 5–9, 14–18 = 10–14, 21–24 = 15–18; 25, 28 out; 29 = 19, 30 = 20"),
        .init(.freedomOfInformation, "2027-11-26", "2027-12-29",
              "Fri; St Andrew's Day Tue 30 Nov 2027 out; 29 Nov = 1; 1–3 Dec = 2–4; ... 20–24 Dec = 15–19; "
                  + "Christmas substitute Mon 27 and Boxing Day substitute Tue 28 out; Wed 29 = 20"),
        .init(.freedomOfInformation, "2026-07-31", "2026-09-01",
              "Fri; Scotland's summer holiday Mon 3 Aug and England's Mon 31 Aug both out; 4 Aug = 1 ... 28 Aug = 19; Tue 1 Sep = 20 "
                  + "(England and Wales alone would give Fri 28 Aug)"),
        .init(.environmentalInformation, "2026-06-01", "2026-06-29", "EIR counts the same 20 working days (reg 5(2))"),
        .init(.environmentalInformation, "2026-11-06", "2026-12-07", "EIR too skips Scotland's St Andrew's Day"),
    ]

    @Test("Each vector's twentieth working day, and the clock runs to it", arguments: dueVectors)
    func dueVector(_ vector: DueVector) throws {
        let calendar = try Self.calendar()
        let clock = Clock(kind: vector.kind, receivedOn: Self.date(vector.received))
        #expect(clock.statutoryDue(calendar: calendar) == Self.date(vector.due))
        #expect(clock.state(on: Self.date(vector.received), calendar: calendar)
            == .running(due: Self.date(vector.due), statutory: Self.date(vector.due)))
    }

    @Test("Working days are those of every UK nation together; a council's own closure days still count")
    func allNationsCalendar() throws {
        let holidays = try ShippedBankHolidays.load()
        let union = WorkingDayCalendar.allNations(holidays)
        let clock = Clock(kind: .freedomOfInformation, receivedOn: Self.date("2025-12-19"))
        // England and Wales alone would make it Wednesday 21 January: Scotland's 2 January is not a working day either.
        #expect(clock.statutoryDue(calendar: .council(nation: .englandAndWales, bankHolidays: holidays)) == Self.date("2026-01-21"))
        #expect(clock.statutoryDue(calendar: union) == Self.date("2026-01-22"))
        // The calendar the rule uses holds exactly the bank holidays: a shutdown between Christmas and New Year is not in it.
        #expect(union.nonWorkingDays == holidays.unionOfAllNations)
        for day in ["2025-12-29", "2025-12-30", "2025-12-31"] { #expect(union.isWorkingDay(Self.date(day))) }
        for day in ["2026-03-17", "2026-07-13", "2026-11-30", "2026-01-02", "2026-08-03", "2026-08-31", "2026-04-06"] {
            #expect(!union.isWorkingDay(Self.date(day)), "\(day) is a bank holiday in some part of the UK")
        }
    }

    // MARK: Clarification

    @Test("While a clarification is unanswered the clock is stopped, however long it waits")
    func awaitingClarification() throws {
        let calendar = try Self.calendar()
        let clock = Clock(kind: .freedomOfInformation, receivedOn: Self.date("2026-02-02"),
                          clarifications: [.init(askedOn: Self.date("2026-02-04"))])
        #expect(clock.state(on: Self.date("2026-02-05"), calendar: calendar) == .awaitingClarification(since: Self.date("2026-02-04")))
        // Long after the 20 working days from receipt (Mon 2 Mar) it is still waiting, not overdue.
        #expect(clock.state(on: Self.date("2026-06-01"), calendar: calendar) == .awaitingClarification(since: Self.date("2026-02-04")))
    }

    struct ClarificationVector: Sendable, CustomTestStringConvertible {
        var received: String
        var clarifications: [(asked: String, answered: String?)]
        var expected: String
        var reason: String

        init(_ received: String, _ clarifications: [(asked: String, answered: String?)], _ expected: String, _ reason: String) {
            (self.received, self.clarifications, self.expected, self.reason) = (received, clarifications, expected, reason)
        }

        var testDescription: String { "received \(received) → \(expected) (\(reason))" }
    }

    static let clarificationVectors: [ClarificationVector] = [
        .init("2026-02-02", [("2026-02-04", "2026-02-10")], "due 2026-03-10",
              "answered Tue 10 Feb counts as receipt: 11–13 Feb = 1–3, ... 4 weeks on Tue 10 Mar = 20 (from receipt it would have been Mon 2 Mar)"),
        .init("2026-03-09", [("2026-03-10", "2026-03-14")], "due 2026-04-15",
              "answered on Saturday 14 Mar: Mon 16 = 1; Tue 17 (St Patrick's) out; 18–20 = 2–4, 23–27 = 5–9, 30 Mar–2 Apr = 10–13; "
                  + "3, 6 Apr out; 7–10 = 14–17; 13–15 = 18–20"),
        .init("2026-03-09", [("2026-03-10", "2026-03-16")], "due 2026-04-16",
              "answered Mon 16 Mar: Tue 17 out; Wed 18 = 1; ... Thu 16 Apr = 20"),
        .init("2026-12-14", [("2026-12-15", "2026-12-28")], "due 2027-01-27",
              "answered on the Boxing Day substitute (Mon 28 Dec): 29–31 = 1–3; 1, 4 Jan out; 5–8 = 4–7, 11–15 = 8–12, 18–22 = 13–17, 25–27 = 18–20"),
        .init("2026-02-02", [("2026-02-04", "2026-02-10"), ("2026-02-12", nil)], "awaiting since 2026-02-12",
              "a second question, unanswered: waiting again"),
        .init("2026-02-02", [("2026-02-04", "2026-02-10"), ("2026-02-12", "2026-02-16")], "due 2026-03-16",
              "the last answer, Mon 16 Feb, counts as receipt: 17–20 Feb = 1–4, ... Mon 16 Mar = 20 (17 Mar is St Patrick's Day, after it)"),
    ]

    @Test("A clarification's arrival counts as the date of receipt", arguments: clarificationVectors)
    func clarification(_ vector: ClarificationVector) throws {
        let calendar = try Self.calendar()
        let clock = Clock(kind: .freedomOfInformation, receivedOn: Self.date(vector.received),
                          clarifications: vector.clarifications.map { .init(askedOn: Self.date($0.asked), answeredOn: $0.answered.map(Self.date)) })
        let state = clock.state(on: Self.date("2026-12-31"), calendar: calendar)
        let parts = vector.expected.split(separator: " ")
        if parts[0] == "due" {
            let due = Self.date(String(parts[1]))
            #expect(state == .running(due: due, statutory: due))
            #expect(clock.statutoryDue(calendar: calendar) == due)
        } else {
            #expect(state == .awaitingClarification(since: Self.date(String(parts[2]))))
        }
    }

    // MARK: Fees notices

    struct PaidFeeVector: Sendable, CustomTestStringConvertible {
        var received: String
        var notices: [(given: String, paid: String)]
        var due: String
        var reason: String

        init(_ received: String, _ notices: [(given: String, paid: String)], _ due: String, _ reason: String) {
            (self.received, self.notices, self.due, self.reason) = (received, notices, due, reason)
        }

        var testDescription: String { "received \(received), \(notices.map { "fee \($0.given)…\($0.paid)" }.joined(separator: ", ")) → \(due) (\(reason))" }
    }

    static let paidFeeVectors: [PaidFeeVector] = [
        .init("2026-06-01", [("2026-06-10", "2026-06-16")], "2026-07-06",
              "Wed 10 – Tue 16 Jun, both ends included: 10, 11, 12, 15, 16 = 5 working days disregarded; 29 Jun + 5 = 30 Jun, 1, 2, 3 Jul, Mon 6"),
        .init("2026-03-02", [("2026-03-16", "2026-03-18")], "2026-04-02",
              "Mon 16 – Wed 18 Mar: 16 and 18 count, 17 (St Patrick's) does not = 2; 20th day Tue 31 Mar + 2 = Wed 1, Thu 2 Apr"),
        .init("2026-06-01", [("2026-06-13", "2026-06-15")], "2026-06-30",
              "given on a Saturday, paid Monday: only Mon 15 is a working day = 1; 29 Jun + 1 = 30 Jun"),
        .init("2026-06-01", [("2026-06-10", "2026-06-10")], "2026-06-30",
              "given and paid the same day: that one day is disregarded"),
        .init("2026-06-01", [("2026-06-03", "2026-06-04"), ("2026-06-10", "2026-06-16")], "2026-07-08",
              "two notices, both paid: 2 + 5 = 7 days; 29 Jun + 7 = 30 Jun, 1–3 Jul, 6, 7, Wed 8"),
    ]

    @Test("The working days from a fees notice to its payment, both included, are disregarded", arguments: paidFeeVectors)
    func paidFee(_ vector: PaidFeeVector) throws {
        let calendar = try Self.calendar()
        let clock = Clock(kind: .freedomOfInformation, receivedOn: Self.date(vector.received),
                          feesNotices: vector.notices.map { .init(givenOn: Self.date($0.given), paidOn: Self.date($0.paid)) })
        #expect(clock.statutoryDue(calendar: calendar) == Self.date(vector.due))
        #expect(clock.state(on: Self.date("2026-12-31"), calendar: calendar) == .running(due: Self.date(vector.due), statutory: Self.date(vector.due)))
    }

    struct PayByVector: Sendable, CustomTestStringConvertible {
        var given: String
        var payBy: String
        var reason: String

        init(_ given: String, _ payBy: String, _ reason: String) {
            (self.given, self.payBy, self.reason) = (given, payBy, reason)
        }

        var testDescription: String { "fees notice \(given) → pay by \(payBy) (\(reason))" }
    }

    /// FOIA s.9(2): "the period of three months beginning with the day on which the fees notice is
    /// given". A period of months beginning with a day ends the day before the corresponding date
    /// in the last month, or, when that month has no corresponding date, on its last day (the
    /// corresponding date rule: Dodds v Walker [1981] 1 WLR 1027; for "beginning with", Pruden v
    /// Cunard Ellerman [1993] IRLR 317, where three months beginning with 31 August ended on
    /// 30 November; the same rule is written out in legislation, e.g. SI 2018/1082 r.1.4).
    static let payByVectors: [PayByVector] = [
        .init("2026-06-10", "2026-09-09", "the day before 10 Sep"),
        .init("2026-01-10", "2026-04-09", "the day before 10 Apr"),
        .init("2025-10-31", "2026-01-30", "31 Jan exists: the day before it"),
        .init("2026-12-01", "2027-02-28", "the day before 1 Mar 2027"),
        .init("2026-11-28", "2027-02-27", "28 Feb exists: the day before it"),
        .init("2027-11-29", "2028-02-28", "29 Feb 2028 exists: the day before it"),
        .init("2026-05-31", "2026-08-30", "31 Aug exists: the day before it"),
        .init("2026-03-31", "2026-06-30", "June has no 31st: the period ends on its last day, 30 Jun"),
        .init("2026-11-30", "2027-02-28", "February 2027 has no 30th: its last day"),
        .init("2026-11-29", "2027-02-28", "February 2027 has no 29th: its last day"),
        .init("2027-11-30", "2028-02-29", "February 2028 has no 30th: its last day, the 29th"),
    ]

    @Test("An unpaid fees notice is owed for three months beginning with the day it was given", arguments: payByVectors)
    func payBy(_ vector: PayByVector) {
        #expect(Clock.FeesNotice(givenOn: Self.date(vector.given)).payBy == Self.date(vector.payBy))
    }

    @Test("An unpaid fees notice stops the clock until its last day, then the request lapses")
    func unpaidFee() throws {
        let calendar = try Self.calendar()
        let clock = Clock(kind: .freedomOfInformation, receivedOn: Self.date("2026-06-01"),
                          feesNotices: [.init(givenOn: Self.date("2026-06-10"))])
        let waiting = Clock.State.awaitingFee(since: Self.date("2026-06-10"), payBy: Self.date("2026-09-09"))
        #expect(clock.state(on: Self.date("2026-06-10"), calendar: calendar) == waiting)
        // Past the twentieth working day (29 Jun) it is still waiting, not overdue.
        #expect(clock.state(on: Self.date("2026-07-15"), calendar: calendar) == waiting)
        #expect(clock.state(on: Self.date("2026-09-09"), calendar: calendar) == waiting, "the last day to pay")
        #expect(clock.state(on: Self.date("2026-09-10"), calendar: calendar) == .lapsed(on: Self.date("2026-09-10")))
        #expect(clock.state(on: Self.date("2027-01-04"), calendar: calendar) == .lapsed(on: Self.date("2026-09-10")))
    }

    @Test("A notice given on 31 March may still be paid on 30 June")
    func unpaidFeeMonthEnd() throws {
        let calendar = try Self.calendar()
        let clock = Clock(kind: .freedomOfInformation, receivedOn: Self.date("2026-03-23"),
                          feesNotices: [.init(givenOn: Self.date("2026-03-31"))])
        #expect(clock.state(on: Self.date("2026-06-30"), calendar: calendar)
            == .awaitingFee(since: Self.date("2026-03-31"), payBy: Self.date("2026-06-30")))
        #expect(clock.state(on: Self.date("2026-07-01"), calendar: calendar) == .lapsed(on: Self.date("2026-07-01")))
    }

    @Test("With one notice paid and a second unpaid, the clock waits for the second")
    func secondNoticeUnpaid() throws {
        let calendar = try Self.calendar()
        let clock = Clock(kind: .freedomOfInformation, receivedOn: Self.date("2026-06-01"),
                          feesNotices: [.init(givenOn: Self.date("2026-06-03"), paidOn: Self.date("2026-06-04")),
                                        .init(givenOn: Self.date("2026-06-10"))])
        #expect(clock.state(on: Self.date("2026-06-20"), calendar: calendar)
            == .awaitingFee(since: Self.date("2026-06-10"), payBy: Self.date("2026-09-09")))
    }

    // MARK: Extensions

    struct ExtensionVector: Sendable, CustomTestStringConvertible {
        var kind: InformationRequestKind
        var received: String
        var until: String
        var reason: String
        var toldOn: String
        var problems: [String]
        var why: String

        init(_ kind: InformationRequestKind, _ received: String, until: String, reason: String = "Public interest test: consulting the third party",
             toldOn: String, _ problems: [String], _ why: String) {
            (self.kind, self.received, self.until, self.reason, self.toldOn, self.problems, self.why) = (kind, received, until, reason, toldOn, problems, why)
        }

        var testDescription: String { "\(kind.rawValue) \(received), until \(until), told \(toldOn) → \(problems.count) problem(s) (\(why))" }
    }

    static let foiRange = "The new date must be after 2026-06-29 and no later than 2026-07-28 (20 further working days)"
    static let foiTold = "The requester must be told of the extension by 2026-06-29, within the first 20 working days"
    static let eirRange = "The new date must be after 2026-06-29 and no later than 2026-07-28 (the fortieth working day)"

    static let extensionVectors: [ExtensionVector] = [
        // FOI received Mon 1 Jun 2026: statutory Mon 29 Jun; 20 further working days: 30 Jun, 1–3 Jul = 1–4, 6–10 = 5–9,
        // Mon 13 Jul (Northern Ireland) out, 14–17 = 10–13, 20–24 = 14–18, 27 = 19, Tue 28 Jul = 20.
        .init(.freedomOfInformation, "2026-06-01", until: "2026-07-28", toldOn: "2026-06-29", [],
              "the furthest date, told on the twentieth day itself"),
        .init(.freedomOfInformation, "2026-06-01", until: "2026-06-30", toldOn: "2026-06-15", [], "one working day more"),
        .init(.freedomOfInformation, "2026-06-01", until: "2026-07-29", toldOn: "2026-06-15", [foiRange],
              "the 21st further working day (13 Jul is a holiday in Northern Ireland, so 28 Jul is the 20th)"),
        .init(.freedomOfInformation, "2026-06-01", until: "2026-06-29", toldOn: "2026-06-15", [foiRange], "not after the statutory date"),
        .init(.freedomOfInformation, "2026-06-01", until: "2026-06-20", toldOn: "2026-06-15", [foiRange], "before the statutory date"),
        .init(.freedomOfInformation, "2026-06-01", until: "2026-07-10", toldOn: "2026-06-30", [foiTold], "told a day after the twentieth working day"),
        .init(.freedomOfInformation, "2026-06-01", until: "2026-07-10", reason: " \n ", toldOn: "2026-06-15", ["Enter the reason for the extension"],
              "a blank reason"),
        .init(.freedomOfInformation, "2026-06-01", until: "2026-08-03", reason: "", toldOn: "2026-07-01",
              ["Enter the reason for the extension", foiRange, foiTold], "everything wrong at once"),
        // Received Fri 19 Dec 2025: statutory Thu 22 Jan 2026; 20 further: 23 Jan = 1, 26–30 = 2–6, 2–6 Feb = 7–11,
        // 9–13 = 12–16, 16–19 = 17–20: Thu 19 Feb.
        .init(.freedomOfInformation, "2025-12-19", until: "2026-02-19", toldOn: "2026-01-22", [], "over Christmas: the furthest date"),
        .init(.freedomOfInformation, "2025-12-19", until: "2026-02-20", toldOn: "2026-01-22",
              ["The new date must be after 2026-01-22 and no later than 2026-02-19 (20 further working days)"], "over Christmas: a day too far"),
        // EIR received Mon 1 Jun 2026: the fortieth working day is Tue 28 Jul.
        .init(.environmentalInformation, "2026-06-01", until: "2026-07-28", toldOn: "2026-06-29", [], "EIR: the fortieth working day"),
        .init(.environmentalInformation, "2026-06-01", until: "2026-07-29", toldOn: "2026-06-29", [eirRange], "EIR: the 41st working day"),
        .init(.environmentalInformation, "2026-06-01", until: "2026-06-29", toldOn: "2026-06-15", [eirRange], "EIR: not after the twentieth"),
        .init(.environmentalInformation, "2026-06-01", until: "2026-07-20", toldOn: "2026-06-30", [foiTold], "EIR: told too late (reg 7(3))"),
        .init(.environmentalInformation, "2025-12-19", until: "2026-02-19", toldOn: "2026-01-22", [],
              "EIR over Christmas: 40th working day Thu 19 Feb 2026"),
        .init(.subjectAccess, "2026-06-01", until: "2026-07-10", toldOn: "2026-06-15", ["A subject access request is extended by months, not to a date"],
              "a subject access request has no working-day extension"),
    ]

    @Test("An extension's date, reason and notice are checked", arguments: extensionVectors)
    func extensionProblems(_ vector: ExtensionVector) throws {
        let clock = Clock(kind: vector.kind, receivedOn: Self.date(vector.received))
        let proposed = Clock.Extension(until: Self.date(vector.until), reason: vector.reason, toldOn: Self.date(vector.toldOn))
        #expect(clock.problems(with: proposed, calendar: try Self.calendar()) == vector.problems)
    }

    @Test("An extended request is due on its new date; the statutory date stays the twentieth working day")
    func extendedState() throws {
        let calendar = try Self.calendar()
        var clock = Clock(kind: .freedomOfInformation, receivedOn: Self.date("2026-06-01"))
        clock.extended = .init(until: Self.date("2026-07-10"), reason: "Public interest test", toldOn: Self.date("2026-06-26"))
        #expect(clock.state(on: Self.date("2026-07-01"), calendar: calendar)
            == .running(due: Self.date("2026-07-10"), statutory: Self.date("2026-06-29")))
        // An extension can never bring the date forward.
        clock.extended = .init(until: Self.date("2026-06-20"), reason: "Entered in error", toldOn: Self.date("2026-06-10"))
        #expect(clock.state(on: Self.date("2026-07-01"), calendar: calendar)
            == .running(due: Self.date("2026-06-29"), statutory: Self.date("2026-06-29")))
    }

    @Test("A paid fee's days move the statutory date, and with it the extension window")
    func extensionAfterFee() throws {
        // Statutory date Mon 6 Jul (5 fee days); 20 further working days: 7–10 = 1–4, 13 Jul out, 14–17 = 5–8,
        // 20–24 = 9–13, 27–31 = 14–18, 3 Aug (Scotland) out, 4, 5 Aug = 19, 20: Wed 5 Aug.
        let clock = Clock(kind: .freedomOfInformation, receivedOn: Self.date("2026-06-01"),
                          feesNotices: [.init(givenOn: Self.date("2026-06-10"), paidOn: Self.date("2026-06-16"))])
        let calendar = try Self.calendar()
        #expect(clock.problems(with: .init(until: Self.date("2026-08-05"), reason: "Public interest", toldOn: Self.date("2026-07-06")),
                               calendar: calendar).isEmpty)
        #expect(clock.problems(with: .init(until: Self.date("2026-08-06"), reason: "Public interest", toldOn: Self.date("2026-07-06")),
                               calendar: calendar)
            == ["The new date must be after 2026-07-06 and no later than 2026-08-05 (20 further working days)"])
    }
}
