import Foundation
import FrontDoorDomain
import SQLKit

/// The service-standard sweep's reading and writing: the open cases whose state could have
/// changed, and recording a new state with a timeline entry and the alerts, all at once.
extension CaseRepository {
    /// Open cases being worked (not waiting for the customer: their clock is stopped) that are
    /// due by `horizon` or are already marked due soon, and are not yet marked overdue.
    public func casesToAssess(councilID: UUID, horizon: LocalDate, horizonInstant: Date) async throws -> [Case] {
        let working = [CaseStatus.submitted, .acknowledged, .inProgress].map(\.rawValue)
        return try await database.sql.select().column("*").from("cases")
            .where("council_id", .equal, councilID)
            .where("status", .in, working)
            .where("standard_state", .notEqual, StandardState.breached.rawValue)
            .where { group in
                group.where("resolve_by_date", .lessThanOrEqual, horizon.description)
                    .orWhere("resolve_by_at", .lessThanOrEqual, SQLBind(horizonInstant))
                    .orWhere("standard_state", .equal, StandardState.dueSoon.rawValue)
            }
            .all(decoding: CaseRow.self).map { try $0.toCase() }
    }

    /// Records the case's new standard state (not a change an officer makes, so its version
    /// stays), an internal timeline entry, and `alerts` to send, in one transaction.
    public func recordStandardState(_ item: Case, _ state: StandardState, note: String, alerts: [QueuedEmail], at now: Date) async throws {
        try await database.transaction { db in
            // Claimed by the state it was read in: when several server processes sweep at once,
            // only one records the change and sends the alerts.
            let claimed = try await db.update("cases").set("standard_state", to: SQLBind(state.rawValue))
                .where("id", .equal, item.id).where("standard_state", .equal, item.standardState.rawValue)
                .returning("id").all(decoding: Claimed.self)
            guard !claimed.isEmpty else { return }
            let event = CaseEvent(caseID: item.id, occurredAt: now, actorID: nil, actorName: "FrontDoor", visibility: .internal,
                                  text: note, caseVersion: item.version)
            try await db.insert(into: "case_events").model(CaseEventRow(event)).run()
            let outbox = EmailOutbox(database: self.database)
            for alert in alerts { try await outbox.enqueue(alert, at: now, on: db) }
        }
    }
}
