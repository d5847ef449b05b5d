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

extension SatisfactionFigures {
    public init(combining parts: [SatisfactionFigures]) {
        self.init(ratings: parts.reduce(into: [:]) { sum, part in sum.merge(part.ratings, uniquingKeysWith: +) },
                  pagesUseful: parts.reduce(0) { $0 + $1.pagesUseful }, pagesNotUseful: parts.reduce(0) { $0 + $1.pagesNotUseful })
    }
}

extension PerformanceCounts {
    /// The groups of every council side by side: each service and team belongs to one council,
    /// so their groups never collide, and every figure adds them up as it would one council's.
    public init(combining parts: [PerformanceCounts]) {
        self.init(contacts: parts.flatMap(\.contacts), received: parts.flatMap(\.received), resolved: parts.flatMap(\.resolved),
                  wards: parts.flatMap(\.wards), calls: CallFigures(combining: parts.map(\.calls)),
                  satisfaction: SatisfactionFigures(combining: parts.map(\.satisfaction)))
    }

    /// The same counts with each ward renamed, so that two councils' wards of the same name stay
    /// apart when combined. Cases with no ward keep none.
    public func renamingWards(_ rename: (String) -> String) -> PerformanceCounts {
        var renamed = self
        renamed.wards = wards.map { ward in
            var copy = ward
            copy.ward = ward.ward.map(rename)
            return copy
        }
        return renamed
    }
}

extension CostToServe {
    /// Each council's contacts at its own costs, added up: the councils of a shared service may
    /// cost a contact differently.
    public init(combining parts: [CostToServe]) {
        byChannel = parts.reduce(into: [:]) { sum, part in sum.merge(part.byChannel, uniquingKeysWith: +) }
        totalPence = byChannel.values.reduce(0, +)
        let savings = parts.compactMap(\.channelShiftSavingPence)
        // A council without a baseline saved nothing measurable; the others' savings still count.
        channelShiftSavingPence = savings.isEmpty ? nil : savings.reduce(0, +)
    }
}
