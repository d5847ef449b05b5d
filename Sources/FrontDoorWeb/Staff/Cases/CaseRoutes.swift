import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// A case for staff: reading it, moving it on (by the lifecycle, against the version the officer
/// saw) and adding notes. Who may do what follows the permission rules for the case's team.
struct CaseRoutes {
    let renderer: PageRenderer
    let cases: CaseRepository
    let services: ServiceRepository
    let forms: ServiceFormRepository
    let submissions: SubmittedFormRepository
    let attachments: AttachmentRepository
    let customers: CustomerRepository
    let calendars: CouncilCalendarRepository
    let staffAccounts: StaffAccountRepository
    let progress: CaseProgress
    let complaintPanel: ComplaintPanelBuilder
    let informationRequestPanel: InformationRequestPanelBuilder
    let feedbackPanel: FeedbackPanelBuilder
    /// Links in what the customer is told (their request in My Account).
    let links: PublicLinks

    init(renderer: PageRenderer, database: Database, hasher: PasswordHasher, bankHolidays: BankHolidays, attachments: AttachmentRepository,
         links: PublicLinks) {
        self.renderer = renderer
        self.links = links
        self.cases = CaseRepository(database: database)
        self.services = ServiceRepository(database: database)
        self.forms = ServiceFormRepository(database: database)
        self.submissions = SubmittedFormRepository(database: database)
        self.attachments = attachments
        self.customers = CustomerRepository(database: database, hasher: hasher)
        self.calendars = CouncilCalendarRepository(database: database, shipped: bankHolidays)
        self.staffAccounts = StaffAccountRepository(database: database, hasher: hasher)
        self.progress = CaseProgress(database: database, bankHolidays: bankHolidays)
        self.complaintPanel = ComplaintPanelBuilder(database: database, hasher: hasher, bankHolidays: bankHolidays)
        self.informationRequestPanel = InformationRequestPanelBuilder(database: database, bankHolidays: bankHolidays)
        self.feedbackPanel = FeedbackPanelBuilder(database: database)
    }

