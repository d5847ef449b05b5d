import Foundation

/// Which days a council works: Monday to Friday, except its bank holidays and its own closure
/// days (a Christmas shutdown, say).
public struct WorkingDayCalendar: Sendable, Equatable {
    public var nonWorkingDays: Set<LocalDate>

    public init(bankHolidays: Set<LocalDate>, closures: Set<LocalDate> = []) {
        self.nonWorkingDays = bankHolidays.union(closures)
    }

    /// A council's calendar: its nation's bank holidays and its closures.
    public static func council(nation: Nation, bankHolidays: BankHolidays, closures: Set<LocalDate> = []) -> WorkingDayCalendar {
        WorkingDayCalendar(bankHolidays: bankHolidays.dates(for: nation), closures: closures)
    }

    /// The union of all three nations' bank holidays (information requests).
    public static func allNations(_ bankHolidays: BankHolidays, closures: Set<LocalDate> = []) -> WorkingDayCalendar {
        WorkingDayCalendar(bankHolidays: bankHolidays.unionOfAllNations, closures: closures)
    }

    public func isWorkingDay(_ date: LocalDate) -> Bool {
        !date.isWeekend && !nonWorkingDays.contains(date)
    }

    /// The first working day after `date`.
    public func nextWorkingDay(after date: LocalDate) -> LocalDate {
        var day = date.adding(days: 1)
        while !isWorkingDay(day) { day = day.adding(days: 1) }
        return day
    }

    /// The `count`th working day after `date` (`date` itself when `count` is 0).
    public func adding(workingDays count: Int, to date: LocalDate) -> LocalDate {
        var day = date
        for _ in 0..<max(0, count) { day = nextWorkingDay(after: day) }
        return day
    }

    /// Working days in `start ..< end`.
    public func workingDays(from start: LocalDate, upTo end: LocalDate) -> Int {
        guard start < end else { return 0 }
        var count = 0
        var day = start
        while day < end {
            if isWorkingDay(day) { count += 1 }
            day = day.adding(days: 1)
        }
        return count
    }
}
