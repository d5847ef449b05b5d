import Foundation
import FrontDoorDomain
import SQLKit

/// What Open311's `requests` and `servicerequestupdates` read: a council's cases by reference,
/// service, date received and status; the public timeline entries in a window; the latest
/// public words on each case; the teams that own them.
public struct Open311Queries: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public struct Filter: Sendable {
        public var references: [String]
        public var serviceIDs: [UUID]
        public var receivedFrom: Date
        public var receivedTo: Date
        public var statuses: Set<CaseStatus>?
        public var limit: Int

        public init(references: [String] = [], serviceIDs: [UUID] = [], receivedFrom: Date, receivedTo: Date, statuses: Set<CaseStatus>? = nil,
                    limit: Int) {
            self.references = references
            self.serviceIDs = serviceIDs
            self.receivedFrom = receivedFrom
            self.receivedTo = receivedTo
            self.statuses = statuses
            self.limit = limit
        }
    }

    /// Cases newest first. Asked for by reference, the dates do not apply (the specification:
    /// ids take priority over the other parameters).
    public func requests(councilID: UUID, _ filter: Filter) async throws -> [Case] {
        let query = database.sql.select().column("*").from("cases").where("council_id", .equal, councilID)
        if !filter.references.isEmpty {
            query.where("reference", .in, SQLBind.group(filter.references))
        } else {
            query.where("received_at", .greaterThanOrEqual, filter.receivedFrom).where("received_at", .lessThanOrEqual, filter.receivedTo)
            if !filter.serviceIDs.isEmpty { query.where("service_id", .in, SQLBind.group(filter.serviceIDs)) }
            if let statuses = filter.statuses { query.where("status", .in, SQLBind.group(statuses.map(\.rawValue).sorted())) }
        }
        return try await query.orderBy("received_at", .descending).orderBy("reference", .descending).limit(filter.limit)
            .all(decoding: CaseRow.self).map { try $0.toCase() }
    }

    /// The latest public words on each case (what the resident was last told).
    public func latestPublicText(caseIDs: [UUID]) async throws -> [UUID: String] {
        guard !caseIDs.isEmpty else { return [:] }
        let events = try await database.sql.select().column("*").from("case_events").where("case_id", .in, SQLBind.group(caseIDs))
            .where("visibility", .equal, CaseEvent.Visibility.public.rawValue).orderBy("occurred_at").all(decoding: CaseEventRow.self)
            .map { try $0.toEvent() }
        var latest: [UUID: String] = [:]
        for event in events { latest[event.caseID] = event.text }
        return latest
    }

    /// A public timeline entry with the case it belongs to.
    public struct Update: Sendable {
        public var event: CaseEvent
        public var reference: CaseReference
        /// The case's status after this entry (its own move, else the last move before it).
        public var status: CaseStatus
    }

    /// Public timeline entries in the window, oldest first.
    public func updates(councilID: UUID, from: Date, to: Date, limit: Int) async throws -> [Update] {
        let events = try await database.sql.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("case_events"))).from("case_events")
            .join("cases", on: SQLColumn("case_id", table: "case_events"), .equal, SQLColumn("id", table: "cases"))
            .where(SQLColumn("council_id", table: "cases"), .equal, SQLBind(councilID))
            .where(SQLColumn("visibility", table: "case_events"), .equal, SQLBind(CaseEvent.Visibility.public.rawValue))
            .where(SQLColumn("occurred_at", table: "case_events"), .greaterThanOrEqual, SQLBind(from))
            .where(SQLColumn("occurred_at", table: "case_events"), .lessThanOrEqual, SQLBind(to))
            .orderBy(SQLColumn("occurred_at", table: "case_events")).limit(limit)
            .all(decoding: CaseEventRow.self).map { try $0.toEvent() }
        let ids = Array(Set(events.map(\.caseID)))
        guard !ids.isEmpty else { return [] }
        let cases = try await database.sql.select().column("*").from("cases").where("id", .in, SQLBind.group(ids))
            .all(decoding: CaseRow.self).map { try $0.toCase() }
        let byID = Dictionary(uniqueKeysWithValues: cases.map { ($0.id, $0) })
        // A note leaves the status as the last move before it left it.
        let moves = try await database.sql.select().column("*").from("case_events").where("case_id", .in, SQLBind.group(ids))
            .where("to_status", .isNot, SQLLiteral.null).orderBy("occurred_at").all(decoding: CaseEventRow.self).map { try $0.toEvent() }
        func status(after event: CaseEvent, of item: Case) -> CaseStatus {
            if let moved = event.toStatus { return moved }
            return moves.last { $0.caseID == event.caseID && $0.occurredAt <= event.occurredAt }?.toStatus ?? item.status
        }
        return events.compactMap { event in
            byID[event.caseID].map { Update(event: event, reference: $0.reference, status: status(after: event, of: $0)) }
        }
    }

    public func teamNames(councilID: UUID) async throws -> [UUID: String] {
        struct Row: Decodable { var id: UUID; var name: String }
        return Dictionary(uniqueKeysWithValues: try await database.sql.select().columns("id", "name").from("teams")
            .where("council_id", .equal, councilID).all(decoding: Row.self).map { ($0.id, $0.name) })
    }
}
