import Foundation
import FrontDoorDomain
import Testing

@Suite("Booking a callback: what an advisor types, checked and put on the UK clock")
struct CallbackBookingTests {
    /// 10:00 BST on Wednesday 1 July 2026.
    static let summerMorning = utc("2026-07-01T09:00:00Z")
    /// 09:30 GMT on Tuesday 24 November 2026.
    static let winterMorning = utc("2026-11-24T09:30:00Z")

    static func utc(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }

    static func book(day: String = "2", month: String = "7", year: String = "2026", from: String = "14:00", to: String = "16:00",
                     phone: String = "01632 960 001", reason: String = "Missed bin collection",
                     now: Date = summerMorning) -> Result<CallbackBooking, FieldProblems> {
        CallbackBooking.check(day: day, month: month, year: year, from: from, to: to, phone: phone, reason: reason, now: now)
    }

    static func problems(_ result: Result<CallbackBooking, FieldProblems>) -> [FieldProblem] {
        switch result {
        case .success: []
        case .failure(let problems): problems.all
        }
    }

    // MARK: The window on the London clock

    // 2pm means 2pm to the customer: in summer that is 13:00 UTC, in winter 14:00 UTC.
    @Test("In summer the window is on British Summer Time")
    func summerWindow() throws {
        let booking = try Self.book(day: "2", month: "7", year: "2026", now: Self.summerMorning).get()
        #expect(booking.window == DateInterval(start: Self.utc("2026-07-02T13:00:00Z"), end: Self.utc("2026-07-02T15:00:00Z")))
    }

    @Test("In winter the window is on Greenwich Mean Time")
    func winterWindow() throws {
        let booking = try Self.book(day: "2", month: "12", year: "2026", now: Self.winterMorning).get()
        #expect(booking.window == DateInterval(start: Self.utc("2026-12-02T14:00:00Z"), end: Self.utc("2026-12-02T16:00:00Z")))
    }

    @Test("The number and reason are kept as typed, without surrounding whitespace")
    func phoneAndReasonTrimmed() throws {
        let booking = try Self.book(phone: "  01632 960 001 ", reason: "\n  Wants to discuss the council tax bill  \n").get()
        #expect(booking.phone == "01632 960 001")
        #expect(booking.reason == "Wants to discuss the council tax bill")
    }

    @Test("Day, month and year may have spaces around them")
    func dateTrimmed() throws {
        let booking = try Self.book(day: " 02 ", month: " 07", year: "2026 ").get()
        #expect(booking.window.start == Self.utc("2026-07-02T13:00:00Z"))
    }

    // MARK: Times as people type them

    @Test("Times are accepted in the ways people write them",
          arguments: [("14:00", "2026-07-02T13:00:00Z"), ("14.00", "2026-07-02T13:00:00Z"), ("1400", "2026-07-02T13:00:00Z"),
                      ("14", "2026-07-02T13:00:00Z"), (" 14:00 ", "2026-07-02T13:00:00Z"), ("9:30", "2026-07-02T08:30:00Z"),
                      ("09.30", "2026-07-02T08:30:00Z"), ("930", "2026-07-02T08:30:00Z"), ("0930", "2026-07-02T08:30:00Z"),
                      ("0", "2026-07-01T23:00:00Z")])
    func acceptedTimes(typed: String, opensAt: String) throws {
        let booking = try Self.book(from: typed, to: "17:00").get()
        #expect(booking.window.start == Self.utc(opensAt))
    }

    @Test("The closing time is read the same way", arguments: ["16:00", "16.00", "1600", "16"])
    func acceptedClosingTimes(typed: String) throws {
        #expect(try Self.book(from: "14", to: typed).get().window.end == Self.utc("2026-07-02T15:00:00Z"))
    }

    static let badTimes = ["", "  ", "2pm", "noon", "24:00", "25", "14:60", "14:", ":30", "1.5.0", "12345", "-1", "14:00:00"]

