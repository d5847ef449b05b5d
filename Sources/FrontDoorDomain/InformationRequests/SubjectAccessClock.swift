/// When a subject access request must be answered (UK GDPR art. 12(3), as the regulator reads
/// it): one calendar month from the day the clock starts, that is the same day of the next
/// month, or the month's last day when it has none; a deadline on a weekend or bank holiday
/// moves to the next working day. The clock starts on receipt, or, when the requester's
/// identity must be checked, on the day the check is done. It may be extended by up to two
/// further months, with a reason, when the requester is told within the first month.
public struct SubjectAccessClock: Sendable, Equatable {
    public static let longestExtensionMonths = 2

    public struct Extension: Sendable, Equatable {
        public var months: Int
        public var reason: String
        public var toldOn: LocalDate

        public init(months: Int, reason: String, toldOn: LocalDate) {
            self.months = months
            self.reason = reason
            self.toldOn = toldOn
        }
    }

    public enum State: Sendable, Equatable {
        case awaitingIdentity
        /// `due` with any extension; `original` one month from the start.
        case running(due: LocalDate, original: LocalDate)
    }

    public var receivedOn: LocalDate
    public var identityCheckNeeded: Bool
    public var identityVerifiedOn: LocalDate?
    public var extended: Extension?

    public init(receivedOn: LocalDate, identityCheckNeeded: Bool, identityVerifiedOn: LocalDate? = nil, extended: Extension? = nil) {
        self.receivedOn = receivedOn
        self.identityCheckNeeded = identityCheckNeeded
        self.identityVerifiedOn = identityVerifiedOn
        self.extended = extended
    }

    /// The day the month counts from; nil while the identity check waits.
    public var startsOn: LocalDate? {
        guard identityCheckNeeded else { return receivedOn }
        return identityVerifiedOn.map { max($0, receivedOn) }
    }

    /// The clock, with non-working days from `calendar` (the council's nation's bank holidays).
    public func state(calendar: WorkingDayCalendar) -> State {
        guard let start = startsOn else { return .awaitingIdentity }
        let original = Self.due(start, months: 1, calendar: calendar)
        let due = extended.map { Self.due(start, months: 1 + $0.months, calendar: calendar) } ?? original
        return .running(due: due, original: original)
    }

    static func due(_ start: LocalDate, months: Int, calendar: WorkingDayCalendar) -> LocalDate {
        let date = start.adding(months: months)
        return calendar.isWorkingDay(date) ? date : calendar.nextWorkingDay(after: date)
    }

    public func problems(with proposed: Extension, calendar: WorkingDayCalendar) -> [String] {
        var problems: [String] = []
        if !(1...Self.longestExtensionMonths).contains(proposed.months) { problems.append("Extend by one or two months") }
        if proposed.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.append("Enter the reason for the extension") }
        switch state(calendar: calendar) {
        case .awaitingIdentity:
            problems.append("The clock has not started: record the identity check first")
        case .running(_, let original):
            if proposed.toldOn > original { problems.append("The requester must be told by \(original.description), within the first month") }
        }
        return problems
    }
}
