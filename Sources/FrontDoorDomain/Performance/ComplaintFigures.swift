/// The complaint figures managers and the Ombudsmen ask for, computed here once: the
/// percentage of complaints answered on time at each stage, and the percentage resolved at
/// stage 1. A stage counts in the period it was answered in, or, unanswered, the period its
/// response fell due in (an overdue answer is late whether or not it has come).
public struct ComplaintFigures: Sendable, Equatable {
    /// One complaint: its type, the policy it ran under (when known; else its type's current
    /// one), its stages and when it closed.
    public struct Complaint: Sendable, Equatable {
        public var type: ComplaintType
        public var policy: ComplaintPolicy?
        public var stages: [ComplaintStage]
        public var closedOn: LocalDate?

        public init(type: ComplaintType, policy: ComplaintPolicy? = nil, stages: [ComplaintStage], closedOn: LocalDate?) {
            self.type = type
            self.policy = policy
            self.stages = stages
            self.closedOn = closedOn
        }
    }

    public struct Stage: Sendable, Equatable {
        public var number: Int
        /// Stages answered in the period, and those whose response fell due in it unanswered.
        public var due: Int
        public var answeredOnTime: Int

        public var onTimePercentage: Double? { Percentage.of(answeredOnTime, due) }
    }

    public var stages: [Stage]
    /// Complaints closed in the period.
    public var closed: Int
    public var resolvedAtStageOne: Int

    public var resolvedAtStageOnePercentage: Double? { Percentage.of(resolvedAtStageOne, closed) }

    init(stages: [Stage], closed: Int, resolvedAtStageOne: Int) {
        self.stages = stages
        self.closed = closed
        self.resolvedAtStageOne = resolvedAtStageOne
    }

    public init(_ complaints: [Complaint], policies: (ComplaintType) -> ComplaintPolicy, calendar: WorkingDayCalendar,
                period: ClosedRange<LocalDate>, today: LocalDate) {
        var byStage: [Int: Stage] = [:]
        for complaint in complaints {
            let policy = complaint.policy ?? policies(complaint.type)
            for stage in complaint.stages {
                let timetable = ComplaintTimetable(stage: stage, policy: policy, calendar: calendar)
                let reckonedOn: LocalDate? = stage.response?.respondedOn ?? (today > timetable.respondBy ? timetable.respondBy : nil)
                guard let reckonedOn, period.contains(reckonedOn) else { continue }
                var figure = byStage[stage.number] ?? Stage(number: stage.number, due: 0, answeredOnTime: 0)
                figure.due += 1
                if let response = stage.response, response.respondedOn <= timetable.respondBy { figure.answeredOnTime += 1 }
                byStage[stage.number] = figure
            }
        }
        stages = byStage.values.sorted { $0.number < $1.number }
        let closedInPeriod = complaints.filter { $0.closedOn.map(period.contains) == true }
        closed = closedInPeriod.count
        resolvedAtStageOne = closedInPeriod.filter { ($0.stages.map(\.number).max() ?? 1) == 1 }.count
    }
}

/// A share as a percentage; nil when there is nothing to share (so a page says "no complaints"
/// instead of 0% or 100%).
public enum Percentage {
    public static func of(_ part: Int, _ whole: Int) -> Double? {
        whole == 0 ? nil : Double(part) * 100 / Double(whole)
    }
}