    @Test("An opening time that is not a time of day is refused", arguments: badTimes)
    func badOpeningTime(typed: String) {
        #expect(Self.problems(Self.book(from: typed)) ==
                [FieldProblem(field: "callback-from", message: "Enter when the window opens as a time, for example 14:00")])
    }

    @Test("A closing time that is not a time of day is refused", arguments: badTimes)
    func badClosingTime(typed: String) {
        #expect(Self.problems(Self.book(to: typed)) ==
                [FieldProblem(field: "callback-to", message: "Enter when the window closes as a time, for example 16:00")])
    }

    // MARK: The window's length and when it falls

    @Test("A window must be at least 15 minutes long", arguments: [("14:00", "14:14"), ("14:00", "14:00"), ("16:00", "14:00")])
    func windowTooShort(from: String, to: String) {
        #expect(Self.problems(Self.book(from: from, to: to)) ==
                [FieldProblem(field: "callback-to", message: "The window must close at least 15 minutes after it opens")])
    }

    @Test("A window of exactly 15 minutes is accepted")
    func shortestWindow() throws {
        #expect(try Self.book(from: "14:00", to: "14:15").get().window.duration == 15 * 60)
    }

    @Test("A date that is not a real date is refused",
          arguments: [("31", "2", "2026"), ("", "", ""), ("2", "13", "2026"), ("0", "7", "2026"), ("two", "7", "2026")])
    func notARealDate(day: String, month: String, year: String) {
        #expect(Self.problems(Self.book(day: day, month: month, year: year)) ==
                [FieldProblem(field: "callback-date", message: "Enter the day of the callback as a real date, for example 27 11 2026")])
    }

    static let inThePast = [FieldProblem(field: "callback-date", message: "The window must end in the future")]

    @Test("A window that closed yesterday is refused")
    func windowYesterday() {
        #expect(Self.problems(Self.book(day: "30", month: "6", year: "2026")) == Self.inThePast)
    }

    // Now is 10:00 BST: a window closing at 10:00 is already over; one closing a minute later can still be kept.
    @Test("A window must close after now, though it may already be open")
    func windowEndingNow() throws {
        #expect(Self.problems(Self.book(day: "1", month: "7", year: "2026", from: "09:00", to: "10:00")) == Self.inThePast)
        let stillOpen = try Self.book(day: "1", month: "7", year: "2026", from: "09:00", to: "10:01").get()
        #expect(stillOpen.window.start < Self.summerMorning && stillOpen.window.end > Self.summerMorning)
    }

    @Test("A callback may be booked up to 60 days ahead but no further")
    func furthestAhead() throws {
        // 1 July + 60 days is 30 August.
        #expect(try Self.book(day: "30", month: "8", year: "2026").get().window.start == Self.utc("2026-08-30T13:00:00Z"))
        #expect(Self.problems(Self.book(day: "31", month: "8", year: "2026")) ==
                [FieldProblem(field: "callback-date", message: "The callback must be within 60 days")])
    }

    // Half past midnight BST on 1 July is still 30 June in UTC; the 60 days count from the UK date.
    @Test("The 60 days count from today's date in the UK, not in UTC")
    func sixtyDaysFromUKDate() throws {
        let justAfterMidnightBST = Self.utc("2026-06-30T23:30:00Z")
        let booking = try Self.book(day: "30", month: "8", year: "2026", now: justAfterMidnightBST).get()
        #expect(booking.window.start == Self.utc("2026-08-30T13:00:00Z"))
    }

    // MARK: The number and the reason

    @Test("A number that could not be rung is refused",
          arguments: ["", "   ", "12345", "call me", "01632 960 00a", "+44 1632 960 001 234 567"])
    func badPhone(typed: String) {
        #expect(Self.problems(Self.book(phone: typed)) ==
                [FieldProblem(field: "callback-phone", message: "Enter the number to ring, like 01632 960 001 or 07700 900 982")])
    }

    @Test("UK and international numbers are accepted", arguments: ["01632 960 001", "07700 900982", "+44 (0)1632-960-001", "+33 1 23 45 67 89"])
    func goodPhone(typed: String) throws {
        #expect(try Self.book(phone: typed).get().phone == typed)
    }

    @Test("A callback must say what it is about", arguments: ["", "   ", "\n\t\n"])
    func emptyReason(typed: String) {
        #expect(Self.problems(Self.book(reason: typed)) ==
                [FieldProblem(field: "callback-reason", message: "Enter what the callback is about")])
    }

    @Test("What it is about may be 1,000 characters but no more")
    func reasonLimit() throws {
        let longest = String(repeating: "x", count: CallbackBooking.reasonLimit)
        #expect(try Self.book(reason: longest).get().reason == longest)
        #expect(Self.problems(Self.book(reason: longest + "x")) ==
                [FieldProblem(field: "callback-reason", message: "What it is about must be 1,000 characters or fewer")])
    }

    // MARK: Every problem at once

    @Test("Every problem is named at once, against its field, in the form's order")
    func everyProblem() {
        let problems = Self.problems(Self.book(day: "31", month: "2", year: "2026", from: "noon", to: "", phone: "x", reason: ""))
        #expect(problems.map(\.field) == ["callback-date", "callback-from", "callback-to", "callback-phone", "callback-reason"])
    }

    @Test("A window in the past is named alongside the other problems")
    func pastWindowWithOtherProblems() {
        let problems = Self.problems(Self.book(day: "30", month: "6", year: "2026", phone: "x", reason: ""))
        #expect(problems == [
            FieldProblem(field: "callback-phone", message: "Enter the number to ring, like 01632 960 001 or 07700 900 982"),
            FieldProblem(field: "callback-reason", message: "Enter what the callback is about"),
            FieldProblem(field: "callback-date", message: "The window must end in the future"),
        ])
    }

    // MARK: Clock changes

    // On 29 March 2026 the UK clocks jump from 01:00 to 02:00, so 01:30 never happens on the
    // London clock: Foundation reads 01:30 as 01:30Z but 02:00 as 01:00Z, a window that closes
    // before it opens (which once crashed the server). It is refused, against the opening time.
    @Test("A window in the spring clock-change gap is refused, not a crash", arguments: [("01:30", "02:00"), ("01:45", "02:15")])
    func springForwardGap(from: String, to: String) {
        let result = CallbackBooking.check(day: "29", month: "3", year: "2026", from: from, to: to,
                                           phone: "01632 960 001", reason: "Early shift worker",
                                           now: Date(timeIntervalSince1970: 1_772_366_400)) // 2026-03-01T12:00:00Z
        guard case .failure(let problems) = result else {
            Issue.record("a window that does not exist was accepted")
            return
        }
        #expect(problems.all.map(\.field) == ["callback-from"])
    }
}

