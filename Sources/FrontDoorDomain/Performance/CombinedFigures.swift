/// Several councils' figures as one, for a shared service: counts add up, and the percentages
/// are taken from the sums (never averaged, which would weigh a small council like a large one).
extension ComplaintFigures {
    public init(combining parts: [ComplaintFigures]) {
        var byStage: [Int: Stage] = [:]
        for stage in parts.flatMap(\.stages) {
            var sum = byStage[stage.number] ?? Stage(number: stage.number, due: 0, answeredOnTime: 0)
            sum.due += stage.due
            sum.answeredOnTime += stage.answeredOnTime
            byStage[stage.number] = sum
        }
        self.init(stages: byStage.values.sorted { $0.number < $1.number }, closed: parts.reduce(0) { $0 + $1.closed },
                  resolvedAtStageOne: parts.reduce(0) { $0 + $1.resolvedAtStageOne })
    }
}

extension InformationRequestFigures {
    public init(combining parts: [InformationRequestFigures]) {
        self.init(due: parts.reduce(0) { $0 + $1.due }, answeredWithinTwentyWorkingDays: parts.reduce(0) { $0 + $1.answeredWithinTwentyWorkingDays })
    }
}

extension CallFigures {
    /// The wait is averaged over every council's calls that reported one, as if counted together.
    public init(combining parts: [CallFigures]) {
        let waits = parts.reduce(0) { $0 + $1.waitsReported }
        let waited = parts.reduce(0.0) { $0 + ($1.averageWaitSeconds ?? 0) * Double($1.waitsReported) }
        self.init(offered: parts.reduce(0) { $0 + $1.offered }, answered: parts.reduce(0) { $0 + $1.answered },
                  abandoned: parts.reduce(0) { $0 + $1.abandoned }, averageWaitSeconds: waits == 0 ? nil : waited / Double(waits),
                  waitsReported: waits)
    }
}
