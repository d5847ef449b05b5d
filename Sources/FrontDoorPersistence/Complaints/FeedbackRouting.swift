import Foundation
import FrontDoorDomain
import SQLKit

/// Compliments and comments reach the people they are about. A resident's compliment or comment
/// arrives with the team that runs the feedback service; staff record which service it is about,
/// and the case moves to the team that runs that service, into its queue with no officer, so
/// the thanks or the suggestion reaches that team. The annual report counts it against that
/// service. One transaction, against the case version the officer saw.
public struct FeedbackRouting: Sendable {
    let database: Database
    let cases: CaseRepository

    public init(database: Database) {
        self.database = database
        cases = CaseRepository(database: database)
    }

    static let notFeedback = [FieldProblem(field: "feedback", message: "This case is not a compliment or a comment")]

    /// Records that the compliment or comment is about `service` (one of the case's council's
    /// ordinary services, as the caller checked) and passes the case to the team that runs it.
    public func pass(_ item: Case, about service: CouncilService, seenVersion: Int, by actor: CaseRepository.Actor, at now: Date) async throws
        -> CaseSectionResult {
        guard [.compliment, .comment].contains(try await ServiceProcessRepository(database: database).process(serviceID: item.serviceID)) else {
            return .refused(Self.notFeedback)
        }
        guard item.status != .duplicate else {
            return .refused([FieldProblem(field: "feedback", message: "This case is a duplicate: record the service on the case it joined")])
        }
        let team = service.owningTeamID ?? item.teamID
        let moves = team != item.teamID
        let updated = try await database.transaction { db -> Case? in
            var changed = item
            changed.version = seenVersion + 1
            changed.updatedAt = now
            if moves {
                changed.teamID = team
                changed.officerID = nil
            }
            let claimed = try await db.update("cases").set("team_id", to: SQLBind(changed.teamID)).set("officer_id", to: SQLBind(changed.officerID))
                .set("version", to: SQLBind(changed.version)).set("updated_at", to: SQLBind(now))
                .where("id", .equal, item.id).where("version", .equal, seenVersion).returning("id").all(decoding: CaseRepository.Claimed.self)
            guard !claimed.isEmpty else { return nil }
            try await db.delete(from: "case_subjects").where("case_id", .equal, item.id).run()
            try await db.insert(into: "case_subjects").columns("case_id", "service_id").values(SQLBind(item.id), SQLBind(service.id)).run()
            var text = "About \(service.name)"
            if moves, let team {
                struct Named: Decodable { var name: String }
                let name = try await db.select().column("name").from("teams").where("id", .equal, team).first(decoding: Named.self)?.name
                text += ": passed to " + (name ?? "the service's team")
            }
            let event = CaseEvent(caseID: item.id, occurredAt: now, actorID: actor.id, actorName: actor.name, visibility: .internal,
                                  text: text, caseVersion: changed.version)
            try await db.insert(into: "case_events").model(CaseEventRow(event)).run()
            return changed
        }
        if let updated { return .saved(updated) }
        let (current, since) = try await cases.changesSince(seenVersion, to: item)
        return .changedSince(current, since)
    }
}
