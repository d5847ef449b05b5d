import Foundation
import FrontDoorDomain
import SQLKit

/// What the council learned from complaints: each action with its owner and due date, and the
/// finished ones it chose to publish as "You said, we did".
public struct LearningActionRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// A published action with the service the complaint that led to it was about.
    public struct Published: Sendable, Equatable {
        public var action: LearningAction
        public var serviceName: String
    }

    /// Adds `action` (checked by the caller with `problems`) to a complaint of `councilID`.
    public func add(_ action: LearningAction, councilID: UUID, at now: Date) async throws {
        try await database.sql.insert(into: "learning_actions").model(Row(action, councilID: councilID, createdAt: now)).run()
    }

    public func all(caseID: UUID) async throws -> [LearningAction] {
        try await database.sql.select().column("*").from("learning_actions").where("case_id", .equal, caseID)
            .orderBy("created_at").all(decoding: Row.self).compactMap(\.action)
    }

    /// Marks the action done on `completedOn`, or publishes a done one; false when there is no
    /// such action on the case.
    @discardableResult
    public func update(_ action: LearningAction, councilID: UUID) async throws -> Bool {
        struct Found: Decodable { var id: UUID }
        return try await database.transaction { db in
            guard try await db.select().column("id").from("learning_actions").where("id", .equal, action.id).where("case_id", .equal, action.caseID)
                .where("council_id", .equal, councilID).first(decoding: Found.self) != nil else { return false }
            try await db.update("learning_actions").set("completed_on", to: SQLBind(action.completedOn?.description))
                .set("published", to: SQLBind(action.published)).where("id", .equal, action.id).run()
            return true
        }
    }

    /// The council's published actions, newest done first, with the service each came from.
    public func published(councilID: UUID, limit: Int = 200) async throws -> [Published] {
        struct Joined: Decodable {
            var id: UUID; var case_id: UUID; var you_said: String; var we_did: String; var owner_id: UUID
            var due_on: String; var completed_on: String?; var published: Bool; var service_name: String
        }
        return try await database.sql.raw("""
            SELECT learning_actions.id, learning_actions.case_id, you_said, we_did, owner_id, due_on, completed_on, published,
                   COALESCE(subject.name, services.name) AS service_name
            FROM learning_actions
            JOIN cases ON cases.id = learning_actions.case_id
            JOIN services ON services.id = cases.service_id
            LEFT JOIN case_subjects ON case_subjects.case_id = cases.id
            LEFT JOIN services subject ON subject.id = case_subjects.service_id
            WHERE learning_actions.council_id = \(bind: councilID) AND learning_actions.published = \(bind: true)
            ORDER BY learning_actions.completed_on DESC, learning_actions.created_at DESC
            LIMIT \(bind: limit)
            """)
            .all(decoding: Joined.self).compactMap { row in
                guard let due = LocalDate(row.due_on) else { return nil }
                return Published(action: LearningAction(id: row.id, caseID: row.case_id, youSaid: row.you_said, weDid: row.we_did, ownerID: row.owner_id,
                                                        dueOn: due, completedOn: row.completed_on.flatMap(LocalDate.init), published: row.published),
                                 serviceName: row.service_name)
            }
    }

    struct Row: Codable {
        var id: UUID
        var council_id: UUID
        var case_id: UUID
        var you_said: String
        var we_did: String
        var owner_id: UUID
        var due_on: String
        var completed_on: String?
        var published: Bool
        var created_at: Date

        init(_ action: LearningAction, councilID: UUID, createdAt: Date) {
            id = action.id
            council_id = councilID
            case_id = action.caseID
            you_said = action.youSaid.trimmingCharacters(in: .whitespacesAndNewlines)
            we_did = action.weDid.trimmingCharacters(in: .whitespacesAndNewlines)
            owner_id = action.ownerID
            due_on = action.dueOn.description
            completed_on = action.completedOn?.description
            published = action.published
            created_at = createdAt
        }

        var action: LearningAction? {
            LocalDate(due_on).map {
                LearningAction(id: id, caseID: case_id, youSaid: you_said, weDid: we_did, ownerID: owner_id, dueOn: $0,
                               completedOn: completed_on.flatMap(LocalDate.init), published: published)
            }
        }
    }
}
