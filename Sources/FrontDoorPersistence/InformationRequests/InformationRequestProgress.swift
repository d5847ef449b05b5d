import Foundation
import FrontDoorDomain
import SQLKit

/// Moving an information request along its legal clock: asking for clarification and recording
/// it, a fees notice and its payment, the identity check that starts a subject access clock, an
/// extension, and the response. Each is checked against the clock's rules, recorded with the
/// case's move (its status, its due date from the clock, the requester told on their timeline)
/// in one transaction against the case version the officer saw.
public struct InformationRequestProgress: Sendable {
    let database: Database
    let requests: InformationRequestRepository
    let progress: CaseProgress
    let calendars: CouncilCalendarRepository

    public init(database: Database, bankHolidays: BankHolidays) {
        self.database = database
        requests = InformationRequestRepository(database: database)
        progress = CaseProgress(database: database, bankHolidays: bankHolidays)
        calendars = CouncilCalendarRepository(database: database, shipped: bankHolidays)
    }

    public typealias Result = CaseSectionResult

    /// The request with the calendars its clock counts on.
    struct Current {
        var request: InformationRequestRepository.Request
        var calendars: StatutoryCalendars
        /// FOI and EIR count every nation's bank holidays (Scotland's only under FOISA); subject access the council's own.
        var calendar: WorkingDayCalendar { request.kind == .subjectAccess ? calendars.nation : calendars.informationRequests }

        /// The date the answer is due as of `today`, or nil while the clock is stopped (or the request lapsed).
        func due(on today: LocalDate) -> LocalDate? {
            if let clock = request.statutoryClock, case .running(let due, _) = clock.state(on: today, calendar: calendar) { return due }
            if let clock = request.subjectAccessClock, case .running(let due, _) = clock.state(calendar: calendar) { return due }
            return nil
        }
    }

    func current(_ item: Case, council: Council) async throws -> Current? {
        guard let request = try await requests.find(caseID: item.id) else { return nil }
        return Current(request: request, calendars: try await calendars.rules(for: council).statutoryCalendars)
    }

    static let notARequest = [FieldProblem(field: "request", message: "This case is not an information request")]

    /// What stops any change: the case ended, or the request already answered.
    static func closedProblems(_ item: Case, _ request: InformationRequestRepository.Request) -> [FieldProblem] {
        if [.withdrawn, .duplicate, .closed].contains(item.status) {
            return [.init(field: "request", message: "This request is \(item.status.displayName.lowercased()): it cannot be changed")]
        }
        if let answered = request.answeredOn { return [.init(field: "request", message: "This request was answered on \(answered.inWords)")] }
        return []
    }

    /// Asks the requester what they want; the clock stops until they say.
    public func askClarification(_ item: Case, council: Council, question: String, seenVersion: Int, by actor: CaseRepository.Actor,
                                 notice: CaseProgress.Notice?, at now: Date) async throws -> Result {
        guard let current = try await current(item, council: council) else { return .refused(Self.notARequest) }
        let question = question.trimmingCharacters(in: .whitespacesAndNewlines)
        var problems = Self.closedProblems(item, current.request)
        if question.isEmpty { problems.append(.init(field: "clarification-question", message: "Enter what the requester needs to clarify")) }
        if question.count > 2_000 { problems.append(.init(field: "clarification-question", message: "Keep the question to 2,000 characters or fewer")) }
        if item.status == .awaitingCustomer || current.request.clarifications.contains(where: { $0.answeredOn == nil }) {
            problems.append(.init(field: "clarification-question", message: "The request is already waiting for the requester"))
        }
        guard problems.isEmpty else { return .refused(problems) }
        let today = LocalDate(now)
        let restarts = current.request.kind == .subjectAccess
            ? "The time we have to answer is paused until we hear from you."
            : "The 20 working days we have to answer start again from the day we hear from you."
        return try await save(item, to: .awaitingCustomer, current: nil, seenVersion: seenVersion, by: actor,
                              message: "We need you to clarify your request before we can answer it. \(question) \(restarts)",
                              notice: notice, council: council, at: now) { db in
            try await Self.insertPause(InformationRequestRepository.clarification, caseID: item.id, from: today, amountPence: nil, on: db)
        }
    }

