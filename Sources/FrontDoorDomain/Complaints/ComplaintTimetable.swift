/// A complaint stage's deadlines under a policy: acknowledge by, and respond by. Under the
/// codes the response counts from the acknowledgement (until it is sent, from the latest day it
/// may be sent); under the statutory children's procedure, from the request. An extension adds
/// its working days.
public struct ComplaintTimetable: Sendable, Equatable {
    public var acknowledgeBy: LocalDate
    public var respondBy: LocalDate
    /// The respond-by date before any extension.
    public var respondByUnextended: LocalDate

    public init(stage: ComplaintStage, policy: ComplaintPolicy, calendar: WorkingDayCalendar) {
        acknowledgeBy = calendar.adding(workingDays: policy.acknowledgementWorkingDays, to: stage.requestedOn)
        let days = policy.stages.indices.contains(stage.number - 1) ? policy.stages[stage.number - 1].responseWorkingDays : 0
        let from = policy.countsFromAcknowledgement ? (stage.acknowledgedOn.map { max($0, stage.requestedOn) } ?? acknowledgeBy) : stage.requestedOn
        respondByUnextended = calendar.adding(workingDays: days, to: from)
        respondBy = calendar.adding(workingDays: stage.extended?.workingDays ?? 0, to: respondByUnextended)
    }

    /// Answered by its date (so far, when not yet answered).
    public func isOnTime(_ stage: ComplaintStage, today: LocalDate) -> Bool {
        (stage.response?.respondedOn ?? today) <= respondBy
    }
}
