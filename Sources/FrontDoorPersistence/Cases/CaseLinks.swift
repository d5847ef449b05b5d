import Foundation
import FrontDoorDomain
import SQLKit

/// Cases related to each other (the same street, the same family), and a case's own details:
/// its priority and its officer.
extension CaseRepository {
    /// Links two cases as related; linking twice changes nothing. Each case's timeline says so.
    public func relate(_ item: Case, to other: Case, by actor: Actor, at now: Date) async throws {
        try await database.transaction { db in
            struct Existing: Decodable { var kind: String }
            let existing = try await db.select().column("kind").from("case_links")
                .where { $0.where("case_id", .equal, item.id).where("other_case_id", .equal, other.id) }
                .orWhere { $0.where("case_id", .equal, other.id).where("other_case_id", .equal, item.id) }
                .all(decoding: Existing.self)
            guard !existing.contains(where: { $0.kind == "related-to" }) else { return }
            try await db.insert(into: "case_links").columns("case_id", "other_case_id", "kind", "created_at")
                .values(SQLBind(item.id), SQLBind(other.id), SQLBind("related-to"), SQLBind(now)).run()
            for (one, another) in [(item, other), (other, item)] {
                let event = CaseEvent(caseID: one.id, occurredAt: now, actorID: actor.id, actorName: actor.name, visibility: .internal,
                                      text: "Linked to \(another.reference) as related", caseVersion: one.version)
                try await db.insert(into: "case_events").model(CaseEventRow(event)).run()
            }
        }
    }

    /// Cases linked to this one either way, with how.
    public func linked(_ caseID: UUID, councilID: UUID) async throws -> [(Case, String)] {
        struct Link: Decodable { var case_id: UUID; var other_case_id: UUID; var kind: String }
        let links = try await database.sql.select().columns("case_id", "other_case_id", "kind").from("case_links")
            .where("case_id", .equal, caseID).orWhere("other_case_id", .equal, caseID).all(decoding: Link.self)
        var found: [(Case, String)] = []
        for link in links {
            let otherID = link.case_id == caseID ? link.other_case_id : link.case_id
            guard let other = try await find(id: otherID, councilID: councilID) else { continue }
            let how = switch (link.kind, link.case_id == caseID) {
            case ("duplicate-of", true): "this is a duplicate of it"
            case ("duplicate-of", false): "a duplicate of this case"
            default: "related"
            }
            found.append((other, how))
        }
        return found.sorted { $0.0.reference < $1.0.reference }
    }

    /// Changes the priority and officer, against the version the officer saw; an internal entry says what changed.
    public func setDetails(_ item: Case, seenVersion: Int, priority: CasePriority, officer: StaffAccount?, by actor: Actor,
                           at now: Date) async throws -> Outcome {
        var changes: [String] = []
        if priority != item.priority { changes.append("priority \(item.priority.displayName.lowercased()) to \(priority.displayName.lowercased())") }
        if officer?.id != item.officerID { changes.append(officer.map { "assigned to \($0.displayName)" } ?? "returned to the team's queue") }
        guard !changes.isEmpty else { return .saved(item) }
        let summary = changes.joined(separator: "; ")
        let updated = try await database.transaction { db -> Case? in
            var changed = item
            changed.priority = priority
            changed.officerID = officer?.id
            changed.version = seenVersion + 1
            changed.updatedAt = now
            let claimed = try await db.update("cases").set("priority", to: SQLBind(priority.rawValue)).set("officer_id", to: SQLBind(officer?.id))
                .set("version", to: SQLBind(changed.version)).set("updated_at", to: SQLBind(now))
                .where("id", .equal, item.id).where("version", .equal, seenVersion).returning("id").all(decoding: Claimed.self)
            guard !claimed.isEmpty else { return nil }
            let text = summary
            let event = CaseEvent(caseID: item.id, occurredAt: now, actorID: actor.id, actorName: actor.name, visibility: .internal,
                                  text: text.prefix(1).uppercased() + text.dropFirst(), caseVersion: changed.version)
            try await db.insert(into: "case_events").model(CaseEventRow(event)).run()
            return changed
        }
        if let updated { return .saved(updated) }
        let (current, since) = try await changesSince(seenVersion, to: item)
        return .changedSince(current, since)
    }
}