    /// Records the day the requester's clarification arrived (by any channel); the clock runs again from it.
    public func recordClarification(_ item: Case, council: Council, receivedOn: LocalDate, seenVersion: Int, by actor: CaseRepository.Actor,
                                    notice: CaseProgress.Notice?, at now: Date) async throws -> Result {
        guard var current = try await current(item, council: council) else { return .refused(Self.notARequest) }
        var problems = Self.closedProblems(item, current.request)
        guard let index = current.request.clarifications.lastIndex(where: { $0.answeredOn == nil }) else {
            return .refused(problems + [.init(field: "clarified-on", message: "No clarification is awaited")])
        }
        let askedOn = current.request.clarifications[index].askedOn
        if receivedOn < askedOn { problems.append(.init(field: "clarified-on", message: "The date must be on or after \(askedOn.inWords), when it was asked for")) }
        if receivedOn > LocalDate(now) { problems.append(.init(field: "clarified-on", message: "The date must be today or in the past")) }
        guard problems.isEmpty else { return .refused(problems) }
        current.request.clarifications[index].answeredOn = receivedOn
        let message = current.due(on: LocalDate(now)).map { "Thank you for clarifying your request. We will answer it by \($0.inWords)." } ?? "Thank you for clarifying your request."
        return try await save(item, to: item.status == .awaitingCustomer ? .inProgress : item.status, current: current, seenVersion: seenVersion,
                              by: actor, message: message, notice: notice, council: council, at: now) { db in
            try await Self.closePause(InformationRequestRepository.clarification, caseID: item.id, on: receivedOn, on: db)
        }
    }

    /// When the requester replies to a case waiting for their clarification (from My Account or
    /// by email), the reply is the clarification: the date the answer is now due, and what closes
    /// the wait in the reply's own transaction. Nil when the case waits for no clarification.
    static func clarificationArrives(caseID: UUID, on day: LocalDate, database: Database, calendars: StatutoryCalendars) async throws
        -> (due: LocalDate?, close: @Sendable (any SQLDatabase) async throws -> Void)? {
        guard var request = try await InformationRequestRepository(database: database).find(caseID: caseID),
              let index = request.clarifications.lastIndex(where: { $0.answeredOn == nil }) else { return nil }
        request.clarifications[index].answeredOn = max(day, request.clarifications[index].askedOn)
        let current = Current(request: request, calendars: calendars)
        let answeredOn = request.clarifications[index].answeredOn!
        return (current.due(on: day), { db in try await closePause(InformationRequestRepository.clarification, caseID: caseID, on: answeredOn, on: db) })
    }

    /// Gives a fees notice (FOI or EIR): the clock stops until the fee is paid, and the request lapses if it is not paid in time.
    public func giveFeesNotice(_ item: Case, council: Council, amountPence: Int, seenVersion: Int, by actor: CaseRepository.Actor,
                               notice: CaseProgress.Notice?, at now: Date) async throws -> Result {
        guard let current = try await current(item, council: council) else { return .refused(Self.notARequest) }
        var problems = Self.closedProblems(item, current.request)
        if current.request.kind == .subjectAccess {
            problems.append(.init(field: "fee-amount", message: "A subject access request is answered free of charge"))
        }
        if amountPence <= 0 { problems.append(.init(field: "fee-amount", message: "Enter a fee of more than £0")) }
        if item.status == .awaitingCustomer || current.request.feesNotices.contains(where: { $0.paidOn == nil }) {
            problems.append(.init(field: "fee-amount", message: "The request is already waiting for the requester"))
        }
        guard problems.isEmpty else { return .refused(problems) }
        let today = LocalDate(now)
        let payBy = StatutoryRequestClock.FeesNotice(givenOn: today).payBy(for: current.request.kind, calendar: current.calendar)
        let message = "Answering your request will cost \(Money.pounds(amountPence)). Please pay by \(payBy.inWords). "
            + "We will not go on with your request until the fee is paid, and if it is not paid by then the request lapses."
        return try await save(item, to: .awaitingCustomer, current: nil, seenVersion: seenVersion, by: actor, message: message, notice: notice,
                              council: council, at: now) { db in
            try await Self.insertPause(InformationRequestRepository.feesNotice, caseID: item.id, from: today, amountPence: amountPence, on: db)
        }
    }

    /// Records the day the fee was paid; the clock runs again, the days it stood still disregarded.
    public func recordFeePaid(_ item: Case, council: Council, paidOn: LocalDate, seenVersion: Int, by actor: CaseRepository.Actor,
                              notice: CaseProgress.Notice?, at now: Date) async throws -> Result {
        guard var current = try await current(item, council: council) else { return .refused(Self.notARequest) }
        var problems = Self.closedProblems(item, current.request)
        guard let index = current.request.feesNotices.lastIndex(where: { $0.paidOn == nil }) else {
            return .refused(problems + [.init(field: "fee-paid-on", message: "No fee is awaited")])
        }
        let feesNotice = current.request.feesNotices[index]
        let payBy = feesNotice.payBy(for: current.request.kind, calendar: current.calendar)
        if paidOn < feesNotice.givenOn { problems.append(.init(field: "fee-paid-on", message: "The date must be on or after \(feesNotice.givenOn.inWords), when the notice was given")) }
        if paidOn > LocalDate(now) { problems.append(.init(field: "fee-paid-on", message: "The date must be today or in the past")) }
        if paidOn > payBy { problems.append(.init(field: "fee-paid-on", message: "The fee was due by \(payBy.inWords): the request lapsed, so close it")) }
        guard problems.isEmpty else { return .refused(problems) }
        current.request.feesNotices[index].paidOn = paidOn
        let message = current.due(on: LocalDate(now)).map { "Thank you for paying the fee. We will answer your request by \($0.inWords)." } ?? "Thank you for paying the fee."
        return try await save(item, to: item.status == .awaitingCustomer ? .inProgress : item.status, current: current, seenVersion: seenVersion,
                              by: actor, message: message, notice: notice, council: council, at: now) { db in
            try await Self.closePause(InformationRequestRepository.feesNotice, caseID: item.id, on: paidOn, on: db)
        }
    }

