import FrontDoorDomain
import Testing

/// Subject access requests, worked out by hand: one calendar month from the day the clock
/// starts (the same day of the next month, or that month's last day), moved to the next working
/// day of the council's own calendar when it lands on a weekend or bank holiday.
@Suite("Subject access: one calendar month, identity checks and extensions")
struct SubjectAccessClockTests {
    typealias Clock = SubjectAccessClock

    static func date(_ text: String) -> LocalDate { LocalDate(text)! }

    static func calendar(_ nation: Nation = .englandAndWales) throws -> WorkingDayCalendar {
        .council(nation: nation, bankHolidays: try ShippedBankHolidays.load())
    }

    struct Vector: Sendable, CustomTestStringConvertible {
        var nation: Nation
        var received: String
        var due: String
        var reason: String

        init(_ nation: Nation, _ received: String, _ due: String, _ reason: String) {
            (self.nation, self.received, self.due, self.reason) = (nation, received, due, reason)
        }

        /// An English council's request.
        init(_ received: String, _ due: String, _ reason: String) {
            self.init(.englandAndWales, received, due, reason)
        }

        var testDescription: String { "\(nation.rawValue) \(received) → \(due) (\(reason))" }
    }

    static let vectors: [Vector] = [
        .init("2026-06-15", "2026-07-15", "same day next month, a Wednesday"),
        .init("2025-01-31", "2025-02-28", "31 Jan in a common year: 28 Feb, a Friday"),
        .init("2028-01-31", "2028-02-29", "31 Jan in a leap year: 29 Feb 2028, a Tuesday"),
        .init("2026-01-31", "2026-03-02", "31 Jan 2026 → 28 Feb, a Saturday → Monday 2 Mar"),
        .init("2027-01-31", "2027-03-01", "31 Jan 2027 → 28 Feb, a Sunday → Monday 1 Mar"),
        .init("2026-01-30", "2026-03-02", "30 Jan → 28 Feb (Sat) → Mon 2 Mar"),
        .init("2026-01-29", "2026-03-02", "29 Jan → no 29 Feb in 2026 → 28 Feb (Sat) → Mon 2 Mar"),
        .init("2026-03-31", "2026-04-30", "31 Mar → 30 Apr, a Thursday"),
        .init("2026-05-31", "2026-06-30", "received on a Sunday: the month still runs from it; 31 May → 30 Jun"),
        .init("2026-08-31", "2026-09-30", "received on the summer bank holiday: 30 Sep"),
        .init("2026-04-30", "2026-06-01", "30 Apr → 30 May, a Saturday → Mon 1 Jun (the bank holiday was 25 May)"),
        .init("2028-02-29", "2028-03-29", "started on the leap day: 29 Mar 2028, a Wednesday"),
        .init("2028-03-30", "2028-05-02", "30 Mar → 30 Apr 2028, a Sunday; Mon 1 May is the Early May bank holiday → Tue 2 May"),
        .init("2026-10-10", "2026-11-10", "received on a Saturday: 10 Nov, a Tuesday"),
        .init("2026-02-28", "2026-03-30", "28 Feb → 28 Mar (the same day, not the month's end), a Saturday → Mon 30 Mar"),
        .init("2026-11-25", "2026-12-29", "lands on Christmas Day (Fri 25 Dec); Mon 28 is the Boxing Day substitute → Tue 29"),
        .init("2026-11-28", "2026-12-29", "lands on Mon 28 Dec, the Boxing Day substitute → Tue 29"),
        .init("2027-11-27", "2027-12-29", "lands on Mon 27 Dec 2027 (Christmas substitute); Tue 28 is Boxing Day's → Wed 29"),
        .init("2026-03-06", "2026-04-07", "lands on Easter Monday 6 Apr → Tue 7"),
        .init("2026-03-03", "2026-04-07", "lands on Good Friday 3 Apr; weekend; Easter Monday → Tue 7"),
        .init("2027-02-28", "2027-03-30", "28 Feb 2027 → 28 Mar, a Sunday; Mon 29 is Easter Monday 2027 → Tue 30"),
        .init("2026-12-01", "2027-01-04", "lands on New Year's Day (Fri 1 Jan 2027) → Mon 4 Jan"),
        .init("2027-12-01", "2028-01-04", "1 Jan 2028 is a Saturday; Mon 3 is its substitute → Tue 4"),
        .init("2026-12-31", "2027-02-01", "over the year end: 31 Jan 2027, a Sunday → Mon 1 Feb"),
        .init("2025-12-31", "2026-02-02", "31 Jan 2026, a Saturday → Mon 2 Feb"),
        .init("2025-12-25", "2026-01-26", "received on Christmas Day: 25 Jan 2026, a Sunday → Mon 26"),
        // The council's own nation decides which days are not working days.
        .init(.scotland, "2026-10-31", "2026-12-01", "Scotland: 30 Nov 2026 is St Andrew's Day → Tue 1 Dec"),
        .init(.englandAndWales, "2026-10-31", "2026-11-30", "England: 30 Nov is a working day"),
        .init(.scotland, "2026-03-06", "2026-04-06", "Scotland: Easter Monday is a working day"),
        .init(.scotland, "2026-12-01", "2027-01-05", "Scotland: Fri 1 Jan and Mon 4 Jan (2nd January substitute) → Tue 5"),
        .init(.northernIreland, "2026-02-17", "2026-03-18", "Northern Ireland: 17 Mar is St Patrick's Day → Wed 18"),
        .init(.englandAndWales, "2026-02-17", "2026-03-17", "England: 17 Mar is a working day"),
    ]

