import Foundation
import FrontDoorDomain
import SQLKit

/// Moving a case on by one lifecycle action, the same way whoever asks: an officer on the case
/// page or a resident in My Account. It checks the action against the lifecycle (with the
/// council's reopening window), moves the deadline on when a wait for the customer ends, records
/// the outcome against the standard on resolution, and saves against the version the person saw.
public struct CaseProgress: Sendable {
    let cases: CaseRepository
    let services: ServiceRepository
    let calendars: CouncilCalendarRepository

    public init(database: Database, bankHolidays: BankHolidays) {
        self.cases = CaseRepository(database: database)
        self.services = ServiceRepository(database: database)
        self.calendars = CouncilCalendarRepository(database: database, shipped: bankHolidays)
    }

    public enum Result: Sendable, Equatable {
        case saved(Case)
        /// The lifecycle does not allow it, in words for the person who tried.
        case refused(String)
        /// Someone else changed the case first: it as it is now, and what they did.
        case changedSince(Case, [CaseEvent])
    }

    /// Who to tell about a change, and where they follow the request: an officer's changes are
    /// told to the customer (a resident's own are not: they know).
    public struct Notice: Sendable {
        public var link: String

        public init(link: String) {
            self.link = link
        }
    }

    /// Applies `action` to `item` as seen at `seenVersion`. `message` goes on the public timeline;
    /// when empty, a plain sentence about the new status does. With a `notice`, the customer is
    /// sent a notification in the same transaction (`NotificationOutbox`); `alsoInTransaction`
    /// records whatever else belongs with the change (the email that brought it, say).
    public func apply(_ action: CaseAction, to item: Case, council: Council, seenVersion: Int, by actor: CaseRepository.Actor,
                      message: String, notice: Notice? = nil, at now: Date,
                      alsoInTransaction: (@Sendable (any SQLDatabase, Case) async throws -> Void)? = nil) async throws -> Result {
        let rules = try await calendars.rules(for: council)
        let next: CaseStatus
        switch rules.lifecycle.apply(action, to: item.status, resolvedAt: item.resolvedAt, now: now) {
        case .success(let status): next = status
        case .failure(let refusal): return .refused(refusal.description)
        }
        var resolveBy: CaseDeadline?
        var extra: (@Sendable (any SQLDatabase, Case) async throws -> Void)? = alsoInTransaction
        if item.status == .awaitingCustomer {
            // The clock restarts: the deadline moves by the working days spent waiting.
            resolveBy = try await deadline(item, rules.deadlines, now: now)
            // An information request's reply is the clarification it waited for: its legal clock restarts instead.
            if action == .customerReplied,
               let (due, close) = try await InformationRequestProgress.clarificationArrives(caseID: item.id, on: LocalDate(now), database: cases.database,
                                                                                            calendars: rules.statutoryCalendars) {
                resolveBy = due.map(CaseDeadline.date) ?? resolveBy
                extra = { db, saved in
                    try await close(db)
                    try await alsoInTransaction?(db, saved)
                }
            }
        }
        var outcome: StandardOutcome?
        if next == .resolved {
            let pauses = try await cases.pauses(caseID: item.id).map { $0.until == nil ? .init(from: $0.from, until: now) : $0 }
            outcome = StandardAssessment(calendar: rules.deadlines.calendar).outcome(
                deadline: resolveBy ?? item.resolveBy, rules: rules.deadlines, receivedAt: item.receivedAt, resolvedAt: now, pauses: pauses)
        }
        let text = message.isEmpty ? Self.defaultMessage(next) : message
        let also = extra
        var tell: (@Sendable (any SQLDatabase, Case) async throws -> Void)? = also
        if let notice {
            let progress = self
            tell = { db, saved in
                try await progress.tellCustomer(saved, message: text, notice: notice, council: council, at: now, on: db)
                try await also?(db, saved)
            }
        }
        switch try await cases.transition(item, to: next, seenVersion: seenVersion, by: actor, message: text,
                                          resolveBy: resolveBy, outcome: outcome, at: now, alsoInTransaction: tell) {
        case .saved(let saved): return .saved(saved)
        case .changedSince(let current, let events): return .changedSince(current, events)
        }
    }

    /// Queues the customer's notification of the change, on `db` (the change's own transaction).
    func tellCustomer(_ saved: Case, message: String, notice: Notice, council: Council, at now: Date, on db: any SQLDatabase) async throws {
        guard let event = Self.notificationEvent(after: saved.status), let customerID = saved.customerID,
              let customer = try await CustomerRepository.rows(ids: [customerID], councilID: saved.councilID, on: db).first else { return }
        // Read on the change's own connection: the pool may have no other to spare.
        let service = try await ServiceRepository(database: cases.database.within(db)).find(id: saved.serviceID, councilID: saved.councilID)?.name ?? ""
        let values: [String: String] = ["reference": saved.reference.description, "service": service, "link": notice.link,
                                        "status": saved.status.displayName, "message": message]
        try await NotificationOutbox(database: cases.database).queue(event, to: customer, council: council, caseID: saved.id, values: values,
                                                                     at: now, on: db)
    }

    /// What the customer is told when a case moves to `status`; nil for moves they made or need not hear of.
    static func notificationEvent(after status: CaseStatus) -> NotificationEvent? {
        switch status {
        case .awaitingCustomer: .informationRequested
        case .resolved: .caseResolved
        case .acknowledged, .inProgress, .closed: .caseUpdated
        case .submitted, .withdrawn, .duplicate: nil
        }
    }

    /// The case's deadline now: its standard from receipt, plus the time spent waiting for the
    /// customer (a pause still running ends `now`) and every extension, with `adding` if given.
    public func deadline(_ item: Case, _ rules: DeadlineRules, now: Date, adding: DeadlineRules.Extension? = nil) async throws -> CaseDeadline? {
        guard let service = try await services.find(id: item.serviceID, councilID: item.councilID) else { return nil }
        let pauses = try await cases.pauses(caseID: item.id).map { $0.until == nil ? DeadlineRules.Pause(from: $0.from, until: now) : $0 }
        let extensions = try await cases.extensions(caseID: item.id) + (adding.map { [$0] } ?? [])
        return switch service.standard.target {
        case .workingDays(let days): .date(rules.dueDate(workingDays: days, receivedAt: item.receivedAt, pauses: pauses, extensions: extensions, now: now))
        case .hours(let hours): .instant(rules.dueInstant(hours: hours, receivedAt: item.receivedAt, pauses: pauses, now: now))
        }
    }

    public static func defaultMessage(_ status: CaseStatus) -> String {
        switch status {
        case .acknowledged: "We have received your request and will deal with it."
        case .inProgress: "We are working on your request."
        case .awaitingCustomer: "We need more information from you."
        case .resolved: "We have dealt with your request."
        case .closed: "This request is closed."
        case .withdrawn: "This request has been withdrawn."
        case .duplicate: "This was already reported, so we have joined it to the earlier report."
        case .submitted: "Request received."
        }
    }
}
