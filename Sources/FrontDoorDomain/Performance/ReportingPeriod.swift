import Foundation

/// The dates a dashboard reports on, first to last inclusive (UK dates), and the period it is
/// compared with. Whole calendar months compare with the same number of whole months before
/// (October with September, a quarter with the quarter before); any other run of days with the
/// same number of days immediately before.
public struct ReportingPeriod: Sendable, Hashable {
    /// Two years (one with a 29 February in it): longer periods say nothing a manager can act
    /// on, and cost the most to count.
    public static let longestDays = 731

    public let first: LocalDate
    public let last: LocalDate

    public init?(first: LocalDate, last: LocalDate) {
        guard first <= last, first.days(to: last) < Self.longestDays else { return nil }
        self.first = first
        self.last = last
    }

    /// The calendar month `date` is in.
    public static func month(containing date: LocalDate) -> ReportingPeriod {
        let first = LocalDate(year: date.year, month: date.month, day: 1)!
        return ReportingPeriod(first: first, last: first.adding(months: 1).adding(days: -1))!
    }

    /// The last whole month before `today`'s: the default report, complete and recent.
    public static func lastWholeMonth(before today: LocalDate) -> ReportingPeriod {
        month(containing: LocalDate(year: today.year, month: today.month, day: 1)!.adding(days: -1))
    }

    /// The twelve whole months before `today`'s month.
    public static func lastTwelveMonths(before today: LocalDate) -> ReportingPeriod {
        let end = LocalDate(year: today.year, month: today.month, day: 1)!
        return ReportingPeriod(first: end.adding(months: -12), last: end.adding(days: -1))!
    }

    public var days: Int { first.days(to: last) + 1 }

    public var dates: ClosedRange<LocalDate> { first...last }

    /// From the start of the first day to the start of the day after the last, UK time.
    public var interval: DateInterval {
        DateInterval(start: first.start(), end: last.adding(days: 1).start())
    }

    /// How many whole calendar months the period is, when it is exactly that.
    public var wholeMonths: Int? {
        guard first.day == 1, last.adding(days: 1).day == 1 else { return nil }
        let next = last.adding(days: 1)
        return (next.year - first.year) * 12 + next.month - first.month
    }

    /// The period this one is compared with.
    public var previous: ReportingPeriod {
        if let months = wholeMonths {
            return ReportingPeriod(first: first.adding(months: -months), last: first.adding(days: -1))!
        }
        return ReportingPeriod(first: first.adding(days: -days), last: first.adding(days: -1))!
    }
}

extension ReportingPeriod {
    /// The steps a trend is drawn in: days for a fortnight or less, weeks (from the first day)
    /// up to three months, else calendar months; the first and last may be part-steps.
    public var steps: [ReportingPeriod] {
        if days <= 14 { return (0..<days).map { ReportingPeriod(first: first.adding(days: $0), last: first.adding(days: $0))! } }
        if days <= 92 {
            return stride(from: 0, to: days, by: 7).map { offset in
                ReportingPeriod(first: first.adding(days: offset), last: min(first.adding(days: offset + 6), last))!
            }
        }
        var steps: [ReportingPeriod] = [], start = first
        while start <= last {
            let monthEnd = LocalDate(year: start.year, month: start.month, day: 1)!.adding(months: 1).adding(days: -1)
            steps.append(ReportingPeriod(first: start, last: min(monthEnd, last))!)
            start = monthEnd.adding(days: 1)
        }
        return steps
    }
}
