import Foundation

/// A callback as an advisor books it: a day, a window on UK clock time, the number to ring and
/// why. Checked all at once against the form's fields; the window becomes two instants in
/// Europe/London time, so "2pm" means 2pm to the customer in summer and winter alike.
public struct CallbackBooking: Sendable, Equatable {
    public var window: DateInterval
    public var phone: String
    public var reason: String

    public static let reasonLimit = 1_000
    /// How far ahead a callback may be promised: further than this is a case, not a callback.
    public static let furthestDaysAhead = 60
    public static let shortestWindowMinutes = 15

    public static func check(day: String, month: String, year: String, from: String, to: String, phone: String, reason: String,
                             now: Date) -> Result<CallbackBooking, FieldProblems> {
        var problems: [FieldProblem] = []
        let date = Int(day.trimmed).flatMap { d in Int(month.trimmed).flatMap { m in Int(year.trimmed).flatMap { LocalDate(year: $0, month: m, day: d) } } }
        if date == nil { problems.append(.init(field: "callback-date", message: "Enter the day of the callback as a real date, for example 27 11 2026")) }
        let start = minutesIntoDay(from), end = minutesIntoDay(to)
        if start == nil { problems.append(.init(field: "callback-from", message: "Enter when the window opens as a time, for example 14:00")) }
        if end == nil { problems.append(.init(field: "callback-to", message: "Enter when the window closes as a time, for example 16:00")) }
        if let start, let end, end - start < shortestWindowMinutes {
            problems.append(.init(field: "callback-to", message: "The window must close at least \(shortestWindowMinutes) minutes after it opens"))
        }
        let phone = phone.trimmed
        if !PhoneNumberRule.isPlausible(phone) {
            problems.append(.init(field: "callback-phone", message: "Enter the number to ring, like 01632 960 001 or 07700 900 982"))
        }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.isEmpty {
            problems.append(.init(field: "callback-reason", message: "Enter what the callback is about"))
        } else if reason.count > reasonLimit {
            problems.append(.init(field: "callback-reason", message: "What it is about must be 1,000 characters or fewer"))
        }
        var window: DateInterval?
        if let date, let start, let end, end > start,
           let opensLocal = Self.onLondonClock(date, minutes: start), let closesLocal = Self.onLondonClock(date, minutes: end) {
            if closesLocal <= opensLocal {
                // Only on the night the clocks go forward: 01:00 to 02:00 does not happen.
                problems.append(.init(field: "callback-from", message: "That time does not exist on the day the clocks go forward: choose a window after 02:00"))
            } else if closesLocal <= now {
                problems.append(.init(field: "callback-date", message: "The window must end in the future"))
            } else if date > LocalDate(now).adding(days: furthestDaysAhead) {
                problems.append(.init(field: "callback-date", message: "The callback must be within \(furthestDaysAhead) days"))
            } else {
                window = DateInterval(start: opensLocal, end: closesLocal)
            }
        }
        guard problems.isEmpty, let window else { return .failure(FieldProblems(all: problems)) }
        return .success(CallbackBooking(window: window, phone: phone, reason: reason))
    }

    /// "14:00", "14.00", "1400" or "14" → 840.
    static func minutesIntoDay(_ typed: String) -> Int? {
        let digits = typed.trimmed.replacingOccurrences(of: ".", with: ":")
        let parts = digits.contains(":") ? digits.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            : digits.count > 2 ? [String(digits.dropLast(2)), String(digits.suffix(2))] : [digits, "0"]
        guard parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]),
              (0...23).contains(hours), (0...59).contains(minutes) else { return nil }
        return hours * 60 + minutes
    }

    static func onLondonClock(_ date: LocalDate, minutes: Int) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .london
        return calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: minutes / 60, minute: minutes % 60))
    }
}

private extension String {
    var trimmed: String { trimmingCharacters(in: .whitespaces) }
}
