/// The annual complaints report a council publishes: how many complaints each service had, how
/// each stage was answered (on time, how long it took, with what outcome), and the compliments
/// and comments received. Built from the same figures as the dashboard (`ComplaintFigures`).
public struct ComplaintAnnualReport: Sendable, Equatable {
    /// One complaint with the service it was about and the policy it ran under.
    public struct Entry: Sendable, Equatable {
        public var serviceName: String
        public var receivedOn: LocalDate
        public var complaint: ComplaintFigures.Complaint

        public init(serviceName: String, receivedOn: LocalDate, complaint: ComplaintFigures.Complaint) {
            self.serviceName = serviceName
            self.receivedOn = receivedOn
            self.complaint = complaint
        }
    }

    public struct OutcomeCounts: Sendable, Equatable {
        public var upheld = 0
        public var partlyUpheld = 0
        public var notUpheld = 0

        public init(upheld: Int = 0, partlyUpheld: Int = 0, notUpheld: Int = 0) {
            self.upheld = upheld
            self.partlyUpheld = partlyUpheld
            self.notUpheld = notUpheld
        }

        mutating func count(_ outcome: ComplaintStage.Outcome) {
            switch outcome {
            case .upheld: upheld += 1
            case .partlyUpheld: partlyUpheld += 1
            case .notUpheld: notUpheld += 1
            }
        }
    }

    public struct ServiceRow: Sendable, Equatable {
        public var serviceName: String
        /// Complaints received in the period.
        public var received: Int
        /// Stage responses sent in the period, by outcome.
        public var outcomes: OutcomeCounts
        /// Complaints that went beyond stage 1 in the period (asked for stage 2 in it; a later stage is the same complaint).
        public var escalated: Int
    }

    public struct StageRow: Sendable, Equatable {
        public var number: Int
        /// Responses sent in the period.
        public var answered: Int
        /// Responses due in the period (sent, or overdue) and those sent on time: as `ComplaintFigures`.
        public var due: Int
        public var answeredOnTime: Int
        /// Mean working days from the stage's request to its response, for those sent in the period.
        public var averageWorkingDays: Double?
        public var outcomes: OutcomeCounts

        public var onTimePercentage: Double? { Percentage.of(answeredOnTime, due) }
    }

    /// Compliments or comments a service received.
    public struct Count: Sendable, Equatable {
        public var serviceName: String
        public var count: Int

        public init(serviceName: String, count: Int) {
            self.serviceName = serviceName
            self.count = count
        }
    }

    public var period: ClosedRange<LocalDate>
    public var received: Int
    public var figures: ComplaintFigures
    public var byService: [ServiceRow]
    public var byStage: [StageRow]
    public var compliments: [Count]
    public var comments: [Count]

    public init(_ entries: [Entry], compliments: [Count], comments: [Count], policies: (ComplaintType) -> ComplaintPolicy,
                calendar: WorkingDayCalendar, period: ClosedRange<LocalDate>, today: LocalDate) {
        self.period = period
        figures = ComplaintFigures(entries.map(\.complaint), policies: policies, calendar: calendar, period: period, today: today)
        var services: [String: ServiceRow] = [:]
        var stages: [Int: (row: StageRow, totalDays: Int)] = [:]
        for entry in entries {
            var service = services[entry.serviceName] ?? ServiceRow(serviceName: entry.serviceName, received: 0, outcomes: OutcomeCounts(), escalated: 0)
            if period.contains(entry.receivedOn) { service.received += 1 }
            for stage in entry.complaint.stages {
                if stage.number == 2, period.contains(stage.requestedOn) { service.escalated += 1 }
                guard let response = stage.response, period.contains(response.respondedOn) else { continue }
                service.outcomes.count(response.outcome)
                var stageRow = stages[stage.number] ?? (StageRow(number: stage.number, answered: 0, due: 0, answeredOnTime: 0, averageWorkingDays: nil,
                                                                 outcomes: OutcomeCounts()), 0)
                stageRow.row.answered += 1
                stageRow.row.outcomes.count(response.outcome)
                stageRow.totalDays += calendar.workingDays(from: stage.requestedOn.adding(days: 1), upTo: response.respondedOn.adding(days: 1))
                stages[stage.number] = stageRow
            }
            services[entry.serviceName] = service
        }
        for figure in figures.stages {
            var stageRow = stages[figure.number] ?? (StageRow(number: figure.number, answered: 0, due: 0, answeredOnTime: 0, averageWorkingDays: nil,
                                                              outcomes: OutcomeCounts()), 0)
            stageRow.row.due = figure.due
            stageRow.row.answeredOnTime = figure.answeredOnTime
            stages[figure.number] = stageRow
        }
        byStage = stages.values.map { stage in
            var row = stage.row
            row.averageWorkingDays = row.answered == 0 ? nil : Double(stage.totalDays) / Double(row.answered)
            return row
        }.sorted { $0.number < $1.number }
        byService = services.values.filter { $0.received > 0 || $0.escalated > 0 || $0.outcomes != OutcomeCounts() }
            .sorted { ($0.received, $1.serviceName) > ($1.received, $0.serviceName) }
        received = byService.reduce(0) { $0 + $1.received }
        self.compliments = compliments.filter { $0.count > 0 }
        self.comments = comments.filter { $0.count > 0 }
    }
}
