/// When a subject access request must be answered (UK GDPR art. 12(3), as the regulator reads
/// it): one calendar month from the day the clock starts, that is the same day of the next
/// month, or the month's last day when it has none; a deadline on a weekend or bank holiday
/// moves to the next working day. The clock starts on receipt, or, when the requester's
/// identity must be checked, on the day the check is done. It may be extended by up to two
/// further months, with a reason, when the requester is told within the first month.
///
/// Clarification: since the Data (Use and Access) Act 2025 (UK GDPR art. 12A) the law, as the
/// regulator's guidance did before it, stops the clock while the council waits for the
/// requester to say what they want, when it holds a lot about them. The clock is paused, not
/// started afresh: the calendar days waited are added to the date the answer is due. The Act
/// counts the paused period with both ends (the day asked to the day answered) and a month
/// "beginning with" the start day (ending the day before the same date next month); counting
/// the regulator's way (due on the same date next month) with one end of the pause gives the
/// same date, which is how it is done here.
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
        case awaitingClarification(since: LocalDate)
        /// `due` with any extension; `original` one month from the start.
        case running(due: LocalDate, original: LocalDate)
    }

    public var receivedOn: LocalDate
    public var identityCheckNeeded: Bool
    public var identityVerifiedOn: LocalDate?
    public var extended: Extension?
    public var clarifications: [StatutoryRequestClock.Clarification]

    public init(receivedOn: LocalDate, identityCheckNeeded: Bool, identityVerifiedOn: LocalDate? = nil, extended: Extension? = nil,
                clarifications: [StatutoryRequestClock.Clarification] = []) {
        self.receivedOn = receivedOn
        self.identityCheckNeeded = identityCheckNeeded
        self.identityVerifiedOn = identityVerifiedOn
        self.extended = extended
        self.clarifications = clarifications
    }

    /// The calendar days the clock stood still waiting for answered clarifications, counted
    /// from the later of the question and the clock's start (a question asked while the
    /// identity check waited stopped nothing).
    public var pausedDays: Int {
        guard let start = startsOn else { return 0 }
        return clarifications.reduce(0) { total, clarification in
            guard let answeredOn = clarification.answeredOn else { return total }
            return total + max(0, max(clarification.askedOn, start).days(to: answeredOn))
        }
    }

    /// The day the month counts from; nil while the identity check waits.
    public var startsOn: LocalDate? {
        guard identityCheckNeeded else { return receivedOn }
        return identityVerifiedOn.map { max($0, receivedOn) }
    }

    /// The clock, with non-working days from `calendar` (the council's nation's bank holidays).
    public func state(calendar: WorkingDayCalendar) -> State {
        guard let start = startsOn else { return .awaitingIdentity }
        if let waiting = clarifications.last(where: { $0.answeredOn == nil }) { return .awaitingClarification(since: waiting.askedOn) }
        let original = Self.due(start, months: 1, pausedDays: pausedDays, calendar: calendar)
        let due = extended.map { Self.due(start, months: 1 + $0.months, pausedDays: pausedDays, calendar: calendar) } ?? original
        return .running(due: due, original: original)
    }

    static func due(_ start: LocalDate, months: Int, pausedDays: Int = 0, calendar: WorkingDayCalendar) -> LocalDate {
        let date = start.adding(months: months).adding(days: pausedDays)
        return calendar.isWorkingDay(date) ? date : calendar.nextWorkingDay(after: date)
    }

    public func problems(with proposed: Extension, calendar: WorkingDayCalendar) -> [String] {
        var problems: [String] = []
        if !(1...Self.longestExtensionMonths).contains(proposed.months) { problems.append("Extend by one or two months") }
        if proposed.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.append("Enter the reason for the extension") }
        switch state(calendar: calendar) {
        case .awaitingIdentity:
            problems.append("The clock has not started: record the identity check first")
        case .awaitingClarification:
            problems.append("The clock is stopped while the requester clarifies: record their answer first")
        case .running(_, let original):
            if proposed.toldOn > original { problems.append("The requester must be told by \(original.description), within the first month") }
        }
        return problems
    }
}
