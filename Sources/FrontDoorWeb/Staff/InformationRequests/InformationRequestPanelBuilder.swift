import Foundation
import FrontDoorDomain
import FrontDoorPersistence

/// Builds an information request's panel for its case page from the stored request, its clock
/// and what was withheld, showing what was typed again beside any problem.
struct InformationRequestPanelBuilder: Sendable {
    let requests: InformationRequestRepository
    let withheld: WithheldItemRepository
    let disclosureLog: DisclosureLogRepository
    let calendars: CouncilCalendarRepository

    init(database: Database, bankHolidays: BankHolidays) {
        requests = InformationRequestRepository(database: database)
        withheld = WithheldItemRepository(database: database)
        disclosureLog = DisclosureLogRepository(database: database)
        calendars = CouncilCalendarRepository(database: database, shipped: bankHolidays)
    }

    /// The panel, or nil when the case is not an information request.
    func panel(_ item: Case, _ context: StaffRequestContext, problems: [FieldError], typed: FormInput?) async throws -> InformationRequestPanel? {
        guard let request = try await requests.find(caseID: item.id), let council = context.council else { return nil }
        let statutory = try await calendars.rules(for: council).statutoryCalendars
        let calendar = request.kind == .subjectAccess ? statutory.nation : statutory.informationRequests
        let today = LocalDate(Date())
        func error(_ field: String) -> String? { problems.first { $0.fieldID == field }?.message }
        func value(_ field: String) -> String? { typed.map { $0[field] } }
        let anyError: ([String]) -> Bool = { fields in problems.contains { fields.contains($0.fieldID) } }
        let scope = ResourceScope(councilID: item.councilID, owningTeamID: item.teamID)
        let mayHandle = Permissions.isAllowed(context.member, .handleInformationRequest, on: scope)
        let ended = [.withdrawn, .duplicate, .closed].contains(item.status)
        let open = mayHandle && !ended && request.answeredOn == nil
        let base = context.basePath + StaffPaths.cases + "/" + item.reference.description + "/information-request"
        func target(_ path: String) -> InformationRequestPanel.Target {
            .init(action: base + path, csrfToken: context.csrfToken, version: String(item.version))
        }
        /// A date input filled with what was typed, or today.
        func date(_ id: String, _ legend: String, hint: String? = nil) -> DateInput {
            let typedDate = typed?.typedDate(id) ?? (String(today.day), String(today.month), String(today.year))
            return DateInput(id: id, fieldset: Fieldset(legend: legend), hint: hint, error: error(id), day: typedDate.0, month: typedDate.1, year: typedDate.2)
        }

        let clock = Self.clockText(request, calendar: calendar, today: today)
        var rows: [SummaryList.Row] = [
            .init(key: "Received", value: CaseDates.date(request.receivedOn)),
            .init(key: "Answer", value: clock.text),
        ]
        if request.kind == .subjectAccess {
            rows.append(.init(key: "Identity check", value: !request.identityCheckNeeded ? "Not needed"
                : request.identityVerifiedOn.map { "Done \(CaseDates.date($0))" } ?? "Waiting: the clock starts when it is done"))
        }
        for clarification in request.clarifications {
            rows.append(.init(key: "Clarification", value: "Asked \(CaseDates.date(clarification.askedOn)), "
                              + (clarification.answeredOn.map { "answered \(CaseDates.date($0))" } ?? "not answered yet")))
        }
        for notice in request.feesNotices {
            rows.append(.init(key: "Fees notice", value: (notice.amountPence.map { Money.pounds($0) + ", " } ?? "") + "given \(CaseDates.date(notice.givenOn)), "
                              + (notice.paidOn.map { "paid \(CaseDates.date($0))" }
                                 ?? "to be paid by \(CaseDates.date(notice.payBy(for: request.kind, calendar: calendar)))")))
        }
        if let toldOn = request.extensionToldOn {
            let what = request.extendedUntil.map { "To \(CaseDates.date($0))" } ?? request.extendedMonths.map { "By \($0) \($0 == 1 ? "month" : "months")" } ?? ""
            rows.append(.init(key: "Extension", value: "\(what): \(request.extensionReason) (requester told \(CaseDates.date(toldOn)))"))
        }
        if let answered = request.answeredOn {
            rows.append(.init(key: "Answered", value: CaseDates.date(answered) + (clock.due.map { answered <= $0 ? " (on time)" : " (late)" } ?? "")))
            rows.append(.init(key: "Response", value: request.responseText))
        }
        if request.kind != .subjectAccess {
            rows.append(.init(key: "Disclosure log", value: request.disclosurePublishedAt.map { "Published \(UKDateFormat.dateAndTime($0))" } ?? "Not published"))
        }

        var panel = InformationRequestPanel(heading: request.kind.displayName, summary: SummaryList(rows: rows),
                                            recordsWithheld: request.kind != .subjectAccess, withheld: [], hasWithheld: false)
        let awaitingClarification = request.clarifications.contains { $0.answeredOn == nil }
        let awaitingFee = request.feesNotices.contains { $0.paidOn == nil }
        if open, request.kind == .subjectAccess, request.identityCheckNeeded, request.identityVerifiedOn == nil {
            panel.identity = .init(target: target("/identity"), date: date("identity-checked-on", "Identity checked on"),
                                   save: Button("Record the identity check"))
        }
        if open, awaitingClarification {
            panel.clarified = .init(target: target("/clarified"), date: date("clarified-on", "Clarification received on",
                                                                         hint: item.status == .awaitingCustomer ? nil : "The requester has replied."),
                                    save: Button("Record the clarification"))
        }
        if open, awaitingFee, case .awaitingFee = clock.state {
            panel.feePaid = .init(target: target("/fee-paid"), date: date("fee-paid-on", "Fee paid on"), save: Button("Record the fee as paid"))
        }
        let waiting = awaitingClarification || awaitingFee || item.status == .awaitingCustomer
        if open, !waiting, clock.due != nil {
            panel.respond = .init(target: target("/respond"),
                                  text: Textarea(id: "information-response", label: Label("Response sent to the requester"),
                                                 hint: "Shown on their timeline and sent to them. Record anything withheld below first.",
                                                 error: error("information-response"), value: value("information-response"), rows: 8),
                                  save: Button("Send the response"))
        }
        if open, !waiting {
            panel.clarify = .init(target: target("/clarify"),
                                  question: Textarea(id: "clarification-question", label: Label("What do you need the requester to clarify?"),
                                                     hint: "They are sent it.", error: error("clarification-question"),
                                                     value: value("clarification-question"), rows: 3),
                                  save: Button("Ask for clarification", variant: .secondary), isOpen: anyError(["clarification-question"]))
        }
        if open, !waiting, request.kind != .subjectAccess, clock.due != nil {
            panel.fees = .init(target: target("/fees"),
                               amount: TextInput(id: "fee-amount", label: Label("Fee, in pounds"), hint: "Like 45.00. The requester has three months to pay (60 working days under the EIR).",
                                                 error: error("fee-amount"), value: value("fee-amount"), inputmode: "decimal", spellcheck: false,
                                                 widthClass: "fd-input--width-10"),
                               save: Button("Give the fees notice", variant: .secondary), isOpen: anyError(["fee-amount"]))
        }
        let mayExtend = request.kind != .freedomOfInformation || !statutory.underFOISA
        if open, !waiting, request.extensionToldOn == nil, clock.due != nil, mayExtend {
            let fields = ["extended-until", "extension-months", "information-extension-reason"]
            let isSubjectAccess = request.kind == .subjectAccess
            let until = typed?.typedDate("extended-until")
            panel.extend = .init(
                target: target("/extend"),
                until: isSubjectAccess ? nil : DateInput(
                    id: "extended-until", fieldset: Fieldset(legend: "Answer by"),
                    hint: request.kind == .freedomOfInformation ? "No more than 20 working days after the usual date, to consider the public interest."
                        : "No later than the fortieth working day, for a complex and voluminous request.",
                    error: error("extended-until"), day: until?.0, month: until?.1, year: until?.2),
                months: isSubjectAccess ? Radios(ChoiceGroup(
                    idPrefix: "extension-months", fieldset: Fieldset(legend: "Extend by"), error: error("extension-months"),
                    options: [(value: "1", text: "One month", hint: String?.none), (value: "2", text: "Two months", hint: String?.none)],
                    selected: Set([value("extension-months") ?? ""]), isInline: true)) : nil,
                reason: TextInput(id: "information-extension-reason", label: Label("Reason (the requester is told today)"),
                                  error: error("information-extension-reason"), value: value("information-extension-reason")),
                save: Button("Extend the time to answer", variant: .secondary), isOpen: anyError(fields))
        }

        if request.kind != .subjectAccess {
            let mayChangeWithheld = mayHandle && !ended && request.disclosurePublishedAt == nil
            panel.withheld = try await withheld.all(caseID: item.id).map { recorded in
                var details: [SummaryList.Row] = [.init(key: "Withheld", value: recorded.item.description),
                                                  .init(key: recorded.item.exemption.regime == .environmentalInformation ? "Exception" : "Exemption",
                                                        value: recorded.item.exemption.title)]
                if !recorded.item.publicInterestTest.isEmpty { details.append(.init(key: "Public interest test", value: recorded.item.publicInterestTest)) }
                return .init(details: SummaryList(rows: details), remove: mayChangeWithheld ? .init(
                    target: target("/withheld/" + recorded.id.uuidString.lowercased() + "/remove"),
                    save: Button("Remove \u{201C}\(recorded.item.description)\u{201D}", variant: .secondary)) : nil)
            }
            panel.hasWithheld = !panel.withheld.isEmpty
            if mayChangeWithheld {
                let exemptions = Exemption.available(for: request.kind, underFOISA: statutory.underFOISA)
                panel.addWithheld = .init(
                    target: target("/withheld"),
                    description: TextInput(id: "withheld-description", label: Label("What was withheld"), hint: "Like \u{201C}names of the contractor's staff\u{201D}.",
                                           error: error("withheld-description"), value: value("withheld-description")),
                    exemption: Select(id: "exemption", label: Label(request.kind == .environmentalInformation ? "Exception" : "Exemption"),
                                      error: error("exemption"),
                                      options: [(value: "", text: "Select one")] + exemptions.map { (value: $0.code, text: $0.title + ($0.isQualified ? " (qualified)" : "")) },
                                      selected: value("exemption")),
                    publicInterest: Textarea(id: "public-interest", label: Label("Public interest test"),
                                             hint: "Needed for a qualified exemption: why the public interest in withholding outweighs that in disclosing.",
                                             error: error("public-interest"), value: value("public-interest"), rows: 3),
                    save: Button("Record withheld information", variant: .secondary),
                    isOpen: anyError(["withheld-description", "exemption", "public-interest"]))
            }
            if mayHandle, request.answeredOn != nil, !ended || item.status == .closed {
                if request.disclosurePublishedAt != nil {
                    panel.unpublish = .init(target: target("/unpublish"), save: Button("Take it off the disclosure log", variant: .secondary))
                } else {
                    let confirmed = Set(typed?.all("redaction-confirmed") ?? [])
                    panel.publish = .init(
                        target: target("/publish"),
                        request: Textarea(id: "disclosure-request", label: Label("The request, as published"),
                                          hint: "Without the requester's name or anyone's personal data.", error: error("disclosure-request"),
                                          value: value("disclosure-request") ?? request.disclosureRequest, rows: 4),
                        response: Textarea(id: "disclosure-response", label: Label("The response, as published"),
                                           hint: "Redact names, contact details and anything withheld.", error: error("disclosure-response"),
                                           value: value("disclosure-response") ?? (request.disclosureResponse.isEmpty ? request.responseText : request.disclosureResponse),
                                           rows: 8),
                        confirm: Checkboxes(ChoiceGroup(
                            idPrefix: "redaction-confirmed", fieldset: Fieldset(legend: "Redaction"), error: error("redaction-confirmed"),
                            options: [(value: "yes", text: "I have removed personal data and withheld information from both", hint: String?.none)],
                            selected: confirmed)),
                        save: Button("Publish on the disclosure log", variant: .secondary),
                        isOpen: anyError(["disclosure-request", "disclosure-response", "redaction-confirmed"]))
                }
            }
        }
        return panel
    }

