/// The percentage of Freedom of Information (and EIR) requests answered within 20 working days,
/// computed here once. A request counts in the period it was answered in, or, unanswered, the
/// period its twentieth working day fell in. "Within 20 working days" is the statutory date
/// (clarifications and fee days allowed for, as the law does), not a public-interest extension.
public struct InformationRequestFigures: Sendable, Equatable {
    public struct Request: Sendable, Equatable {
        public var clock: StatutoryRequestClock
        public var answeredOn: LocalDate?

        public init(clock: StatutoryRequestClock, answeredOn: LocalDate?) {
            self.clock = clock
            self.answeredOn = answeredOn
        }
    }

    public var due: Int
    public var answeredWithinTwentyWorkingDays: Int

    public var withinTwentyWorkingDaysPercentage: Double? { Percentage.of(answeredWithinTwentyWorkingDays, due) }

    init(due: Int, answeredWithinTwentyWorkingDays: Int) {
        self.due = due
        self.answeredWithinTwentyWorkingDays = answeredWithinTwentyWorkingDays
    }

    /// `calendar` is the council's `StatutoryCalendars.informationRequests`. Requests waiting for a clarification or a
    /// fee, or lapsed unpaid, owe nothing yet and are left out unless answered.
    public init(_ requests: [Request], calendar: WorkingDayCalendar, period: ClosedRange<LocalDate>, today: LocalDate) {
        var due = 0, within = 0
        for request in requests where request.clock.kind != .subjectAccess {
            let statutory = request.clock.statutoryDue(calendar: calendar)
            let reckonedOn: LocalDate?
            if let answeredOn = request.answeredOn {
                reckonedOn = answeredOn
            } else if case .running = request.clock.state(on: today, calendar: calendar), today > statutory {
                reckonedOn = statutory
            } else {
                reckonedOn = nil
            }
            guard let reckonedOn, period.contains(reckonedOn) else { continue }
            due += 1
            if let answeredOn = request.answeredOn, answeredOn <= statutory { within += 1 }
        }
        self.due = due
        self.answeredWithinTwentyWorkingDays = within
    }
}
