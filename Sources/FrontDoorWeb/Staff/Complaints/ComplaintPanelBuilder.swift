import Foundation
import FrontDoorDomain
import FrontDoorPersistence

/// Builds a complaint's panel for its case page from the stored complaint, its learning actions
/// and referral, showing what was typed again beside any problem.
struct ComplaintPanelBuilder: Sendable {
    let complaints: ComplaintRepository
    let learning: LearningActionRepository
    let referrals: OmbudsmanReferralRepository
    let subjects: CaseSubjectRepository
    let processes: ServiceProcessRepository
    let staffAccounts: StaffAccountRepository
    let calendars: CouncilCalendarRepository

    init(database: Database, hasher: PasswordHasher, bankHolidays: BankHolidays) {
        complaints = ComplaintRepository(database: database)
        learning = LearningActionRepository(database: database)
        referrals = OmbudsmanReferralRepository(database: database)
        subjects = CaseSubjectRepository(database: database)
        processes = ServiceProcessRepository(database: database)
        staffAccounts = StaffAccountRepository(database: database, hasher: hasher)
        calendars = CouncilCalendarRepository(database: database, shipped: bankHolidays)
    }

    /// The panel, or nil when the case is not a complaint.
    func panel(_ item: Case, _ context: StaffRequestContext, problems: [FieldError], typed: FormInput?) async throws -> ComplaintPanel? {
        guard let complaint = try await complaints.find(caseID: item.id), let current = complaint.stages.last,
              let council = context.council else { return nil }
        let calendar = try await calendars.rules(for: council).deadlines.calendar
        let policy = complaint.policy
        let today = LocalDate(Date())
        func error(_ field: String) -> String? { problems.first { $0.fieldID == field }?.message }
        func value(_ field: String) -> String? { typed.map { $0[field] } }
        let anyError: ([String]) -> Bool = { fields in problems.contains { fields.contains($0.fieldID) } }

        let staff = try await staffAccounts.all(councilID: item.councilID)
        let names = Dictionary(staff.map { ($0.id, $0.displayName) }, uniquingKeysWith: { first, _ in first })
        let officers = staff.filter { CaseQueueRoutes.caseworkRoles.contains($0.role) }
        let councilServices = try await processes.ordinaryServices(councilID: item.councilID)
        let aboutID = try await subjects.serviceID(caseID: item.id)
        let aboutName = aboutID.flatMap { id in councilServices.first { $0.id == id }?.name }

        let scope = ResourceScope(councilID: item.councilID, owningTeamID: item.teamID)
        let mayHandle = Permissions.isAllowed(context.member, .handleComplaint, on: scope)
        let ended = [.withdrawn, .duplicate, .closed].contains(item.status)
        let base = context.basePath + StaffPaths.cases + "/" + item.reference.description + "/complaint"
        func target(_ path: String) -> ComplaintPanel.Target {
            .init(action: base + path, csrfToken: context.csrfToken, version: String(item.version))
        }
        let stageName = { (number: Int) in policy.stages.indices.contains(number - 1) ? policy.stages[number - 1].name : "Stage \(number)" }

        let summary = SummaryList(rows: [
            .init(key: "Type", value: complaint.type.displayName),
            .init(key: "Policy", value: policy == .standard(for: complaint.type)
                ? "The standard timescales for this type (\(policy.stages.count) stages)"
                : "The council's own policy (\(policy.stages.count) stages)"),
            .init(key: "About the service", value: aboutName ?? "Not recorded yet"),
        ])
        let stages = complaint.stages.map { stage in
            let timetable = ComplaintTimetable(stage: stage, policy: policy, calendar: calendar)
            var rows: [SummaryList.Row] = [.init(key: "Asked for", value: CaseDates.date(stage.requestedOn))]
            if !stage.reason.isEmpty { rows.append(.init(key: "Why the resident escalated", value: stage.reason)) }
            rows.append(.init(key: "Acknowledge by", value: CaseDates.date(timetable.acknowledgeBy) + (stage.acknowledgedOn.map {
                " (acknowledged \(CaseDates.date($0)), " + ($0 <= timetable.acknowledgeBy ? "on time)" : "late)")
            } ?? "")))
            rows.append(.init(key: "Officer", value: stage.officerID.flatMap { names[$0] } ?? "Not yet chosen"))
            rows.append(.init(key: "Respond by", value: CaseDates.date(timetable.respondBy) + (stage.extended.map {
                " (extended by \($0.workingDays) working days: \($0.reason))"
            } ?? "")))
            if let response = stage.response {
                rows.append(.init(key: "Responded", value: CaseDates.date(response.respondedOn)
                                  + (timetable.isOnTime(stage, today: today) ? " (on time)" : " (late)")))
                rows.append(.init(key: "Outcome", value: response.outcome.displayName))
                let remedies = ComplaintStage.Remedy.allCases.filter(response.remedies.contains).map { remedy in
                    remedy == .financial ? remedy.displayName + (response.financialRemedyPence.map { " of " + Money.pounds($0) } ?? "") : remedy.displayName
                }
                rows.append(.init(key: "Remedy", value: remedies.isEmpty ? "None" : remedies.joined(separator: ", ")))
                rows.append(.init(key: "Root cause", value: response.rootCause))
                rows.append(.init(key: "Response", value: response.text))
            }
            return ComplaintPanel.StageSummary(heading: stageName(stage.number), details: SummaryList(rows: rows))
        }

        let stageOpen = mayHandle && !ended && current.response == nil
        var panel = ComplaintPanel(
            heading: "Complaint: \(stageName(current.number).lowercased()) of \(policy.stages.count)", summary: summary, stages: stages,
            learning: [], hasLearning: false)
        if mayHandle {
            panel.subject = .init(target: target("/subject"),
                                  service: Select(id: "about-service", label: Label("Which service is it about?"),
                                                  hint: "So the annual report counts it against that service.", error: error("about-service"),
                                                  options: [(value: "", text: "Not recorded")] + councilServices.map { (value: $0.id.uuidString, text: $0.name) },
                                                  selected: value("about-service") ?? aboutID?.uuidString ?? ""),
                                  save: Button("Save the service", variant: .secondary))
        }
        if stageOpen, current.acknowledgedOn == nil {
            let earlier = Set(complaint.stages.filter { $0.number < current.number }.compactMap(\.officerID))
            let choices = officers.filter { !(policy.differentOfficerEachStage && earlier.contains($0.id)) }
            panel.acknowledge = .init(
                target: target("/acknowledge"),
                officer: Select(id: "complaint-officer", label: Label("Officer who will handle \(stageName(current.number).lowercased())"),
                                hint: earlier.isEmpty || !policy.differentOfficerEachStage ? nil : "Someone who did not handle an earlier stage.",
                                error: error("complaint-officer"), options: [(value: "", text: "Select an officer")] + choices.map { (value: $0.id.uuidString, text: $0.displayName) },
                                selected: value("complaint-officer") ?? current.officerID?.uuidString),
                save: Button("Acknowledge the complaint"))
        }
        let longest = policy.stages.indices.contains(current.number - 1) ? policy.stages[current.number - 1].longestExtensionWorkingDays : 0
        if stageOpen, current.extended == nil, longest > 0 {
            panel.extend = .init(
                target: target("/extend"),
                days: TextInput(id: "complaint-extra-days", label: Label("Extra working days"), hint: "Up to \(longest).",
                                error: error("complaint-extra-days"), value: value("complaint-extra-days"), inputmode: "numeric", spellcheck: false,
                                widthClass: "fd-input--width-4"),
                reason: TextInput(id: "complaint-extension-reason", label: Label("Reason (the resident is told)"), error: error("complaint-extension-reason"),
                                  value: value("complaint-extension-reason")),
                save: Button("Extend this stage", variant: .secondary), isOpen: anyError(["complaint-extra-days", "complaint-extension-reason"]))
        }
        if stageOpen, current.acknowledgedOn != nil {
            let remedies = Set(typed?.all("remedies") ?? [])
            panel.respond = .init(
                target: target("/respond"),
                outcome: Radios(ChoiceGroup(idPrefix: "outcome", fieldset: Fieldset(legend: "Outcome"), error: error("outcome"),
                                            options: ComplaintStage.Outcome.allCases.map { (value: $0.rawValue, text: $0.displayName, hint: String?.none) },
                                            selected: Set([value("outcome") ?? ""]))),
                remedies: Checkboxes(ChoiceGroup(idPrefix: "remedies", fieldset: Fieldset(legend: "Remedy"), hint: "Select all that were offered.",
                                                 error: error("remedies"),
                                                 options: ComplaintStage.Remedy.allCases.map { (value: $0.rawValue, text: $0.displayName, hint: String?.none) },
                                                 selected: remedies)),
                amount: TextInput(id: "financial-amount", label: Label("Financial remedy, in pounds"), hint: "Only with a financial remedy, like 50.00.",
                                  error: error("financial-amount"), value: value("financial-amount"), inputmode: "decimal", spellcheck: false,
                                  widthClass: "fd-input--width-10"),
                rootCause: Textarea(id: "root-cause", label: Label("Root cause"), hint: "What went wrong and why, or what was found when nothing did.",
                                    error: error("root-cause"), value: value("root-cause"), rows: 3),
                text: Textarea(id: "response-text", label: Label("Response to the resident"), hint: "Sent to them and shown on their timeline.",
                               error: error("response-text"), value: value("response-text"), rows: 8),
                save: Button("Send the response"))
        }
        if mayHandle, !ended,
           ComplaintRules.escalationProblem(complaint.stages, policy: policy, calendar: calendar, today: today) == nil {
            panel.escalate = .init(
                target: target("/escalate"),
                reason: Textarea(id: "escalation-reason", label: Label("Why the resident wants \(stageName(current.number + 1).lowercased())"),
                                 hint: "In their words, as they told you. They are sent it.", error: error("escalation-reason"),
                                 value: value("escalation-reason"), rows: 4),
                save: Button("Escalate the complaint", variant: .secondary), isOpen: anyError(["escalation-reason"]))
        }

        let mayPublish = mayHandle
        panel.learning = try await learning.all(caseID: item.id).map { action in
            var rows: [SummaryList.Row] = [
                .init(key: "You said", value: action.youSaid), .init(key: "We will do", value: action.weDid),
                .init(key: "Owner", value: names[action.ownerID] ?? "No longer here"),
                .init(key: "Due", value: CaseDates.date(action.dueOn) + (action.isOverdue(today: today) ? " (overdue)" : "")),
            ]
            rows.append(.init(key: "Progress", value: action.completedOn.map { "Done \(CaseDates.date($0))" + (action.published ? ", published" : "") } ?? "Not done yet"))
            var next: ComplaintPanel.LearningStep?
            if mayHandle {
                let path = "/learning/" + action.id.uuidString.lowercased()
                if action.completedOn == nil {
                    next = .init(target: target(path), step: "done", save: Button("Mark as done", variant: .secondary))
                } else if mayPublish {
                    next = action.published ? .init(target: target(path), step: "unpublish", save: Button("Stop publishing", variant: .secondary))
                        : .init(target: target(path), step: "publish", save: Button("Publish on \u{201C}You said, we did\u{201D}", variant: .secondary))
                }
            }
            return ComplaintPanel.LearningRow(details: SummaryList(rows: rows), next: next)
        }
        panel.hasLearning = !panel.learning.isEmpty
        if mayHandle {
            let due = typed?.typedDate("learning-due")
            panel.addLearning = .init(
                target: target("/learning"),
                youSaid: Textarea(id: "you-said", label: Label("You said"), hint: "What the resident told us, without their name or other details: it may be published.",
                                  error: error("you-said"), value: value("you-said"), rows: 3),
                weDid: Textarea(id: "we-did", label: Label("We will do"), hint: "What the council will change.", error: error("we-did"),
                                value: value("we-did"), rows: 3),
                owner: Select(id: "learning-owner", label: Label("Owner"), error: error("learning-owner"),
                              options: [(value: "", text: "Select an owner")] + officers.map { (value: $0.id.uuidString, text: $0.displayName) },
                              selected: value("learning-owner")),
                due: DateInput(id: "learning-due", fieldset: Fieldset(legend: "Due by"), hint: "For example, 31 3 2027", error: error("learning-due"),
                               day: due?.day, month: due?.month, year: due?.year),
                save: Button("Add the learning action", variant: .secondary),
                isOpen: anyError(["you-said", "we-did", "learning-owner", "learning-due"]))
        }

        let referral = try await referrals.find(caseID: item.id)
        panel.referral = referral.map { referral in
            SummaryList(rows: [
                .init(key: "Ombudsman", value: referral.ombudsman.displayName), .init(key: "Their reference", value: referral.reference),
                .init(key: "Referred", value: CaseDates.date(referral.referredOn)),
                .init(key: "Decision", value: referral.decision.map { decision in
                    decision.displayName + (referral.decidedOn.map { ", \(CaseDates.date($0))" } ?? "")
                } ?? "Awaited"),
            ] + (referral.remedyRequired.isEmpty ? [] : [.init(key: "Remedy required", value: referral.remedyRequired)]))
        }
        if mayHandle {
            let referred = typed?.typedDate("ombudsman-referred") ?? referral.map { (String($0.referredOn.day), String($0.referredOn.month), String($0.referredOn.year)) }
            let decided = typed?.typedDate("ombudsman-decided") ?? referral?.decidedOn.map { (String($0.day), String($0.month), String($0.year)) }
            panel.recordReferral = .init(
                target: target("/ombudsman"),
                ombudsman: Select(id: "ombudsman", label: Label("Ombudsman"),
                                  options: OmbudsmanReferral.Ombudsman.allCases.map { (value: $0.rawValue, text: $0.displayName) },
                                  selected: value("ombudsman") ?? referral?.ombudsman.rawValue ?? OmbudsmanReferral.Ombudsman.localGovernment.rawValue),
                reference: TextInput(id: "ombudsman-reference", label: Label("Their reference"), error: error("ombudsman-reference"),
                                     value: value("ombudsman-reference") ?? referral?.reference, spellcheck: false, widthClass: "fd-input--width-20"),
                referredOn: DateInput(id: "ombudsman-referred", fieldset: Fieldset(legend: "Referred on"), error: error("ombudsman-referred"),
                                      day: referred?.0, month: referred?.1, year: referred?.2),
                decision: Select(id: "ombudsman-decision", label: Label("Decision"), error: error("ombudsman-decision"),
                                 options: [(value: "", text: "Not decided yet")] + OmbudsmanReferral.Decision.allCases.map { (value: $0.rawValue, text: $0.displayName) },
                                 selected: value("ombudsman-decision") ?? referral?.decision?.rawValue ?? ""),
                decidedOn: DateInput(id: "ombudsman-decided", fieldset: Fieldset(legend: "Decided on"), hint: "Leave blank until it decides.",
                                     error: error("ombudsman-decided"), day: decided?.0, month: decided?.1, year: decided?.2),
                remedy: Textarea(id: "ombudsman-remedy", label: Label("Remedy it required (optional)"), error: error("ombudsman-remedy"),
                                 value: value("ombudsman-remedy") ?? referral?.remedyRequired, rows: 3),
                save: Button(referral == nil ? "Record the referral" : "Update the referral", variant: .secondary),
                isOpen: anyError(["ombudsman-reference", "ombudsman-referred", "ombudsman-decision", "ombudsman-decided", "ombudsman-remedy"]))
        }
        return panel
    }
}