    /// The clock in words, with the date the answer is due when it is running.
    struct Clock {
        var text: String
        var due: LocalDate?
        var state: StatutoryRequestClock.State?
    }

    static func clockText(_ request: InformationRequestRepository.Request, calendar: WorkingDayCalendar, today: LocalDate) -> Clock {
        if let clock = request.statutoryClock {
            let state = clock.state(on: today, calendar: calendar)
            switch state {
            case .running(let due, let statutory):
                let text = "By \(CaseDates.date(due))" + (due == statutory ? " (the twentieth working day)" : " (extended from \(CaseDates.date(statutory)))")
                return Clock(text: text, due: due, state: state)
            case .awaitingClarification(let since):
                return Clock(text: "Clock stopped: waiting for clarification asked for on \(CaseDates.date(since))", state: state)
            case .awaitingFee(let since, let payBy):
                return Clock(text: "Clock stopped: fees notice given \(CaseDates.date(since)), to be paid by \(CaseDates.date(payBy))", state: state)
            case .lapsed(let on):
                return Clock(text: "Lapsed on \(CaseDates.date(on)): the fee was not paid", state: state)
            }
        }
        if let clock = request.subjectAccessClock {
            switch clock.state(calendar: calendar) {
            case .awaitingIdentity:
                return Clock(text: "Clock not started: waiting for the identity check")
            case .awaitingClarification(let since):
                return Clock(text: "Clock stopped: waiting for clarification asked for on \(CaseDates.date(since))")
            case .running(let due, let original):
                return Clock(text: "By \(CaseDates.date(due))" + (due == original ? " (one month)" : " (extended from \(CaseDates.date(original)))"), due: due)
            }
        }
        return Clock(text: "")
    }
}