    func register(on router: Router<ResidentRequestContext>) {
        let routes = self
        let staff = router.group(RouterPath(StaffPaths.cases), context: StaffRequestContext.self)

        staff.get(":reference") { request, context -> Response in
            let item = try await routes.load(context)
            let banner = request.uri.queryParameters["saved"] != nil ? NotificationBanner(heading: "The case has been updated", isSuccess: true) : nil
            return try await routes.page(item, context, banner: banner)
        }

        staff.get(":reference/files/:file") { _, context -> Response in
            let item = try await routes.load(context)
            guard let fileID = context.parameters.get("file").flatMap(UUID.init(uuidString:)),
                  let (attachment, data) = try await routes.attachments.file(id: fileID, emailedAboutCase: item.id) else { throw HTTPError(.notFound) }
            return AttachmentDownload.response(attachment, data)
        }

        staff.post(":reference") { request, context -> Response in
            let item = try await routes.load(context)
            let form = try await FormInput.read(from: request)
            let scope = ResourceScope(councilID: item.councilID, owningTeamID: item.teamID)
            guard let action = CaseAction(rawValue: form["next"]) else {
                return try await routes.page(item, context, problem: FieldError(fieldID: "next", message: "Select what happens next"), status: .unprocessableContent)
            }
            try context.require([.resolve, .close].contains(action) ? .closeCase : .updateCase, on: scope)
            if Self.complaintStageActions.contains(action), try await routes.complaintPanel.complaints.find(caseID: item.id) != nil {
                return try await routes.page(item, context, problem: FieldError(
                    fieldID: "next", message: "A complaint is acknowledged, answered and escalated in its complaint section"), status: .unprocessableContent)
            }
            if Self.informationRequestActions.contains(action), try await routes.informationRequestPanel.requests.find(caseID: item.id) != nil {
                return try await routes.page(item, context, problem: FieldError(
                    fieldID: "next", message: "An information request is paused, answered and extended in its own section, which keeps its legal clock"),
                    status: .unprocessableContent)
            }
            let message = form["message"]
            if message.count > 2000 {
                return try await routes.page(item, context, problem: FieldError(fieldID: "message", message: "The message must be 2,000 characters or fewer"),
                                             status: .unprocessableContent)
            }
            guard let council = context.council else { throw HTTPError(.notFound) }
            switch try await routes.progress.apply(action, to: item, council: council, seenVersion: Int(form["version"]) ?? 0,
                                                   by: .init(id: context.staff.id, name: context.staff.displayName), message: message,
                                                   notice: .init(link: routes.links.url(ResidentPaths.requests + "/" + item.reference.description,
                                                                                        request: request, context: context)),
                                                   at: Date()) {
            case .refused(let reason):
                return try await routes.page(item, context, problem: FieldError(fieldID: "next", message: reason), status: .unprocessableContent)
            case .saved:
                return .redirect(to: context.basePath + StaffPaths.cases + "/" + item.reference.description + "?saved=1")
            case .changedSince(let current, let events):
                let what = events.map { "\($0.actorName): \($0.text)" }.joined(separator: "; ")
                return try await routes.page(current, context, problem: FieldError(
                    fieldID: "next", message: "This case changed while you were looking at it, so your change was not saved. "
                        + (what.isEmpty ? "" : "What changed: \(what). ") + "Check the case below and try again"), status: .conflict)
            }
        }

        staff.post(":reference/merge") { request, context -> Response in
            let item = try await routes.load(context)
            try context.require(.updateCase, on: ResourceScope(councilID: item.councilID, owningTeamID: item.teamID))
            let form = try await FormInput.read(from: request)
            guard let reference = CaseReference(form["into"]), let original = try await routes.cases.find(reference: reference, councilID: item.councilID),
                  original.id != item.id, original.serviceID == item.serviceID, original.status.isOpen else {
                return try await routes.page(item, context, problem: FieldError(fieldID: "into", message: "Select an open report of the same kind to join this one to"),
                                             status: .unprocessableContent)
            }
            if case .failure(let refusal) = CaseLifecycle().apply(.markDuplicate, to: item.status, now: Date()) {
                return try await routes.page(item, context, problem: FieldError(fieldID: "into", message: refusal.description), status: .unprocessableContent)
            }
            let now = Date(), actor = CaseRepository.Actor(id: context.staff.id, name: context.staff.displayName)
            let message = "This was already reported as \(original.reference), so we have joined your report to it. We will deal with them together."
            switch try await routes.cases.transition(item, to: .duplicate, seenVersion: Int(form["version"]) ?? 0, by: actor, message: message, at: now) {
            case .changedSince(let current, _):
                return try await routes.page(current, context, problem: FieldError(
                    fieldID: "into", message: "This case changed while you were looking at it, so it was not joined. Check it and try again"), status: .conflict)
            case .saved(let merged):
                var notice: QueuedEmail?
                if let customerID = merged.customerID, let customer = try await routes.customers.find(id: customerID, councilID: merged.councilID),
                   let email = customer.email, let council = context.council {
                    notice = QueuedEmail(councilID: council.id, fromName: council.name, toAddress: email, toName: customer.name,
                                         subject: "Your report \(merged.reference) has been joined to \(original.reference)",
                                         bodyText: "Dear \(customer.name),\n\n\(message)\n\nQuote \(original.reference) if you contact us about it.\n\n\(council.name)")
                }
                try await routes.cases.link(duplicate: merged, to: original, notice: notice, by: actor, at: now)
                // Their report lives on as the one it joined: it shows in their account from now on.
                if let customerID = merged.customerID, customerID != original.customerID {
                    try await routes.cases.follow(caseID: original.id, customerID: customerID, at: now)
                }
                return .redirect(to: context.basePath + StaffPaths.cases + "/" + original.reference.description + "?saved=1")
            }
        }

        staff.post(":reference/extend") { request, context -> Response in
            let item = try await routes.load(context)
            try context.require(.updateCase, on: ResourceScope(councilID: item.councilID, owningTeamID: item.teamID))
            let form = try await FormInput.read(from: request)
            var problems: [FieldError] = []
            let days = Int(form["extra-days"])
            if days == nil || !(1...65).contains(days!) { problems.append(FieldError(fieldID: "extra-days", message: "Enter the extra working days, from 1 to 65")) }
            if form["extension-reason"].isEmpty { problems.append(FieldError(fieldID: "extension-reason", message: "Enter the reason, which the customer is told")) }
            if !item.status.isOpen { problems.append(FieldError(fieldID: "extra-days", message: "Only an open case can be given more time")) }
            if try await routes.complaintPanel.complaints.find(caseID: item.id) != nil {
                problems.insert(FieldError(fieldID: "extra-days", message: "A complaint's stage is extended in its complaint section"), at: 0)
            }
            if try await routes.informationRequestPanel.requests.find(caseID: item.id) != nil {
                problems.insert(FieldError(fieldID: "extra-days", message: "An information request is extended in its own section, as the law allows"), at: 0)
            }
            guard problems.isEmpty, let days else {
                return try await routes.page(item, context, problem: problems.first, status: .unprocessableContent)
            }
            let now = Date(), caseRules = try await routes.rules(context)
            let granted = DeadlineRules.Extension(workingDays: days, reason: form["extension-reason"])
            guard let newDeadline = try await routes.progress.deadline(item, caseRules.deadlines, now: now, adding: granted) else { throw HTTPError(.notFound) }
            let message = "We need more time: \(granted.reason). We now aim to finish by \(CaseDates.due(newDeadline))."
            switch try await routes.cases.extend(item, seenVersion: Int(form["version"]) ?? 0, by: granted, newResolveBy: newDeadline, message: message,
                                                 actor: .init(id: context.staff.id, name: context.staff.displayName), at: now) {
            case .saved:
                return .redirect(to: context.basePath + StaffPaths.cases + "/" + item.reference.description + "?saved=1")
            case .changedSince(let current, _):
                return try await routes.page(current, context, problem: FieldError(
                    fieldID: "extra-days", message: "This case changed while you were looking at it, so no time was added. Check it and try again"), status: .conflict)
            }
        }

        staff.post(":reference/details") { request, context -> Response in
            let item = try await routes.load(context)
            try context.require(.assignCase, on: ResourceScope(councilID: item.councilID, owningTeamID: item.teamID))
            let form = try await FormInput.read(from: request)
            let officers = try await routes.staffAccounts.all(councilID: item.councilID).filter { CaseQueueRoutes.caseworkRoles.contains($0.role) }
            let officer = officers.first { $0.id.uuidString == form["officer"] }
            guard let priority = CasePriority(rawValue: form["priority"]), form["officer"].isEmpty || officer != nil else {
                return try await routes.page(item, context, problem: FieldError(fieldID: "officer", message: "Select a priority and an officer from the lists"),
                                             status: .unprocessableContent)
            }
            switch try await routes.cases.setDetails(item, seenVersion: Int(form["version"]) ?? 0, priority: priority, officer: officer,
                                                     by: .init(id: context.staff.id, name: context.staff.displayName), at: Date()) {
            case .saved:
                return .redirect(to: context.basePath + StaffPaths.cases + "/" + item.reference.description + "?saved=1")
            case .changedSince(let current, _):
                return try await routes.page(current, context, problem: FieldError(
                    fieldID: "officer", message: "This case changed while you were looking at it, so nothing was saved. Check it and try again"), status: .conflict)
            }
        }

        staff.post(":reference/links") { request, context -> Response in
            let item = try await routes.load(context)
            try context.require(.updateCase, on: ResourceScope(councilID: item.councilID, owningTeamID: item.teamID))
            let form = try await FormInput.read(from: request)
            guard let reference = CaseReference(form["related"]), let other = try await routes.cases.find(reference: reference, councilID: item.councilID),
                  other.id != item.id else {
                return try await routes.page(item, context, problem: FieldError(
                    fieldID: "related", message: form["related"].isEmpty ? "Enter the reference of the related case"
                        : "There is no other case with the reference \(form["related"])"), status: .unprocessableContent)
            }
            try await routes.cases.relate(item, to: other, by: .init(id: context.staff.id, name: context.staff.displayName), at: Date())
            return .redirect(to: context.basePath + StaffPaths.cases + "/" + item.reference.description + "?saved=1")
        }

        staff.post(":reference/notes") { request, context -> Response in
            let item = try await routes.load(context)
            guard context.may(.logContact) || context.may(.updateCase) else { try context.require(.updateCase); throw HTTPError(.forbidden) }
            let form = try await FormInput.read(from: request)
            let text = form["note"]
            guard !text.isEmpty, text.count <= 5000 else {
                return try await routes.page(item, context, problem: FieldError(
                    fieldID: "note", message: text.isEmpty ? "Enter the note" : "The note must be 5,000 characters or fewer"), status: .unprocessableContent)
            }
            let visibility: CaseEvent.Visibility = form["visibility"] == "public" ? .public : .internal
            _ = try await routes.cases.addNote(to: item, text: text, visibility: visibility,
                                               by: .init(id: context.staff.id, name: context.staff.displayName), at: Date())
            return .redirect(to: context.basePath + StaffPaths.cases + "/" + item.reference.description + "?saved=1")
        }
    }

    /// The council's rules for its cases (calendar, cut-off, reopening window).
    func rules(_ context: StaffRequestContext) async throws -> CaseRules {
        guard let council = context.council else { throw HTTPError(.notFound) }
        return try await calendars.rules(for: council)
    }

    func load(_ context: StaffRequestContext) async throws -> Case {
        guard let reference = context.parameters.get("reference").flatMap(CaseReference.init),
              let item = try await cases.find(reference: reference, councilID: context.staff.councilID) else { throw HTTPError(.notFound) }
        try context.require(.viewCase, on: ResourceScope(councilID: item.councilID, owningTeamID: item.teamID))
        return item
    }
}