    /// Records the requester's identity as checked on `verifiedOn`: a subject access clock starts.
    public func verifyIdentity(_ item: Case, council: Council, verifiedOn: LocalDate, seenVersion: Int, by actor: CaseRepository.Actor,
                               notice: CaseProgress.Notice?, at now: Date) async throws -> Result {
        guard var current = try await current(item, council: council) else { return .refused(Self.notARequest) }
        var problems = Self.closedProblems(item, current.request)
        if current.request.kind != .subjectAccess || !current.request.identityCheckNeeded {
            problems.append(.init(field: "identity-checked-on", message: "This request needs no identity check"))
        } else if current.request.identityVerifiedOn != nil {
            problems.append(.init(field: "identity-checked-on", message: "The identity check has been recorded already"))
        }
        if verifiedOn < current.request.receivedOn {
            problems.append(.init(field: "identity-checked-on", message: "The date must be on or after \(current.request.receivedOn.inWords), when the request arrived"))
        }
        if verifiedOn > LocalDate(now) { problems.append(.init(field: "identity-checked-on", message: "The date must be today or in the past")) }
        guard problems.isEmpty else { return .refused(problems) }
        current.request.identityVerifiedOn = verifiedOn
        let message = current.due(on: LocalDate(now)).map { "We have confirmed your identity. We will answer your request by \($0.inWords)." }
            ?? "We have confirmed your identity."
        return try await save(item, to: item.status == .submitted ? .acknowledged : item.status, current: current, seenVersion: seenVersion,
                              by: actor, message: message, notice: notice, council: council, at: now) { db in
            try await db.update("information_requests").set("identity_verified_on", to: SQLBind(verifiedOn.description))
                .where("case_id", .equal, item.id).run()
        }
    }

    /// What the officer proposes: a new date (FOI, EIR) or further months (subject access), with the reason the requester is told.
    public enum ProposedExtension: Sendable, Equatable {
        case until(LocalDate)
        case months(Int)
    }

    /// Extends the time to answer; the requester is told today, with the reason.
    public func extend(_ item: Case, council: Council, by proposed: ProposedExtension, reason: String, seenVersion: Int, by actor: CaseRepository.Actor,
                       notice: CaseProgress.Notice?, at now: Date) async throws -> Result {
        guard var current = try await current(item, council: council) else { return .refused(Self.notARequest) }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        let today = LocalDate(now)
        var problems = Self.closedProblems(item, current.request)
        if reason.count > 1_000 { problems.append(.init(field: "extension", message: "Keep the reason to 1,000 characters or fewer")) }
        if current.request.extensionToldOn != nil { problems.append(.init(field: "extension", message: "This request has been extended already")) }
        switch (proposed, current.request.statutoryClock, current.request.subjectAccessClock) {
        case (.until(let until), let clock?, _):
            if case .running = clock.state(on: today, calendar: current.calendar) {} else {
                problems.append(.init(field: "extension", message: "The clock is stopped: record the clarification or the fee first"))
            }
            problems += clock.problems(with: .init(until: until, reason: reason, toldOn: today), calendar: current.calendar,
                                       underFOISA: current.calendars.underFOISA).map { .init(field: "extension", message: $0) }
            current.request.extendedUntil = until
        case (.months(let months), _, let clock?):
            problems += clock.problems(with: .init(months: months, reason: reason, toldOn: today), calendar: current.calendar)
                .map { .init(field: "extension", message: $0) }
            current.request.extendedMonths = months
        default:
            problems.append(.init(field: "extension", message: current.request.kind == .subjectAccess
                ? "A subject access request is extended by one or two months" : "Enter the new date to answer by"))
        }
        guard problems.isEmpty else { return .refused(problems) }
        (current.request.extensionReason, current.request.extensionToldOn) = (reason, today)
        let why = switch current.request.kind {
        case .freedomOfInformation: "We need more time to consider the public interest in releasing the information: \(reason)"
        case .environmentalInformation: "Your request is complex and voluminous, so we need more time: \(reason)"
        case .subjectAccess: "We need more time to answer your request: \(reason)"
        }
        let message = why + (why.hasSuffix(".") ? "" : ".") + (current.due(on: LocalDate(now)).map { " We will now answer by \($0.inWords)." } ?? "")
        let request = current.request
        return try await save(item, to: item.status, current: current, seenVersion: seenVersion, by: actor, message: message, notice: notice,
                              council: council, at: now) { db in
            try await db.update("information_requests")
                .set("extended_until", to: SQLBind(request.extendedUntil?.description)).set("extended_months", to: SQLBind(request.extendedMonths))
                .set("extension_reason", to: SQLBind(reason)).set("extension_told_on", to: SQLBind(today.description))
                .where("case_id", .equal, item.id).run()
        }
    }

