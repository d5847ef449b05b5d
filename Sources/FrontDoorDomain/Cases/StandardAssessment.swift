import Foundation

/// Where an open case stands against its deadline: overdue once the deadline has passed, due
/// soon when little time is left (so a team lead can act before it is missed), else on track.
public struct StandardAssessment: Sendable, Equatable {
    public var calendar: WorkingDayCalendar
    /// Due today or within this many working days counts as due soon.
    public var dueSoonWorkingDays: Int
    /// For hours standards: due within this long counts as due soon.
    public var dueSoonInterval: TimeInterval

    public init(calendar: WorkingDayCalendar, dueSoonWorkingDays: Int = 1, dueSoonInterval: TimeInterval = 2 * 3600) {
        self.calendar = calendar
        self.dueSoonWorkingDays = dueSoonWorkingDays
        self.dueSoonInterval = dueSoonInterval
    }

    public func state(of deadline: CaseDeadline, now: Date) -> StandardState {
        switch deadline {
        case .date(let due):
            let today = LocalDate(now)
            if today > due { return .breached }
            // Working days left after today, up to and including the due date.
            let left = calendar.workingDays(from: today.adding(days: 1), upTo: due.adding(days: 1))
            return left <= dueSoonWorkingDays ? .dueSoon : .onTrack
        case .instant(let due):
            if now > due { return .breached }
            return due.timeIntervalSince(now) <= dueSoonInterval ? .dueSoon : .onTrack
        }
    }

    /// The latest date whose deadlines could be due soon today: cases due after it are on track
    /// without looking (so a sweep need not read every open case).
    public func horizon(now: Date) -> LocalDate {
        calendar.adding(workingDays: dueSoonWorkingDays + 1, to: LocalDate(now))
    }

    /// How a case resolved at `resolvedAt` did: met when resolved on or before its deadline (the
    /// due date counts whole), and the working days it took, pauses left out.
    public func outcome(deadline: CaseDeadline, rules: DeadlineRules, receivedAt: Date, resolvedAt: Date,
                        pauses: [DeadlineRules.Pause]) -> StandardOutcome {
        let met: Bool
        switch deadline {
        case .date(let due): met = LocalDate(resolvedAt) <= due
        case .instant(let due): met = resolvedAt <= due
        }
        let start = rules.effectiveReceiptDay(receivedAt)
        let end = LocalDate(resolvedAt)
        let paused = pauses.reduce(0) { $0 + rules.pausedWorkingDays($1, now: resolvedAt) }
        let taken = max(0, calendar.workingDays(from: start.adding(days: 1), upTo: end.adding(days: 1)) - paused)
        return StandardOutcome(met: met, workingDaysTaken: taken)
    }
}
