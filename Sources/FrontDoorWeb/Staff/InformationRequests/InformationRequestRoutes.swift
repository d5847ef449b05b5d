import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// The information request section of an FOI, EIR or subject access case page. Clock changes
/// (identity, clarification, fees, extension, response) go through `InformationRequestProgress`
/// against the version the officer saw; withheld items and the disclosure log are recorded
/// with a staff-only note.
struct InformationRequestRoutes: CaseSectionRoutes {
    let cases: CaseRoutes
    let progress: InformationRequestProgress
    let links: PublicLinks

    init(cases: CaseRoutes, database: Database, bankHolidays: BankHolidays, links: PublicLinks) {
        self.cases = cases
        self.progress = InformationRequestProgress(database: database, bankHolidays: bankHolidays)
        self.links = links
    }

    private var panel: InformationRequestPanelBuilder { cases.informationRequestPanel }

    func register(on router: Router<ResidentRequestContext>) {
        let routes = self
        let staff = router.group(RouterPath(StaffPaths.cases + "/:reference/information-request"), context: StaffRequestContext.self)

        staff.post("identity") { request, context -> Response in
            let (item, form) = try await routes.begin(request, context)
            guard let day = routes.pastDate(form, "identity-checked-on", what: "the identity was checked") else {
                return try await routes.refuse(item, context, [routes.dateProblem(form, "identity-checked-on", what: "the identity was checked")], form)
            }
            return try await routes.outcome(item, context, form, "identity-checked-on", try await routes.progress.verifyIdentity(
                item, council: try routes.council(context), verifiedOn: day, seenVersion: Int(form["version"]) ?? 0, by: routes.actor(context),
                notice: routes.notice(item, request, context), at: Date()))
        }

        staff.post("clarify") { request, context -> Response in
            let (item, form) = try await routes.begin(request, context)
            return try await routes.outcome(item, context, form, "clarification-question", try await routes.progress.askClarification(
                item, council: try routes.council(context), question: form["clarification-question"], seenVersion: Int(form["version"]) ?? 0,
                by: routes.actor(context), notice: routes.notice(item, request, context), at: Date()))
        }

        staff.post("clarified") { request, context -> Response in
            let (item, form) = try await routes.begin(request, context)
            guard let day = routes.pastDate(form, "clarified-on", what: "the clarification arrived") else {
                return try await routes.refuse(item, context, [routes.dateProblem(form, "clarified-on", what: "the clarification arrived")], form)
            }
            return try await routes.outcome(item, context, form, "clarified-on", try await routes.progress.recordClarification(
                item, council: try routes.council(context), receivedOn: day, seenVersion: Int(form["version"]) ?? 0, by: routes.actor(context),
                notice: routes.notice(item, request, context), at: Date()))
        }

        staff.post("fees") { request, context -> Response in
            let (item, form) = try await routes.begin(request, context)
            guard let pence = Money.pence(form["fee-amount"]) else {
                return try await routes.refuse(item, context, [FieldError(fieldID: "fee-amount", message: form["fee-amount"].isEmpty
                    ? "Enter the fee" : "Enter the fee in pounds and pence, like 45.00")], form)
            }
            return try await routes.outcome(item, context, form, "fee-amount", try await routes.progress.giveFeesNotice(
                item, council: try routes.council(context), amountPence: pence, seenVersion: Int(form["version"]) ?? 0, by: routes.actor(context),
                notice: routes.notice(item, request, context), at: Date()))
        }

        staff.post("fee-paid") { request, context -> Response in
            let (item, form) = try await routes.begin(request, context)
            guard let day = routes.pastDate(form, "fee-paid-on", what: "the fee was paid") else {
                return try await routes.refuse(item, context, [routes.dateProblem(form, "fee-paid-on", what: "the fee was paid")], form)
            }
            return try await routes.outcome(item, context, form, "fee-paid-on", try await routes.progress.recordFeePaid(
                item, council: try routes.council(context), paidOn: day, seenVersion: Int(form["version"]) ?? 0, by: routes.actor(context),
                notice: routes.notice(item, request, context), at: Date()))
        }

        staff.post("extend") { request, context -> Response in
            let (item, form) = try await routes.begin(request, context)
            let isSubjectAccess = try await routes.panel.requests.find(caseID: item.id)?.kind == .subjectAccess
            let proposed: InformationRequestProgress.ProposedExtension
            let field = isSubjectAccess ? "extension-months" : "extended-until"
            var problems: [FieldError] = []
            if isSubjectAccess {
                let months = Int(form["extension-months"]) ?? 0
                if months == 0 { problems.append(FieldError(fieldID: field, message: "Select one or two months")) }
                proposed = .months(months)
            } else {
                let until = form.localDate(field)
                if until == nil {
                    problems.append(FieldError(fieldID: field, message: form.isBlankDate(field) ? "Enter the new date to answer by" : "Enter a real date, like 14 1 2027"))
                }
                proposed = .until(until ?? LocalDate(Date()))
            }
            if form["information-extension-reason"].trimmingCharacters(in: .whitespaces).isEmpty {
                problems.append(FieldError(fieldID: "information-extension-reason", message: "Enter the reason, which the requester is told"))
            }
            guard problems.isEmpty else { return try await routes.refuse(item, context, problems, form) }
            return try await routes.outcome(item, context, form, field, try await routes.progress.extend(
                item, council: try routes.council(context), by: proposed, reason: form["information-extension-reason"],
                seenVersion: Int(form["version"]) ?? 0, by: routes.actor(context), notice: routes.notice(item, request, context), at: Date()))
        }

        staff.post("respond") { request, context -> Response in
            let (item, form) = try await routes.begin(request, context)
            return try await routes.outcome(item, context, form, "information-response", try await routes.progress.respond(
                item, council: try routes.council(context), response: form["information-response"], seenVersion: Int(form["version"]) ?? 0,
                by: routes.actor(context), notice: routes.notice(item, request, context), at: Date()))
        }

        staff.post("withheld") { request, context -> Response in
            let (item, form) = try await routes.begin(request, context)
            guard let found = try await routes.panel.requests.find(caseID: item.id), found.kind != .subjectAccess else { throw HTTPError(.notFound) }
            var problems: [FieldError] = []
            if [.withdrawn, .duplicate, .closed].contains(item.status) || found.disclosurePublishedAt != nil {
                problems.append(FieldError(fieldID: "withheld-description", message: "Withheld information cannot be changed now"))
            }
            let underFOISA = try await routes.panel.calendars.rules(for: try routes.council(context)).statutoryCalendars.underFOISA
            let exemption = Exemption.available(for: found.kind, underFOISA: underFOISA).first { $0.code == form["exemption"] }
            if exemption == nil { problems.append(FieldError(fieldID: "exemption", message: "Select the exemption or exception from the list")) }
            for (field, limit) in [("withheld-description", 500), ("public-interest", 5_000)] where form[field].count > limit {
                problems.append(FieldError(fieldID: field, message: "Keep it to \(limit.formatted()) characters or fewer"))
            }
            let withheld = WithheldItem(description: form["withheld-description"], exemption: exemption ?? Exemption.all[0],
                                     publicInterestTest: form["public-interest"])
            let domain = withheld.problems.map { FieldError(fieldID: $0.field, message: $0.message) }
            problems = domain.filter { exemption != nil || $0.fieldID != "public-interest" } + problems
            guard problems.isEmpty, exemption != nil else { return try await routes.refuse(item, context, problems, form) }
            let recorded = try await routes.panel.withheld.add(withheld, caseID: item.id)
            _ = try await routes.cases.cases.addNote(to: item, text: "Withheld information recorded: \(recorded.item.description) (\(recorded.item.exemption.title))",
                                                     visibility: .internal, by: routes.actor(context), at: Date())
            return try await routes.saved(item, context)
        }

        staff.post("withheld/:item/remove") { request, context -> Response in
            let (item, _) = try await routes.begin(request, context)
            guard let id = context.parameters.get("item").flatMap(UUID.init(uuidString:)),
                  let recorded = try await routes.panel.withheld.all(caseID: item.id).first(where: { $0.id == id }) else { throw HTTPError(.notFound) }
            if try await routes.panel.requests.find(caseID: item.id)?.disclosurePublishedAt != nil {
                return try await routes.refuse(item, context, [FieldError(fieldID: "withheld-description",
                                                                          message: "Take the response off the disclosure log before changing what was withheld")], nil)
            }
            _ = try await routes.panel.withheld.remove(id: id, caseID: item.id)
            _ = try await routes.cases.cases.addNote(to: item, text: "Withheld information removed: \(recorded.item.description)",
                                                     visibility: .internal, by: routes.actor(context), at: Date())
            return try await routes.saved(item, context)
        }

        staff.post("publish") { request, context -> Response in
            let (item, form) = try await routes.begin(request, context)
            guard let found = try await routes.panel.requests.find(caseID: item.id), found.kind != .subjectAccess else { throw HTTPError(.notFound) }
            var problems: [FieldError] = []
            if found.answeredOn == nil { problems.append(FieldError(fieldID: "disclosure-request", message: "Answer the request before publishing it")) }
            let published = (form["disclosure-request"].trimmingCharacters(in: .whitespacesAndNewlines),
                             form["disclosure-response"].trimmingCharacters(in: .whitespacesAndNewlines))
            if published.0.isEmpty { problems.append(FieldError(fieldID: "disclosure-request", message: "Enter the request as it will be published")) }
            if published.1.isEmpty { problems.append(FieldError(fieldID: "disclosure-response", message: "Enter the response as it will be published")) }
            for (field, limit) in [("disclosure-request", 5_000), ("disclosure-response", 20_000)] where form[field].count > limit {
                problems.append(FieldError(fieldID: field, message: "Keep it to \(limit.formatted()) characters or fewer"))
            }
            if form.all("redaction-confirmed") != ["yes"] {
                problems.append(FieldError(fieldID: "redaction-confirmed", message: "Confirm that personal data and withheld information have been removed"))
            }
            guard problems.isEmpty else { return try await routes.refuse(item, context, problems, form) }
            try await routes.panel.disclosureLog.publish(caseID: item.id, request: published.0, response: published.1, at: Date())
            _ = try await routes.cases.cases.addNote(to: item, text: "Published on the disclosure log, redaction confirmed",
                                                     visibility: .internal, by: routes.actor(context), at: Date())
            return try await routes.saved(item, context)
        }

        staff.post("unpublish") { request, context -> Response in
            let (item, _) = try await routes.begin(request, context)
            guard try await routes.panel.requests.find(caseID: item.id)?.disclosurePublishedAt != nil else {
                return try await routes.refuse(item, context, [FieldError(fieldID: "disclosure-request", message: "It is not on the disclosure log")], nil)
            }
            try await routes.panel.disclosureLog.unpublish(caseID: item.id)
            _ = try await routes.cases.cases.addNote(to: item, text: "Taken off the disclosure log", visibility: .internal, by: routes.actor(context), at: Date())
            return try await routes.saved(item, context)
        }
    }

