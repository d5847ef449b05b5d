import Foundation
import FrontDoorDomain
import SQLKit

/// Changing a case: its status (by the lifecycle), with a message on its timeline, and notes.
/// Every change names the version it was made against; if the case has moved on since, the
/// change is refused and the caller shown what happened in between, so no update is lost.
extension CaseRepository {
    /// What came of a change.
    public enum Outcome: Sendable, Equatable {
        case saved(Case)
        /// Someone else changed the case first: it as it is now, and what they did.
        case changedSince(Case, [CaseEvent])
    }

    public struct Actor: Sendable, Equatable {
        public var id: UUID?
        public var name: String

        public init(id: UUID?, name: String) {
            self.id = id
            self.name = name
        }
    }

    /// Moves a case to `status` (already allowed by the lifecycle), made against `seenVersion`.
    /// `message` goes on the public timeline (the resident sees it); `resolveBy` replaces the
    /// deadline when a pause ended.
    public func transition(_ item: Case, to status: CaseStatus, seenVersion: Int, by actor: Actor, message: String,
                           resolveBy: CaseDeadline? = nil, outcome: StandardOutcome? = nil, at now: Date,
                           alsoInTransaction: (@Sendable (any SQLDatabase, Case) async throws -> Void)? = nil) async throws -> Outcome {
        let database = self.database
        let updated = try await database.transaction { db -> Case? in
            var changed = item
            changed.status = status
            changed.version = seenVersion + 1
            changed.updatedAt = now
            if let resolveBy { changed.resolveBy = resolveBy }
            if status == .resolved { changed.resolvedAt = now }
            if item.acknowledgedAt == nil, item.status == .submitted, status != .withdrawn, status != .duplicate { changed.acknowledgedAt = now }
            if status == .closed || status == .withdrawn || status == .duplicate { changed.closedAt = now }
            if status == .inProgress, item.status == .resolved || item.status == .closed { changed.closedAt = nil; changed.outcome = nil }
            if status == .resolved { changed.outcome = outcome }
            let row = try CaseRow(changed)
            // The version check and the change are one statement: of two changes made against
            // the same version, exactly one matches.
            let claimed = try await db.update("cases")
                .set("status", to: SQLBind(row.status)).set("version", to: SQLBind(row.version)).set("updated_at", to: SQLBind(now))
                .set("resolve_by_date", to: SQLBind(row.resolve_by_date)).set("resolve_by_at", to: SQLBind(row.resolve_by_at))
                .set("resolved_at", to: SQLBind(row.resolved_at)).set("closed_at", to: SQLBind(row.closed_at))
                .set("acknowledged_at", to: SQLBind(row.acknowledged_at))
                .set("standard_met", to: SQLBind(row.standard_met)).set("working_days_taken", to: SQLBind(row.working_days_taken))
                .where("id", .equal, item.id).where("version", .equal, seenVersion)
                .returning("id").all(decoding: Claimed.self)
            guard !claimed.isEmpty else { return nil }
            if status == .awaitingCustomer {
                try await db.insert(into: "case_pauses").columns("case_id", "paused_at").values(SQLBind(item.id), SQLBind(now)).run()
            } else if item.status == .awaitingCustomer {
                try await db.update("case_pauses").set("resumed_at", to: SQLBind(now))
                    .where("case_id", .equal, item.id).where("resumed_at", .is, SQLLiteral.null).run()
            }
            let event = CaseEvent(caseID: item.id, occurredAt: now, actorID: actor.id, actorName: actor.name, visibility: .public,
                                  text: message, fromStatus: item.status, toStatus: status, caseVersion: changed.version)
            try await db.insert(into: "case_events").model(CaseEventRow(event)).run()
            // A move that closes is an update, then a close: a millisecond apart, so receivers see them in that order.
            for (index, raised) in WebhookEvent.raised(byMoveTo: status).enumerated() {
                try await WebhookOutbox.raise(raised, councilID: changed.councilID, data: WebhookPayloads.of(changed),
                                              at: now.addingTimeInterval(0.001 * Double(index)), on: db)
            }
            try await alsoInTransaction?(db, changed)
            return changed
        }
        if let updated { return .saved(updated) }
        let (current, since) = try await changesSince(seenVersion, to: item)
        return .changedSince(current, since)
    }

    struct Claimed: Decodable { var id: UUID }

    /// A case as it is now and what was done to it after `seenVersion`: what a change made
    /// against an older version is refused with.
    func changesSince(_ seenVersion: Int, to item: Case) async throws -> (Case, [CaseEvent]) {
        guard let current = try await find(id: item.id, councilID: item.councilID) else {
            throw StoredDataError.unknownValue(table: "cases", column: "id", value: item.id.uuidString)
        }
        return (current, try await events(caseID: item.id, includingInternal: true).filter { $0.caseVersion > seenVersion })
    }

    /// Adds a note: internal (staff only) or public (on the resident's timeline). Notes never
    /// conflict: they add to the timeline and change nothing else.
    public func addNote(to item: Case, text: String, visibility: CaseEvent.Visibility, by actor: Actor, at now: Date) async throws -> CaseEvent {
        let event = CaseEvent(caseID: item.id, occurredAt: now, actorID: actor.id, actorName: actor.name, visibility: visibility,
                              text: text, caseVersion: item.version)
        try await database.sql.insert(into: "case_events").model(CaseEventRow(event)).run()
        return event
    }

    /// The times the clock stopped for the customer (the last may still be running).
    public func pauses(caseID: UUID) async throws -> [DeadlineRules.Pause] {
        struct Row: Decodable { var paused_at: Date; var resumed_at: Date? }
        return try await database.sql.select().columns("paused_at", "resumed_at").from("case_pauses").where("case_id", .equal, caseID)
            .orderBy("paused_at").all(decoding: Row.self).map { DeadlineRules.Pause(from: $0.paused_at, until: $0.resumed_at) }
    }
}