extension CallbackBookingTests {
    @Suite("A callback's place in the queue")
    struct QueueState {
        static let opens = Date(timeIntervalSince1970: 1_782_997_200) // 2026-07-02T13:00:00Z
        static let closes = opens.addingTimeInterval(2 * 60 * 60)

        static func callback(completedAt: Date? = nil) -> Callback {
            Callback(councilID: UUID(), customerID: UUID(), phone: "01632 960 001", window: DateInterval(start: opens, end: closes),
                     reason: "Missed bin collection", serviceID: nil, bookedBy: "sam.patel@kingsmere.example",
                     bookedAt: opens.addingTimeInterval(-86_400), completedBy: completedAt.map { _ in "sam.patel@kingsmere.example" },
                     completedAt: completedAt)
        }

        @Test("Upcoming until the window opens, due while it is open, overdue from the moment it closes",
              arguments: [(-3600.0, Callback.State.upcoming), (-1, .upcoming), (0, .due), (3600, .due), (7199, .due),
                          (7200, .overdue), (86_400, .overdue)])
        func openState(secondsAfterOpening: Double, expected: Callback.State) {
            #expect(Self.callback().state(at: Self.opens.addingTimeInterval(secondsAfterOpening)) == expected)
        }

        // Once someone has called, the callback leaves the queue whenever they called.
        @Test("A completed callback is done whatever the time", arguments: [-3600.0, 0, 3600, 7200, 86_400])
        func done(secondsAfterOpening: Double) {
            let callback = Self.callback(completedAt: Self.opens.addingTimeInterval(60))
            #expect(callback.state(at: Self.opens.addingTimeInterval(secondsAfterOpening)) == .done)
        }
    }
}
