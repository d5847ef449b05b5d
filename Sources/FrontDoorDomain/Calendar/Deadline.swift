import Foundation

/// When something must be done by, under a published standard: "N working days from receipt"
/// or, for urgent work, "N hours". The clock stops while the council waits for the customer,
/// and an extension (with its reason) adds working days.
public struct DeadlineRules: Sendable, Equatable {
    public var calendar: WorkingDayCalendar
    /// Received at or after this UK time counts as received the next working day (default 17:00).
    public var cutOffHour: Int
    public var cutOffMinute: Int

    public init(calendar: WorkingDayCalendar, cutOffHour: Int = 17, cutOffMinute: Int = 0) {
        self.calendar = calendar
        self.cutOffHour = cutOffHour
        self.cutOffMinute = cutOffMinute
    }

    /// The working day something received at `instant` counts from: that day if it is a working
    /// day and before the cut-off, otherwise the next working day.
    public func effectiveReceiptDay(_ instant: Date) -> LocalDate {
        let day = LocalDate(instant)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .london
        let time = calendar.dateComponents([.hour, .minute], from: instant)
        let beforeCutOff = (time.hour!, time.minute!) < (cutOffHour, cutOffMinute)
        return self.calendar.isWorkingDay(day) && beforeCutOff ? day : self.calendar.nextWorkingDay(after: day)
    }

    /// A stretch when the clock was stopped (awaiting the customer): from when the council asked
    /// to when the customer answered (nil while still waiting).
    public struct Pause: Sendable, Equatable {
        public var from: Date
        public var until: Date?

        public init(from: Date, until: Date?) {
            self.from = from
            self.until = until
        }
    }

    /// Extra working days granted, and why (the reason is recorded, and the resident told).
    public struct Extension: Sendable, Equatable {
        public var workingDays: Int
        public var reason: String

        public init(workingDays: Int, reason: String) {
            self.workingDays = workingDays
            self.reason = reason
        }
    }

    /// The working days a pause stopped the clock for: from its effective start day up to the
    /// effective day of the answer (counted like a receipt), so a day spent waiting is not counted.
    public func pausedWorkingDays(_ pause: Pause, now: Date) -> Int {
        let start = effectiveReceiptDay(pause.from)
        let end = effectiveReceiptDay(pause.until ?? now)
        return calendar.workingDays(from: start, upTo: end)
    }

    /// The due date of a working-days standard.
    public func dueDate(workingDays: Int, receivedAt: Date, pauses: [Pause] = [], extensions: [Extension] = [], now: Date) -> LocalDate {
        let stopped = pauses.reduce(0) { $0 + pausedWorkingDays($1, now: now) }
        let extra = extensions.reduce(0) { $0 + $1.workingDays }
        return calendar.adding(workingDays: workingDays + stopped + extra, to: effectiveReceiptDay(receivedAt))
    }

    /// The due instant of an hours standard: elapsed hours, plus the time spent paused.
    public func dueInstant(hours: Int, receivedAt: Date, pauses: [Pause] = [], now: Date) -> Date {
        let stopped = pauses.reduce(0.0) { $0 + max(0, ($1.until ?? now).timeIntervalSince($1.from)) }
        return receivedAt.addingTimeInterval(Double(hours) * 3600 + stopped)
    }
}
