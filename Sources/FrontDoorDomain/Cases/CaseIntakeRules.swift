import Foundation

/// The deadlines a new case gets from its service's standard and the council's calendar.
public struct CaseIntakeRules: Sendable {
    public var deadlines: DeadlineRules
    /// Working days to acknowledge a request (the council's published standard; 1 by default).
    public var acknowledgeWithinWorkingDays: Int
    public var statutoryCalendars: StatutoryCalendars

    public init(deadlines: DeadlineRules, acknowledgeWithinWorkingDays: Int = 1, statutoryCalendars: StatutoryCalendars? = nil) {
        self.deadlines = deadlines
        self.acknowledgeWithinWorkingDays = acknowledgeWithinWorkingDays
        self.statutoryCalendars = statutoryCalendars ?? StatutoryCalendars(informationRequests: deadlines.calendar, nation: deadlines.calendar)
    }

    public func acknowledgeBy(receivedAt: Date) -> LocalDate {
        deadlines.dueDate(workingDays: acknowledgeWithinWorkingDays, receivedAt: receivedAt, now: receivedAt)
    }

    public func resolveBy(_ standard: ServiceStandard, receivedAt: Date) -> CaseDeadline {
        switch standard.target {
        case .workingDays(let days): .date(deadlines.dueDate(workingDays: days, receivedAt: receivedAt, now: receivedAt))
        case .hours(let hours): .instant(deadlines.dueInstant(hours: hours, receivedAt: receivedAt, now: receivedAt))
        }
    }
}
