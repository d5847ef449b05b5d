import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// The case page's view: details against the standard, what was asked, the timeline, and the
/// forms this member of staff may use.
extension CaseRoutes {
    /// `problems` (with what was `typed`) belong to the forms of the case's own section (a
    /// complaint's, an information request's, a compliment's or comment's); `problem` to the others.
    func page(_ item: Case, _ context: StaffRequestContext, banner: NotificationBanner? = nil, problem: FieldError? = nil,
              problems: [FieldError] = [], typed: FormInput? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let complaint = try await complaintPanel.panel(item, context, problems: problems, typed: typed)
        let informationRequest = try await informationRequestPanel.panel(item, context, problems: problems, typed: typed)
        let feedback = try await feedbackPanel.panel(item, context, problems: problems, typed: typed)
        let allProblems = (problem.map { [$0] } ?? []) + problems
        let service = try await services.find(id: item.serviceID, councilID: item.councilID)
        var customer: Customer?
        if let customerID = item.customerID { customer = try await customers.find(id: customerID, councilID: item.councilID) }
        var answers = SummaryList(rows: [])
        var files: [SubmittedFormPage.Link] = []
        if let submissionID = item.submissionID, let sent = try await submissions.find(id: submissionID, councilID: item.councilID),
           let form = try await forms.version(sent.formVersion, of: sent.serviceID) {
            answers = AnswerText.summary(form: form, answers: sent.answers)
            let base = context.basePath + StaffPaths.requests + "/" + sent.id.uuidString.lowercased()
            files = try await attachments.all(submissionID: sent.id).map {
                .init(href: base + "/files/" + $0.id.uuidString.lowercased(), text: "Download \($0.fileName) (\(AnswerText.fileSize($0.byteCount)))")
            }
        }
        let emailed = context.basePath + StaffPaths.cases + "/" + item.reference.description + "/files/"
        files += try await attachments.emailed(caseID: item.id).map {
            .init(href: emailed + $0.id.uuidString.lowercased(), text: "Download \($0.fileName) (\(AnswerText.fileSize($0.byteCount)), sent by email)")
        }
        let customerText: String = customer.map { found in found.name + (found.email.map { ", " + $0 } ?? "") } ?? item.guestEmail ?? "Not known"
        let received: String = UKDateFormat.dateAndTime(item.receivedAt) + " by " + item.channel.displayName.lowercased()
        let resolveBy: String = CaseDates.due(item.resolveBy) + " (" + item.standardState.displayName.lowercased() + ")"
        let details = SummaryList(rows: [
            .init(key: "Status", value: item.status.displayName),
            .init(key: "Customer", value: customerText),
            .init(key: "Received", value: received),
            .init(key: "Acknowledge by", value: CaseDates.date(item.acknowledgeBy) + (item.acknowledgedAt.map { at in
                " (acknowledged \(UKDateFormat.dateAndTime(at)), " + (LocalDate(at) <= item.acknowledgeBy ? "on time)" : "late)")
            } ?? "")),
            .init(key: "Resolve by", value: resolveBy),
            .init(key: "Priority", value: item.priority.displayName),
        ] + (try await cases.rating(caseID: item.id).map { rating in
            [.init(key: "Customer's rating", value: "\(rating.score) out of 5, \(CaseRating.label(rating.score).lowercased())"
                   + (rating.comment.isEmpty ? "" : ": \(rating.comment)"))]
        } ?? []) + (item.outcome.map { outcome in
            [.init(key: "Service standard", value: (outcome.met ? "Met" : "Missed") + " (\(outcome.workingDaysTaken) working \(outcome.workingDaysTaken == 1 ? "day" : "days"))")]
        } ?? []))
        let timeline = try await cases.events(caseID: item.id, includingInternal: true).map { event in
            CasePage.TimelineEntry(when: UKDateFormat.dateAndTime(event.occurredAt), who: event.actorName, text: event.text,
                                   isInternal: event.visibility == .internal,
                                   statusChange: event.toStatus.map { to in
                                       (event.fromStatus.map { $0.displayName + " to " } ?? "") + to.displayName
                                   })
        }
        let scope = ResourceScope(councilID: item.councilID, owningTeamID: item.teamID)
        let possible = CaseLifecycle().actions(from: item.status).filter {
            Permissions.isAllowed(context.member, [.resolve, .close].contains($0) ? .closeCase : .updateCase, on: scope)
                && !(complaint != nil && Self.complaintStageActions.contains($0))
                && !(informationRequest != nil && Self.informationRequestActions.contains($0))
        }
        let action = context.basePath + StaffPaths.cases + "/" + item.reference.description
        let change = possible.isEmpty ? nil : CasePage.Change(
            action: action, csrfToken: context.csrfToken, version: String(item.version),
            next: Radios(ChoiceGroup(idPrefix: "next", fieldset: Fieldset(legend: "What happens next", legendClasses: "fd-fieldset__legend--m"),
                                     error: problem?.fieldID == "next" ? problem?.message : nil,
                                     options: possible.map { (value: $0.rawValue, text: Self.label($0), hint: String?.none) })),
            message: Textarea(id: "message", label: Label("Message to the customer (optional)"),
                              hint: "Shown on their timeline. Left blank, a standard sentence is used.",
                              error: problem?.fieldID == "message" ? problem?.message : nil, rows: 3),
            save: Button("Update the case"))
        let note = context.may(.logContact) || Permissions.isAllowed(context.member, .updateCase, on: scope) ? CasePage.Note(
            action: action + "/notes", csrfToken: context.csrfToken,
            text: Textarea(id: "note", label: Label("Add a note", classes: "fd-label--m"), error: problem?.fieldID == "note" ? problem?.message : nil, rows: 3),
            visibility: Radios(ChoiceGroup(idPrefix: "visibility", fieldset: Fieldset(legend: "Who can see it"),
                                           options: [(value: "internal", text: "Staff only", hint: String?.none),
                                                     (value: "public", text: "Staff and the customer", hint: String?.none)],
                                           selected: ["internal"], isInline: true)),
            save: Button("Add the note", variant: .secondary)) : nil
        var nearby: [CasePage.Nearby] = []
        if item.status.isOpen, let latitude = item.latitude, let longitude = item.longitude {
            nearby = try await cases.nearbyOpen(serviceID: item.serviceID, councilID: item.councilID, latitude: latitude, longitude: longitude,
                                                excluding: item.id).map { other, metres in
                CasePage.Nearby(href: context.basePath + StaffPaths.cases + "/" + other.reference.description, reference: other.reference.description,
                                text: "\(Int(metres.rounded())) metres away, received \(UKDateFormat.dateAndTime(other.receivedAt)), \(other.status.displayName.lowercased())")
            }
        }
        let merge = !nearby.isEmpty && Permissions.isAllowed(context.member, .updateCase, on: scope) ? CasePage.Merge(
            action: action + "/merge", csrfToken: context.csrfToken, version: String(item.version),
            into: Select(id: "into", label: Label("Join this report to"), error: problem?.fieldID == "into" ? problem?.message : nil,
                         options: nearby.map { (value: $0.reference, text: $0.reference) }),
            save: Button("Mark as a duplicate", variant: .secondary)) : nil
        var extend: CasePage.Extend?
        if item.status.isOpen, complaint == nil, informationRequest == nil, case .date = item.resolveBy, Permissions.isAllowed(context.member, .updateCase, on: scope) {
            extend = CasePage.Extend(
                action: action + "/extend", csrfToken: context.csrfToken, version: String(item.version),
                days: TextInput(id: "extra-days", label: Label("Extra working days"), error: problem?.fieldID == "extra-days" ? problem?.message : nil,
                                inputmode: "numeric", spellcheck: false, widthClass: "fd-input--width-4"),
                reason: TextInput(id: "extension-reason", label: Label("Reason (the customer is told)"),
                                  error: problem?.fieldID == "extension-reason" ? problem?.message : nil),
                save: Button("Extend the deadline", variant: .secondary),
                isOpen: problem?.fieldID == "extra-days" || problem?.fieldID == "extension-reason")
        }
        var caseDetails: CasePage.Details?
        if item.status.isOpen, Permissions.isAllowed(context.member, .assignCase, on: scope) {
            let officers = try await staffAccounts.all(councilID: item.councilID).filter { CaseQueueRoutes.caseworkRoles.contains($0.role) }
            caseDetails = CasePage.Details(
                action: action + "/details", csrfToken: context.csrfToken, version: String(item.version),
                priority: Select(id: "priority", label: Label("Priority"), options: CasePriority.allCases.map { (value: $0.rawValue, text: $0.displayName) },
                                 selected: item.priority.rawValue),
                officer: Select(id: "officer", label: Label("Officer"), error: problem?.fieldID == "officer" ? problem?.message : nil,
                                options: [(value: "", text: "Unassigned")] + officers.map { (value: $0.id.uuidString, text: $0.displayName) },
                                selected: item.officerID?.uuidString ?? ""),
                save: Button("Save priority and officer", variant: .secondary))
        }
        let linked = try await cases.linked(item.id, councilID: item.councilID).map { other, how in
            CasePage.Nearby(href: context.basePath + StaffPaths.cases + "/" + other.reference.description, reference: other.reference.description,
                            text: "(\(how), \(other.status.displayName.lowercased()))")
        }
        let relate = Permissions.isAllowed(context.member, .updateCase, on: scope) ? CasePage.Relate(
            action: action + "/links", csrfToken: context.csrfToken,
            reference: TextInput(id: "related", label: Label("Link a related case"), hint: "Its reference, like FD-2026-000123.",
                                 error: problem?.fieldID == "related" ? problem?.message : nil, spellcheck: false, widthClass: "fd-input--width-20"),
            save: Button("Link the case", variant: .secondary)) : nil
        var mergedInto: CasePage.Nearby?
        if item.status == .duplicate, let original = try await cases.duplicateOf(item.id, councilID: item.councilID) {
            mergedInto = .init(href: context.basePath + StaffPaths.cases + "/" + original.reference.description,
                               reference: original.reference.description, text: "")
        }
        return try renderer.response(CasePage(
            chrome: ChromeFactory.chrome(pageTitle: item.reference.description, context: context, hasErrors: !allProblems.isEmpty),
            banner: banner, errorSummary: allProblems.isEmpty ? nil : ErrorSummary(errors: allProblems), item: item, serviceName: service?.name ?? "Case",
            details: details, answers: answers, files: files, timeline: timeline, change: change, note: note,
            nearby: nearby, merge: merge, mergedInto: mergedInto, extend: extend, caseDetails: caseDetails, linked: linked, relate: relate,
            complaint: complaint, informationRequest: informationRequest, feedback: feedback),
            status: status)
    }

    /// A complaint is acknowledged, answered and taken to its next stage through its own panel,
    /// which keeps the stages, so the ordinary forms do not offer these.
    static let complaintStageActions: Set<CaseAction> = [.acknowledge, .resolve, .reopen]

    /// An information request's clock stops and restarts, and its answer is recorded, through
    /// its own panel; an answered request is not reopened (a review is a new request).
    static let informationRequestActions: Set<CaseAction> = [.askCustomer, .customerReplied, .resolve, .reopen]

    static func label(_ action: CaseAction) -> String {
        switch action {
        case .acknowledge: "Acknowledge it"
        case .startWork: "Start work on it"
        case .askCustomer: "Ask the customer for information (the clock stops)"
        case .customerReplied: "The customer has replied (the clock restarts)"
        case .resolve: "Resolve it"
        case .close: "Close it"
        case .reopen: "Reopen it"
        case .withdraw: "Withdraw it"
        case .markDuplicate: "Mark it as a duplicate"
        }
    }
}
