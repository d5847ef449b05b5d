import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// The complaint section of a complaint's case page: acknowledging a stage with its officer,
/// extending it, answering it, escalating it for the resident, the service it is about,
/// learning actions and an Ombudsman referral. Stage changes go through `ComplaintProgress`
/// against the version the officer saw; the rest are recorded as staff-only notes.
struct ComplaintRoutes: CaseSectionRoutes {
    let cases: CaseRoutes
    let progress: ComplaintProgress
    let links: PublicLinks

    init(cases: CaseRoutes, database: Database, bankHolidays: BankHolidays, links: PublicLinks) {
        self.cases = cases
        self.progress = ComplaintProgress(database: database, bankHolidays: bankHolidays)
        self.links = links
    }

    private var panel: ComplaintPanelBuilder { cases.complaintPanel }

    /// Where the case page's domain problems are shown: each domain field's box on this page.
    static let fieldOnPage: [String: String] = [
        "officer": "complaint-officer", "extension": "complaint-extra-days", "response": "outcome", "complaint": "outcome",
    ]

    func register(on router: Router<ResidentRequestContext>) {
        let routes = self
        let staff = router.group(RouterPath(StaffPaths.cases + "/:reference/complaint"), context: StaffRequestContext.self)

        staff.post("subject") { request, context -> Response in
            let (item, form) = try await routes.begin(request, context)
            let chosen = form["about-service"]
            var serviceID: UUID?
            if !chosen.isEmpty {
                guard let id = UUID(uuidString: chosen),
                      try await routes.panel.processes.ordinaryServices(councilID: item.councilID).contains(where: { $0.id == id }) else {
                    return try await routes.refuse(item, context, [FieldError(fieldID: "about-service", message: "Select a service from the list")], form)
                }
                serviceID = id
            }
            try await routes.panel.subjects.set(serviceID: serviceID, caseID: item.id)
            return try await routes.saved(item, context)
        }

        staff.post("acknowledge") { request, context -> Response in
            let (item, form) = try await routes.begin(request, context)
            guard let officer = try await routes.officer(form["complaint-officer"], councilID: item.councilID) else {
                return try await routes.refuse(item, context, [FieldError(fieldID: "complaint-officer", message: "Select the officer who will handle this stage")], form)
            }
            return try await routes.outcome(item, context, form, try await routes.progress.acknowledge(
                item, council: try routes.council(context), officerID: officer.id, seenVersion: Int(form["version"]) ?? 0, by: routes.actor(context),
                message: "", notice: routes.notice(item, request, context), at: Date()))
        }

        staff.post("extend") { request, context -> Response in
            let (item, form) = try await routes.begin(request, context)
            var problems: [FieldError] = []
            let days = Int(form["complaint-extra-days"].trimmingCharacters(in: .whitespaces))
            if days == nil { problems.append(FieldError(fieldID: "complaint-extra-days", message: "Enter the extra working days as a number, like 10")) }
            if form["complaint-extension-reason"].trimmingCharacters(in: .whitespaces).isEmpty {
                problems.append(FieldError(fieldID: "complaint-extension-reason", message: "Enter the reason, which the resident is told"))
            } else if form["complaint-extension-reason"].count > 1_000 {
                problems.append(FieldError(fieldID: "complaint-extension-reason", message: "Keep the reason to 1,000 characters or fewer"))
            }
            guard problems.isEmpty, let days else { return try await routes.refuse(item, context, problems, form) }
            return try await routes.outcome(item, context, form, try await routes.progress.extend(
                item, council: try routes.council(context), workingDays: days, reason: form["complaint-extension-reason"],
                seenVersion: Int(form["version"]) ?? 0, by: routes.actor(context), notice: routes.notice(item, request, context), at: Date()))
        }

        staff.post("respond") { request, context -> Response in
            let (item, form) = try await routes.begin(request, context)
            var problems: [FieldError] = []
            let outcome = ComplaintStage.Outcome(rawValue: form["outcome"])
            if outcome == nil { problems.append(FieldError(fieldID: "outcome", message: "Select the outcome")) }
            let chosen = form.all("remedies")
            let remedies = Set(chosen.compactMap(ComplaintStage.Remedy.init(rawValue:)))
            if remedies.count != Set(chosen).count { problems.append(FieldError(fieldID: "remedies", message: "Select remedies from the list")) }
            var pence: Int?
            if !form["financial-amount"].trimmingCharacters(in: .whitespaces).isEmpty {
                pence = Money.pence(form["financial-amount"])
                if pence == nil { problems.append(FieldError(fieldID: "financial-amount", message: "Enter the amount in pounds and pence, like 50.00")) }
            }
            for (field, limit) in [("root-cause", 2_000), ("response-text", 20_000)] where form[field].count > limit {
                problems.append(FieldError(fieldID: field, message: "Keep it to \(limit.formatted()) characters or fewer"))
            }
            guard problems.isEmpty, let outcome else { return try await routes.refuse(item, context, problems, form) }
            let response = ComplaintStage.Response(respondedOn: LocalDate(Date()), outcome: outcome, remedies: remedies, financialRemedyPence: pence,
                                                   rootCause: form["root-cause"].trimmingCharacters(in: .whitespacesAndNewlines),
                                                   text: form["response-text"].trimmingCharacters(in: .whitespacesAndNewlines))
            return try await routes.outcome(item, context, form, try await routes.progress.respond(
                item, council: try routes.council(context), response: response, seenVersion: Int(form["version"]) ?? 0, by: routes.actor(context),
                notice: routes.notice(item, request, context), at: Date()))
        }

        staff.post("escalate") { request, context -> Response in
            let (item, form) = try await routes.begin(request, context)
            return try await routes.outcome(item, context, form, try await routes.progress.escalate(
                item, council: try routes.council(context), reason: form["escalation-reason"], seenVersion: Int(form["version"]) ?? 0,
                by: routes.actor(context), notice: routes.notice(item, request, context), at: Date()))
        }

        staff.post("learning") { request, context -> Response in
            let (item, form) = try await routes.begin(request, context)
            var problems: [FieldError] = []
            let owner = try await routes.officer(form["learning-owner"], councilID: item.councilID)
            if owner == nil { problems.append(FieldError(fieldID: "learning-owner", message: "Select who owns the action")) }
            let due = form.localDate("learning-due")
            if due == nil {
                problems.append(FieldError(fieldID: "learning-due", message: form.isBlankDate("learning-due") ? "Enter the date it is due by"
                                           : "Enter a real date, like 31 3 2027"))
            }
            let action = LearningAction(caseID: item.id, youSaid: form["you-said"], weDid: form["we-did"], ownerID: owner?.id ?? UUID(),
                                        dueOn: due ?? LocalDate(Date()))
            problems = action.problems.map { FieldError(fieldID: $0.field, message: $0.message) } + problems
            guard problems.isEmpty else { return try await routes.refuse(item, context, problems, form) }
            try await routes.panel.learning.add(action, councilID: item.councilID, at: Date())
            _ = try await routes.cases.cases.addNote(to: item, text: "Learning action added: \(action.weDid) (due \(CaseDates.date(action.dueOn)))",
                                                     visibility: .internal, by: routes.actor(context), at: Date())
            return try await routes.saved(item, context)
        }

        staff.post("learning/:action") { request, context -> Response in
            let (item, form) = try await routes.begin(request, context)
            guard let id = context.parameters.get("action").flatMap(UUID.init(uuidString:)),
                  var action = try await routes.panel.learning.all(caseID: item.id).first(where: { $0.id == id }) else { throw HTTPError(.notFound) }
            let note: String
            switch form["step"] {
            case "done" where action.completedOn == nil:
                action.completedOn = LocalDate(Date())
                note = "Learning action done: \(action.weDid)"
            case "publish" where action.completedOn != nil:
                action.published = true
                note = "Learning action published on \u{201C}You said, we did\u{201D}: \(action.weDid)"
            case "unpublish" where action.published:
                action.published = false
                note = "Learning action no longer published: \(action.weDid)"
            case "publish":
                return try await routes.refuse(item, context, [FieldError(fieldID: "you-said", message: "Mark the learning action as done before publishing it")], nil)
            default:
                return try await routes.refuse(item, context, [FieldError(fieldID: "you-said", message: "That learning action has changed: check it and try again")], nil)
            }
            try await routes.panel.learning.update(action, councilID: item.councilID)
            _ = try await routes.cases.cases.addNote(to: item, text: note, visibility: .internal, by: routes.actor(context), at: Date())
            return try await routes.saved(item, context)
        }

        staff.post("ombudsman") { request, context -> Response in
            let (item, form) = try await routes.begin(request, context)
            var problems: [FieldError] = []
            let ombudsman = OmbudsmanReferral.Ombudsman(rawValue: form["ombudsman"])
            let referredOn = form.localDate("ombudsman-referred")
            if referredOn == nil {
                problems.append(FieldError(fieldID: "ombudsman-referred", message: form.isBlankDate("ombudsman-referred") ? "Enter the date it was referred"
                                           : "Enter a real date, like 14 1 2027"))
            } else if let referredOn, referredOn > LocalDate(Date()) {
                problems.append(FieldError(fieldID: "ombudsman-referred", message: "The referral date must be today or in the past"))
            }
            let decision = form["ombudsman-decision"].isEmpty ? nil : OmbudsmanReferral.Decision(rawValue: form["ombudsman-decision"])
            if !form["ombudsman-decision"].isEmpty, decision == nil {
                problems.append(FieldError(fieldID: "ombudsman-decision", message: "Select a decision from the list"))
            }
            let decidedOn = form.localDate("ombudsman-decided")
            if decidedOn == nil, !form.isBlankDate("ombudsman-decided") {
                problems.append(FieldError(fieldID: "ombudsman-decided", message: "Enter a real date, like 14 1 2027"))
            }
            if form["ombudsman-remedy"].count > 2_000 {
                problems.append(FieldError(fieldID: "ombudsman-remedy", message: "Keep the remedy to 2,000 characters or fewer"))
            }
            let referral = OmbudsmanReferral(ombudsman: ombudsman ?? .localGovernment, reference: form["ombudsman-reference"],
                                             referredOn: referredOn ?? LocalDate(Date()), decision: decision, decidedOn: decidedOn,
                                             remedyRequired: form["ombudsman-remedy"].trimmingCharacters(in: .whitespacesAndNewlines))
            if ombudsman == nil { problems.append(FieldError(fieldID: "ombudsman", message: "Select the Ombudsman")) }
            if problems.isEmpty {
                problems = referral.problems.map { FieldError(fieldID: $0.field, message: $0.message) }
            }
            guard problems.isEmpty else { return try await routes.refuse(item, context, problems, form) }
            try await routes.panel.referrals.save(referral, caseID: item.id)
            let text = "Ombudsman referral recorded: \(referral.ombudsman.displayName), reference \(referral.reference)"
                + (referral.decision.map { ", decision: \($0.displayName.lowercased())" } ?? "")
            _ = try await routes.cases.cases.addNote(to: item, text: text, visibility: .internal, by: routes.actor(context), at: Date())
            return try await routes.saved(item, context)
        }
    }

    /// The case, for someone who may handle its complaint, and the form sent.
    func begin(_ request: Request, _ context: StaffRequestContext) async throws -> (Case, FormInput) {
        let item = try await cases.load(context)
        try context.require(.handleComplaint, on: ResourceScope(councilID: item.councilID, owningTeamID: item.teamID))
        guard try await panel.complaints.find(caseID: item.id) != nil else { throw HTTPError(.notFound) }
        return (item, try await FormInput.read(from: request))
    }

    func officer(_ text: String, councilID: UUID) async throws -> StaffAccount? {
        guard let id = UUID(uuidString: text) else { return nil }
        return try await panel.staffAccounts.all(councilID: councilID).first { $0.id == id && CaseQueueRoutes.caseworkRoles.contains($0.role) }
    }

    func outcome(_ item: Case, _ context: StaffRequestContext, _ form: FormInput, _ result: ComplaintProgress.Result) async throws -> Response {
        try await outcome(item, context, form, result, field: "outcome", onPage: { Self.fieldOnPage[$0] ?? $0 })
    }
}