    /// Records the response sent to the requester and resolves the case.
    public func respond(_ item: Case, council: Council, response: String, seenVersion: Int, by actor: CaseRepository.Actor,
                        notice: CaseProgress.Notice?, at now: Date) async throws -> Result {
        guard let current = try await current(item, council: council) else { return .refused(Self.notARequest) }
        let response = response.trimmingCharacters(in: .whitespacesAndNewlines)
        var problems = Self.closedProblems(item, current.request)
        if response.isEmpty { problems.append(.init(field: "information-response", message: "Enter the response sent to the requester")) }
        if response.count > 20_000 { problems.append(.init(field: "information-response", message: "Keep the response to 20,000 characters or fewer")) }
        if current.due(on: LocalDate(now)) == nil {
            problems.append(.init(field: "information-response", message: Self.stoppedReason(current, today: LocalDate(now))))
        }
        guard problems.isEmpty else { return .refused(problems) }
        let today = LocalDate(now)
        switch try await progress.apply(.resolve, to: item, council: council, seenVersion: seenVersion, by: actor, message: response,
                                        notice: notice, at: now, alsoInTransaction: { db, _ in
            try await db.update("information_requests").set("answered_on", to: SQLBind(today.description))
                .set("response_text", to: SQLBind(response)).where("case_id", .equal, item.id).run()
        }) {
        case .saved(let saved): return .saved(saved)
        case .refused(let why): return .refused([.init(field: "information-response", message: why)])
        case .changedSince(let current, let events): return .changedSince(current, events)
        }
    }

    /// Why the request cannot be answered yet, in words for the officer.
    static func stoppedReason(_ current: Current, today: LocalDate) -> String {
        if let clock = current.request.statutoryClock {
            switch clock.state(on: today, calendar: current.calendar) {
            case .awaitingClarification: return "Record the requester's clarification before answering"
            case .awaitingFee: return "Record the fee as paid before answering"
            case .lapsed(let on): return "The request lapsed on \(on.inWords) because the fee was not paid: close it instead"
            case .running: return ""
            }
        }
        if let clock = current.request.subjectAccessClock {
            switch clock.state(calendar: current.calendar) {
            case .awaitingIdentity: return "Record the identity check before answering"
            case .awaitingClarification: return "Record the requester's clarification before answering"
            case .running: return ""
            }
        }
        return ""
    }

    /// Saves the move with the request's change; `current`, when given, holds the request as it
    /// will be, so the case takes the due date its clock gives.
    private func save(_ item: Case, to status: CaseStatus, current: Current?, seenVersion: Int, by actor: CaseRepository.Actor, message: String,
                      notice: CaseProgress.Notice?, council: Council, at now: Date,
                      write: @escaping @Sendable (any SQLDatabase) async throws -> Void) async throws -> Result {
        let progress = self.progress
        let resolveBy = current?.due(on: LocalDate(now)).map(CaseDeadline.date)
        switch try await progress.cases.transition(item, to: status, seenVersion: seenVersion, by: actor, message: message, resolveBy: resolveBy,
                                                   at: now, alsoInTransaction: { db, saved in
            try await write(db)
            if let notice { try await progress.tellCustomer(saved, message: message, notice: notice, council: council, at: now, on: db) }
        }) {
        case .saved(let saved): return .saved(saved)
        case .changedSince(let current, let events): return .changedSince(current, events)
        }
    }

    static func insertPause(_ reason: String, caseID: UUID, from: LocalDate, amountPence: Int?, on db: any SQLDatabase) async throws {
        try await db.insert(into: "information_request_pauses").columns("id", "case_id", "reason", "from_on", "amount_pence")
            .values(SQLBind(UUID()), SQLBind(caseID), SQLBind(reason), SQLBind(from.description), SQLBind(amountPence)).run()
    }

    static func closePause(_ reason: String, caseID: UUID, on day: LocalDate, on db: any SQLDatabase) async throws {
        try await db.update("information_request_pauses").set("until_on", to: SQLBind(day.description))
            .where("case_id", .equal, caseID).where("reason", .equal, reason).where("until_on", .is, SQLLiteral.null).run()
    }
}
