import Foundation

/// What may be done to a complaint's stages under its policy, each refusal in words for the
/// officer or resident who tried.
public enum ComplaintRules {
    /// Whether the complaint may go to its next stage on `today`: the current stage has been
    /// answered, or its response is overdue (a resident left waiting may escalate), and the
    /// policy has a further stage.
    public static func escalationProblem(_ stages: [ComplaintStage], policy: ComplaintPolicy, calendar: WorkingDayCalendar,
                                         today: LocalDate) -> String? {
        guard let current = stages.last else { return "The complaint has no stage to escalate from" }
        guard current.number < policy.stages.count else {
            return "\(policy.stages[max(0, policy.stages.count - 1)].name) is the last stage: the resident may go to the Ombudsman"
        }
        let timetable = ComplaintTimetable(stage: current, policy: policy, calendar: calendar)
        guard current.response != nil || today > timetable.respondBy else {
            return "\(policy.stages[current.number - 1].name) has not been answered yet and is not overdue (due \(timetable.respondBy.description))"
        }
        return nil
    }

    /// Whether `officerID` may handle stage `number`: under a policy that wants a fresh pair of
    /// eyes, nobody who handled an earlier stage.
    public static func officerProblem(_ officerID: UUID, forStage number: Int, stages: [ComplaintStage], policy: ComplaintPolicy) -> String? {
        guard policy.differentOfficerEachStage,
              stages.contains(where: { $0.number < number && $0.officerID == officerID }) else { return nil }
        return "An officer who handled an earlier stage cannot handle stage \(number): choose someone else"
    }

    /// What is wrong with extending `stage`; empty when it may be recorded.
    public static func extensionProblems(_ proposed: ComplaintStage.Extension, stage: ComplaintStage, policy: ComplaintPolicy,
                                         calendar: WorkingDayCalendar) -> [String] {
        var problems: [String] = []
        let longest = policy.stages.indices.contains(stage.number - 1) ? policy.stages[stage.number - 1].longestExtensionWorkingDays : 0
        if stage.response != nil { problems.append("This stage has been answered") }
        if stage.extended != nil { problems.append("This stage has been extended already") }
        if longest == 0 {
            problems.append("This stage cannot be extended")
        } else if !(1...longest).contains(proposed.workingDays) {
            problems.append("Extend by 1 to \(longest) working days")
        }
        if proposed.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.append("Enter the reason for the extension") }
        let timetable = ComplaintTimetable(stage: stage, policy: policy, calendar: calendar)
        if proposed.residentToldOn > timetable.respondByUnextended {
            problems.append("The resident must be told before the response is due (\(timetable.respondByUnextended.description))")
        }
        return problems
    }

    /// What is missing from a stage's response; empty when it may be recorded.
    public static func responseProblems(_ response: ComplaintStage.Response, stage: ComplaintStage) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if stage.response != nil { problems.append(.init(field: "response", message: "This stage has been answered already")) }
        if stage.acknowledgedOn == nil { problems.append(.init(field: "response", message: "Acknowledge the complaint before answering it")) }
        if response.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append(.init(field: "response-text", message: "Enter the response sent to the resident"))
        }
        if response.rootCause.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append(.init(field: "root-cause", message: "Enter the root cause, or what was found when nothing went wrong"))
        }
        if response.outcome != .notUpheld, response.remedies.isEmpty {
            problems.append(.init(field: "remedies", message: "Select the remedy for an upheld complaint"))
        }
        if response.remedies.contains(.financial) {
            if (response.financialRemedyPence ?? 0) <= 0 { problems.append(.init(field: "financial-amount", message: "Enter the amount offered, in pounds")) }
        } else if response.financialRemedyPence != nil {
            problems.append(.init(field: "financial-amount", message: "An amount goes with a financial remedy: select it, or leave the amount blank"))
        }
        return problems
    }
}
