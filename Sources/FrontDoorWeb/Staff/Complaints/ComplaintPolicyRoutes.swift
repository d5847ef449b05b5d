import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// Administrators set how their council times complaints of each type, within the domain's
/// limits; the page says when a policy departs from the Ombudsmen's code. Every change is audited.
struct ComplaintPolicyRoutes {
    let renderer: PageRenderer
    let complaints: ComplaintRepository
    let audit: AuditTrail

    /// Stage rows offered: a stage whose boxes are all left blank is not part of the policy.
    static let stageRows = 5

    init(renderer: PageRenderer, database: Database) {
        self.renderer = renderer
        complaints = ComplaintRepository(database: database)
        audit = AuditTrail(database: database)
    }

    func register(on router: Router<ResidentRequestContext>) {
        let routes = self
        let staff = router.group(RouterPath(StaffPaths.complaintPolicy), context: StaffRequestContext.self)

        staff.get { request, context -> Response in
            try context.require(.manageCouncilSettings)
            let saved = request.uri.queryParameters["saved"].map { NotificationBanner(heading: String($0), isSuccess: true) }
            return try await routes.page(context, banner: saved)
        }

        staff.post(":type") { request, context -> Response in
            try context.require(.manageCouncilSettings)
            let council = try ResidentAccountRoutes.council(context)
            guard let type = context.parameters.get("type").flatMap(ComplaintType.init(rawValue:)) else { throw HTTPError(.notFound) }
            let form = try await FormInput.read(from: request)
            let current = try await routes.complaints.policy(councilID: council.id, type: type)
            var validation = FormValidation()
            let policy = Self.policy(from: form, type: type, current: current, validation: &validation)
            guard let policy, validation.isValid else {
                return try await routes.page(context, typed: (type, form), validation: validation)
            }
            try await routes.complaints.save(policy, councilID: council.id, type: type, at: Date())
            try await routes.record(context, "complaints policy (\(type.displayName.lowercased())): \(Self.describe(policy))")
            return .redirect(to: context.basePath + StaffPaths.complaintPolicy + "?saved=The%20policy%20has%20been%20saved")
        }

        staff.post(":type/reset") { _, context -> Response in
            try context.require(.manageCouncilSettings)
            let council = try ResidentAccountRoutes.council(context)
            guard let type = context.parameters.get("type").flatMap(ComplaintType.init(rawValue:)) else { throw HTTPError(.notFound) }
            let standard = ComplaintPolicy.standard(for: type)
            try await routes.complaints.save(standard, councilID: council.id, type: type, at: Date())
            try await routes.record(context, "complaints policy (\(type.displayName.lowercased())) back to the standard: \(Self.describe(standard))")
            return .redirect(to: context.basePath + StaffPaths.complaintPolicy + "?saved=The%20standard%20timescales%20are%20in%20use")
        }
    }

    /// The policy as typed, with every problem found at once in `validation`; nil when a box is not a number or a name is missing.
    static func policy(from form: FormInput, type: ComplaintType, current: ComplaintPolicy, validation: inout FormValidation) -> ComplaintPolicy? {
        let prefix = type.rawValue
        func number(_ field: String, _ message: String) -> Int? {
            let text = form[field].trimmingCharacters(in: .whitespaces)
            guard let value = Int(text) else { validation.add(field, message); return nil }
            return value
        }
        let acknowledge = number(prefix + "-acknowledge", "Enter the working days to acknowledge a complaint within, like 5")
        var stages: [ComplaintPolicy.Stage] = []
        var filledRows: [Int] = []
        var complete = acknowledge != nil
        for row in 1...stageRows {
            let field = "\(prefix)-stage-\(row)"
            let name = form[field + "-name"].trimmingCharacters(in: .whitespaces)
            if name.isEmpty, form[field + "-days"].isEmpty, form[field + "-extension"].isEmpty { continue }
            if name.isEmpty { validation.add(field + "-name", "Enter a name for stage \(row), or leave all its boxes blank") }
            let days = number(field + "-days", "Enter stage \(row)'s working days to respond, like 10")
            let longest = form[field + "-extension"].isEmpty ? 0 : number(field + "-extension", "Enter stage \(row)'s longest extension in working days, like 10, or 0")
            if days == nil || longest == nil || name.isEmpty { complete = false }
            filledRows.append(row)
            // A box already refused stands in as an allowed value, so the rest are still checked now, not on the next try.
            stages.append(.init(name: name.isEmpty ? "Stage \(row)" : name, responseWorkingDays: days ?? 1, longestExtensionWorkingDays: longest ?? 0))
        }
        let policy = ComplaintPolicy(acknowledgementWorkingDays: acknowledge ?? 1, countsFromAcknowledgement: current.countsFromAcknowledgement,
                                     stages: stages, differentOfficerEachStage: form.all(prefix + "-different-officer") == ["yes"])
        for (part, message) in policy.problemsByPart {
            // The policy's stages are the rows filled in, in order: its stage n is the n-th such row.
            func row(_ number: Int) -> Int { filledRows.indices.contains(number - 1) ? filledRows[number - 1] : number }
            let field = switch part {
            case .acknowledgement: prefix + "-acknowledge"
            case .stageCount: prefix + "-stage-1-name"
            case .stageName(let number): "\(prefix)-stage-\(row(number))-name"
            case .responseDays(let number): "\(prefix)-stage-\(row(number))-days"
            case .extensionDays(let number): "\(prefix)-stage-\(row(number))-extension"
            }
            validation.add(field, message)
        }
        return complete ? policy : nil
    }

