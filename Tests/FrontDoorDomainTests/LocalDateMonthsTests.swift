import FrontDoorDomain
import Testing

/// Calendar months as statutes count them, worked out by hand: the same day of the later month,
/// or that month's last day when it has no such day.
@Suite("Calendar months: adding months keeps the day, or clamps to the month's end")
struct LocalDateMonthsTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        var from: String
        var months: Int
        var expected: String
        var reason: String

        init(_ from: String, _ months: Int, _ expected: String, _ reason: String) {
            (self.from, self.months, self.expected, self.reason) = (from, months, expected, reason)
        }

        var testDescription: String { "\(from) \(months >= 0 ? "+" : "")\(months) months → \(expected) (\(reason))" }
    }

    static let vectors: [Vector] = [
        .init("2026-01-15", 0, "2026-01-15", "no months: the same date"),
        .init("2026-01-15", 1, "2026-02-15", "mid-month day exists in every month"),
        .init("2026-01-28", 1, "2026-02-28", "28 exists in every February"),
        .init("2026-01-29", 1, "2026-02-28", "2026 is not a leap year: no 29 Feb, so the last day"),
        .init("2026-01-30", 1, "2026-02-28", "no 30 Feb: the last day"),
        .init("2026-01-31", 1, "2026-02-28", "31 Jan in a common year: 28 Feb"),
        .init("2028-01-31", 1, "2028-02-29", "31 Jan in a leap year: 29 Feb"),
        .init("2028-01-29", 1, "2028-02-29", "29 Feb exists in 2028"),
        .init("2024-01-31", 1, "2024-02-29", "2024 is a leap year"),
        .init("2000-01-31", 1, "2000-02-29", "2000 is a leap year (divisible by 400)"),
        .init("2100-01-31", 1, "2100-02-28", "2100 is not a leap year (divisible by 100, not 400)"),
        .init("2026-02-28", 1, "2026-03-28", "the end of February is not carried to the end of March: same day number"),
        .init("2028-02-29", 1, "2028-03-29", "a leap day start: 29 March"),
        .init("2028-02-29", 12, "2029-02-28", "a leap day a year on: 2029 has no 29 Feb"),
        .init("2028-02-29", 48, "2032-02-29", "four years on: 2032 is a leap year"),
        .init("2026-03-31", 1, "2026-04-30", "April has 30 days"),
        .init("2026-05-31", 1, "2026-06-30", "June has 30 days"),
        .init("2026-08-31", 1, "2026-09-30", "September has 30 days"),
        .init("2026-10-31", 1, "2026-11-30", "November has 30 days"),
        .init("2026-07-31", 1, "2026-08-31", "July to August: both have 31"),
        .init("2026-12-31", 1, "2027-01-31", "over the year end: January has 31"),
        .init("2026-12-31", 2, "2027-02-28", "over the year end into a common February"),
        .init("2027-12-31", 2, "2028-02-29", "over the year end into a leap February"),
        .init("2026-11-15", 3, "2027-02-15", "three months over the year end"),
        .init("2026-08-31", 6, "2027-02-28", "six months from 31 Aug: the end of February"),
        .init("2026-01-31", 24, "2028-01-31", "two whole years"),
        .init("2026-01-31", 3, "2026-04-30", "three months from 31 Jan: 30 April (not 1 May)"),
        .init("2026-03-31", -1, "2026-02-28", "back a month from 31 Mar: the end of February"),
        .init("2028-03-31", -1, "2028-02-29", "back a month in a leap year"),
        .init("2028-03-30", -1, "2028-02-29", "no 30 Feb going back either"),
        .init("2026-01-31", -1, "2025-12-31", "back over the year end"),
        .init("2026-01-15", -13, "2024-12-15", "back thirteen months"),
        .init("2026-05-31", -3, "2026-02-28", "back three months to a short February"),
        .init("2026-12-15", -12, "2025-12-15", "back exactly one year"),
        .init("2026-06-30", -1200, "1926-06-30", "back a century"),
    ]

    @Test("Each vector's date", arguments: vectors)
    func vector(_ vector: Vector) throws {
        let from = try #require(LocalDate(vector.from))
        #expect(from.adding(months: vector.months).description == vector.expected)
    }

    @Test("Twelve months on from every day of 2026 is the same day of 2027")
    func wholeYear() throws {
        var day = try #require(LocalDate("2026-01-01"))
        while day.year == 2026 {
            let later = day.adding(months: 12)
            #expect(later.year == 2027 && later.month == day.month && later.day == day.day, "\(day)")
            day = day.adding(days: 1)
        }
    }

    @Test("A month on from any day is never more than the day number, and always in the next month")
    func neverOverflowsIntoTheMonthAfter() throws {
        var day = try #require(LocalDate("2027-01-01"))
        while day.year < 2029 {
            let later = day.adding(months: 1)
            let expectedMonth = day.month == 12 ? 1 : day.month + 1
            #expect(later.month == expectedMonth && later.day <= day.day, "\(day) → \(later)")
            day = day.adding(days: 1)
        }
    }
}