    @Test("Each vector's due date", arguments: vectors)
    func vector(_ vector: Vector) throws {
        let clock = Clock(receivedOn: Self.date(vector.received), identityCheckNeeded: false)
        #expect(clock.startsOn == Self.date(vector.received))
        #expect(clock.state(calendar: try Self.calendar(vector.nation)) == .running(due: Self.date(vector.due), original: Self.date(vector.due)))
    }

    // MARK: Identity

    @Test("While the requester's identity is being checked the clock has not started")
    func awaitingIdentity() throws {
        let clock = Clock(receivedOn: Self.date("2026-02-02"), identityCheckNeeded: true)
        #expect(clock.startsOn == nil)
        #expect(clock.state(calendar: try Self.calendar()) == .awaitingIdentity)
    }

    @Test("Once identity is verified the month runs from the day it was")
    func identityVerified() throws {
        // Received Mon 2 Feb, verified Tue 10 Feb: due Tue 10 Mar (not Mon 2 Mar).
        let clock = Clock(receivedOn: Self.date("2026-02-02"), identityCheckNeeded: true, identityVerifiedOn: Self.date("2026-02-10"))
        #expect(clock.startsOn == Self.date("2026-02-10"))
        #expect(clock.state(calendar: try Self.calendar()) == .running(due: Self.date("2026-03-10"), original: Self.date("2026-03-10")))
        // Verified on 31 Jan 2026: 28 Feb is a Saturday → Mon 2 Mar.
        let monthEnd = Clock(receivedOn: Self.date("2026-01-20"), identityCheckNeeded: true, identityVerifiedOn: Self.date("2026-01-31"))
        #expect(monthEnd.state(calendar: try Self.calendar()) == .running(due: Self.date("2026-03-02"), original: Self.date("2026-03-02")))
    }

    @Test("Identity recorded as verified before the request arrived: the month runs from receipt")
    func verifiedBeforeReceipt() throws {
        let clock = Clock(receivedOn: Self.date("2026-06-15"), identityCheckNeeded: true, identityVerifiedOn: Self.date("2026-06-01"))
        #expect(clock.startsOn == Self.date("2026-06-15"))
        #expect(clock.state(calendar: try Self.calendar()) == .running(due: Self.date("2026-07-15"), original: Self.date("2026-07-15")))
    }

    @Test("Without a check needed, a verification date plays no part")
    func noCheckNeeded() throws {
        let clock = Clock(receivedOn: Self.date("2026-06-15"), identityCheckNeeded: false, identityVerifiedOn: Self.date("2026-06-20"))
        #expect(clock.startsOn == Self.date("2026-06-15"))
    }

    // MARK: Extensions

    struct ExtendedVector: Sendable, CustomTestStringConvertible {
        var received: String
        var months: Int
        var due: String
        var original: String
        var reason: String

        init(_ received: String, _ months: Int, due: String, original: String, _ reason: String) {
            (self.received, self.months, self.due, self.original, self.reason) = (received, months, due, original, reason)
        }

        var testDescription: String { "\(received) extended by \(months) → \(due), original \(original) (\(reason))" }
    }