    /// The case, for someone who may handle its information request, and the form sent.
    func begin(_ request: Request, _ context: StaffRequestContext) async throws -> (Case, FormInput) {
        let item = try await cases.load(context)
        try context.require(.handleInformationRequest, on: ResourceScope(councilID: item.councilID, owningTeamID: item.teamID))
        guard try await panel.requests.find(caseID: item.id) != nil else { throw HTTPError(.notFound) }
        return (item, try await FormInput.read(from: request))
    }

    /// A real date, not in the future.
    func pastDate(_ form: FormInput, _ field: String, what: String) -> LocalDate? {
        guard let day = form.localDate(field), day <= LocalDate(Date()) else { return nil }
        return day
    }

    func dateProblem(_ form: FormInput, _ field: String, what: String) -> FieldError {
        if form.isBlankDate(field) { return FieldError(fieldID: field, message: "Enter the date \(what)") }
        if form.localDate(field) == nil { return FieldError(fieldID: field, message: "Enter a real date, like 14 1 2027") }
        return FieldError(fieldID: field, message: "The date \(what) must be today or in the past")
    }

    /// `field` is the form's own box: the domain's general problems ("request", "extension") are shown beside it.
    func outcome(_ item: Case, _ context: StaffRequestContext, _ form: FormInput, _ field: String,
                 _ result: InformationRequestProgress.Result) async throws -> Response {
        try await outcome(item, context, form, result, field: field, onPage: { ["request", "extension"].contains($0) ? field : $0 })
    }
}
