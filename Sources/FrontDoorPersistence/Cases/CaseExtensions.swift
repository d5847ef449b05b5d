import Foundation
import FrontDoorDomain
import SQLKit

/// More time for a case: the new deadline, the extension with its reason, and a timeline entry
/// the resident sees, made against the version the officer saw.
extension CaseRepository {
    public func extensions(caseID: UUID) async throws -> [DeadlineRules.Extension] {
        struct Row: Decodable { var working_days: Int; var reason: String }
        return try await database.sql.select().columns("working_days", "reason").from("case_extensions").where("case_id", .equal, caseID)
            .orderBy("granted_at").all(decoding: Row.self).map { DeadlineRules.Extension(workingDays: $0.working_days, reason: $0.reason) }
    }

    public func extend(_ item: Case, seenVersion: Int, by extension: DeadlineRules.Extension, newResolveBy: CaseDeadline,
                       message: String, actor: Actor, at now: Date) async throws -> Outcome {
        let updated = try await database.transaction { db -> Case? in
            var changed = item
            changed.resolveBy = newResolveBy
            changed.version = seenVersion + 1
            changed.updatedAt = now
            changed.standardState = .onTrack
            let row = try CaseRow(changed)
            let claimed = try await db.update("cases")
                .set("resolve_by_date", to: SQLBind(row.resolve_by_date)).set("resolve_by_at", to: SQLBind(row.resolve_by_at))
                .set("standard_state", to: SQLBind(row.standard_state)).set("version", to: SQLBind(row.version)).set("updated_at", to: SQLBind(now))
                .where("id", .equal, item.id).where("version", .equal, seenVersion).returning("id").all(decoding: Claimed.self)
            guard !claimed.isEmpty else { return nil }
            try await db.insert(into: "case_extensions").columns("id", "case_id", "granted_at", "working_days", "reason", "granted_by")
                .values(SQLBind(UUID()), SQLBind(item.id), SQLBind(now), SQLBind(`extension`.workingDays), SQLBind(`extension`.reason), SQLBind(actor.id)).run()
            let event = CaseEvent(caseID: item.id, occurredAt: now, actorID: actor.id, actorName: actor.name, visibility: .public,
                                  text: message, caseVersion: changed.version)
            try await db.insert(into: "case_events").model(CaseEventRow(event)).run()
            return changed
        }
        if let updated { return .saved(updated) }
        let (current, since) = try await changesSince(seenVersion, to: item)
        return .changedSince(current, since)
    }
}