    static func describe(_ policy: ComplaintPolicy) -> String {
        "acknowledge within \(policy.acknowledgementWorkingDays) working days; "
            + policy.stages.map { "\($0.name) \($0.responseWorkingDays) (+\($0.longestExtensionWorkingDays))" }.joined(separator: ", ")
            + (policy.differentOfficerEachStage ? "; a different officer each stage" : "")
    }

    func record(_ context: StaffRequestContext, _ subject: String) async throws {
        try await audit.record(AuditEvent(councilID: context.staff.councilID, occurredAt: Date(), actorID: context.staff.id, actor: context.staff.email,
                                          kind: .councilSettingChanged, subject: subject, address: context.remoteAddress))
    }

    func page(_ context: StaffRequestContext, typed: (ComplaintType, FormInput)? = nil, validation: FormValidation = FormValidation(),
              banner: NotificationBanner? = nil) async throws -> Response {
        let council = try ResidentAccountRoutes.council(context)
        func error(_ id: String) -> String? { validation.message(for: id) }
        var types: [ComplaintPolicyPage.TypeForm] = []
        for type in ComplaintType.allCases {
            let policy = try await complaints.policy(councilID: council.id, type: type)
            let form = typed?.0 == type ? typed?.1 : nil
            let prefix = type.rawValue
            func value(_ field: String, _ stored: String) -> String { form.map { $0[field] } ?? stored }
            let standard = ComplaintPolicy.standard(for: type)
            let standing: (String, Bool) = switch type {
            case .corporate where policy.keepsToTheCode:
                (policy == standard ? "The Ombudsmen's complaint handling code's timescales." : "Within the Ombudsmen's complaint handling code.", false)
            case .corporate:
                ("This policy departs from the Ombudsmen's complaint handling code (two stages, acknowledged within 5 working days, answered within 10 and 20, a different officer at stage 2). The Ombudsmen expect councils to follow it.", true)
            case .childrensSocialCare:
                (policy == standard ? "The statutory procedure's timescales (the Children Act 1989 representations procedure)." : "Differs from the statutory procedure's timescales: check it against the regulations.", policy != standard)
            }
            let stages = (1...Self.stageRows).map { row in
                let stage = policy.stages.indices.contains(row - 1) ? policy.stages[row - 1] : nil
                let field = "\(prefix)-stage-\(row)"
                return ComplaintPolicyPage.StageRow(
                    legend: "Stage \(row)" + (stage == nil ? " (optional)" : ""),
                    name: TextInput(id: field + "-name", label: Label("Name"), error: error(field + "-name"), value: value(field + "-name", stage?.name ?? "")),
                    days: TextInput(id: field + "-days", label: Label("Respond within (working days)"), error: error(field + "-days"),
                                    value: value(field + "-days", stage.map { String($0.responseWorkingDays) } ?? ""), inputmode: "numeric", spellcheck: false,
                                    widthClass: "fd-input--width-4"),
                    longestExtension: TextInput(id: field + "-extension", label: Label("Longest extension (working days)"), hint: "0 for none.",
                                         error: error(field + "-extension"),
                                         value: value(field + "-extension", stage.map { String($0.longestExtensionWorkingDays) } ?? ""),
                                         inputmode: "numeric", spellcheck: false, widthClass: "fd-input--width-4"))
            }
            let differentOfficer = form.map { Set($0.all(prefix + "-different-officer")) } ?? (policy.differentOfficerEachStage ? ["yes"] : [])
            types.append(.init(
                heading: type == .corporate ? "Complaints" : "Children's social care complaints (statutory)",
                standing: standing.0, isWarning: standing.1,
                action: context.basePath + StaffPaths.complaintPolicy + "/" + prefix,
                resetAction: context.basePath + StaffPaths.complaintPolicy + "/" + prefix + "/reset",
                acknowledge: TextInput(id: prefix + "-acknowledge", label: Label("Acknowledge within (working days)"), error: error(prefix + "-acknowledge"),
                                       value: value(prefix + "-acknowledge", String(policy.acknowledgementWorkingDays)), inputmode: "numeric",
                                       spellcheck: false, widthClass: "fd-input--width-4"),
                stages: stages,
                differentOfficer: Checkboxes(ChoiceGroup(
                    idPrefix: prefix + "-different-officer", fieldset: Fieldset(legend: "Officers", legendClasses: "fd-fieldset__legend--s"),
                    options: [(value: "yes", text: "Each stage goes to an officer who has not handled the complaint before", hint: String?.none)],
                    selected: differentOfficer)),
                save: Button("Save the policy"),
                reset: Button("Use the standard timescales", variant: .secondary)))
        }
        return try renderer.response(ComplaintPolicyPage(
            chrome: ChromeFactory.chrome(pageTitle: "Complaints policy", context: context, hasErrors: !validation.isValid),
            banner: banner, errorSummary: validation.summary, csrfToken: context.csrfToken, types: types),
            status: validation.isValid ? .ok : .unprocessableContent)
    }
}