    static let extendedVectors: [ExtendedVector] = [
        .init("2026-06-15", 1, due: "2026-08-17", original: "2026-07-15", "two months from 15 Jun is 15 Aug, a Saturday → Mon 17"),
        .init("2026-06-15", 2, due: "2026-09-15", original: "2026-07-15", "three months: 15 Sep, a Tuesday"),
        .init("2026-01-31", 1, due: "2026-03-31", original: "2026-03-02", "two months from 31 Jan: 31 Mar (from the start, not from 28 Feb)"),
        .init("2026-01-31", 2, due: "2026-04-30", original: "2026-03-02", "three months from 31 Jan: 30 Apr"),
        .init("2025-12-31", 1, due: "2026-03-02", original: "2026-02-02", "two months from 31 Dec: 28 Feb 2026 (Sat) → Mon 2 Mar"),
        .init("2027-11-30", 2, due: "2028-02-29", original: "2027-12-30", "three months from 30 Nov 2027: 29 Feb 2028, a Tuesday"),
        .init("2026-02-25", 2, due: "2026-05-26", original: "2026-03-25", "three months: 25 May, the Spring bank holiday → Tue 26"),
        .init("2026-05-31", 2, due: "2026-09-01", original: "2026-06-30", "three months: 31 Aug, the Summer bank holiday → Tue 1 Sep"),
        .init("2026-09-25", 2, due: "2026-12-29", original: "2026-10-26", "three months: Fri 25 Dec → Tue 29 (Mon 28 is Boxing Day's); one month: Sun 25 Oct → Mon 26"),
        .init("2028-02-29", 1, due: "2028-05-02", original: "2028-03-29", "two months: Sat 29 Apr 2028; Mon 1 May is a bank holiday → Tue 2"),
    ]

    @Test("An extension adds one or two further months, counted from the start", arguments: extendedVectors)
    func extended(_ vector: ExtendedVector) throws {
        let clock = Clock(receivedOn: Self.date(vector.received), identityCheckNeeded: false,
                          extended: .init(months: vector.months, reason: "Complex: records in several services", toldOn: Self.date(vector.received)))
        #expect(clock.state(calendar: try Self.calendar()) == .running(due: Self.date(vector.due), original: Self.date(vector.original)))
    }

    struct ExtensionProblemVector: Sendable, CustomTestStringConvertible {
        var months: Int
        var reason: String
        var toldOn: String
        var problems: [String]
        var why: String

        init(_ months: Int, reason: String = "Complex request", told toldOn: String, _ problems: [String], _ why: String) {
            (self.months, self.reason, self.toldOn, self.problems, self.why) = (months, reason, toldOn, problems, why)
        }

        var testDescription: String { "\(months) month(s), told \(toldOn) → \(problems.count) problem(s) (\(why))" }
    }

    static let tellBy = "The requester must be told by 2026-03-02, within the first month"

    /// Received Sat 31 Jan 2026: the first month ends Sat 28 Feb, so the requester may be told up to Mon 2 Mar.
    static let extensionProblemVectors: [ExtensionProblemVector] = [
        .init(1, told: "2026-02-10", [], "one month, told early"),
        .init(2, told: "2026-03-02", [], "two months, told on the (moved) last day of the first month"),
        .init(2, told: "2026-03-03", [tellBy], "told a day too late"),
        .init(0, told: "2026-02-10", ["Extend by one or two months"], "no months is no extension"),
        .init(3, told: "2026-02-10", ["Extend by one or two months"], "three further months is too many (two at most)"),
        .init(-1, told: "2026-02-10", ["Extend by one or two months"], "negative months"),
        .init(1, reason: "  \n", told: "2026-02-10", ["Enter the reason for the extension"], "a blank reason"),
        .init(3, reason: "", told: "2026-03-10", ["Extend by one or two months", "Enter the reason for the extension", tellBy], "everything wrong"),
    ]

    @Test("An extension needs one or two months, a reason, and the requester told within the first month",
          arguments: extensionProblemVectors)
    func extensionProblems(_ vector: ExtensionProblemVector) throws {
        let clock = Clock(receivedOn: Self.date("2026-01-31"), identityCheckNeeded: false)
        let proposed = Clock.Extension(months: vector.months, reason: vector.reason, toldOn: Self.date(vector.toldOn))
        #expect(clock.problems(with: proposed, calendar: try Self.calendar()) == vector.problems)
    }

    @Test("No extension before the identity check has started the clock")
    func extensionBeforeIdentity() throws {
        let clock = Clock(receivedOn: Self.date("2026-01-31"), identityCheckNeeded: true)
        let proposed = Clock.Extension(months: 1, reason: "Complex request", toldOn: Self.date("2026-02-10"))
        #expect(clock.problems(with: proposed, calendar: try Self.calendar()) == ["The clock has not started: record the identity check first"])
    }
}
