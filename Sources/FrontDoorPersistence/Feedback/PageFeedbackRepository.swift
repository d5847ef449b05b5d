import Foundation
import SQLKit

/// Answers to "Is this page useful?": anonymous (no session, no address), with an optional
/// comment added on the page that thanks them.
public struct PageFeedbackRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public struct Answer: Sendable, Equatable, Decodable {
        public var id: UUID
        public var page_path: String
        public var useful: Bool
        public var comment: String
        public var created_at: Date
    }

    /// How one page did over a period.
    public struct PageSummary: Sendable, Equatable {
        public var pagePath: String
        public var yes: Int
        public var no: Int
        public var percentUseful: Int { yes + no == 0 ? 0 : Int((Double(yes) * 100 / Double(yes + no)).rounded()) }
    }

    /// How long after answering a comment may be added.
    public static let commentWindow: TimeInterval = 3600

    public func record(councilID: UUID?, pagePath: String, useful: Bool, at now: Date) async throws -> UUID {
        let id = UUID()
        try await database.sql.insert(into: "page_feedback").columns("id", "council_id", "page_path", "useful", "comment", "created_at")
            .values(SQLBind(id), SQLBind(councilID), SQLBind(pagePath), SQLBind(useful), SQLBind(""), SQLBind(now)).run()
        return id
    }

    public func find(id: UUID) async throws -> Answer? {
        try await database.sql.select().columns("id", "page_path", "useful", "comment", "created_at").from("page_feedback")
            .where("id", .equal, id).first(decoding: Answer.self)
    }

    /// Adds the comment to an answer given within the last hour that has none yet; false otherwise.
    public func addComment(_ comment: String, to id: UUID, at now: Date) async throws -> Bool {
        struct Updated: Decodable { var id: UUID }
        return !(try await database.sql.update("page_feedback").set("comment", to: SQLBind(comment))
            .where("id", .equal, id).where("comment", .equal, "").where("created_at", .greaterThan, now.addingTimeInterval(-Self.commentWindow))
            .returning("id").all(decoding: Updated.self)).isEmpty
    }

    /// Yes and no counts per page since `since`, least useful first (where to look first).
    public func summary(councilID: UUID, since: Date) async throws -> [PageSummary] {
        let answers = try await answers(councilID: councilID, since: since)
        var counts: [String: (yes: Int, no: Int)] = [:]
        for answer in answers {
            counts[answer.page_path, default: (0, 0)].yes += answer.useful ? 1 : 0
            counts[answer.page_path, default: (0, 0)].no += answer.useful ? 0 : 1
        }
        return counts.map { PageSummary(pagePath: $0.key, yes: $0.value.yes, no: $0.value.no) }
            .sorted { ($0.percentUseful, -($0.yes + $0.no), $0.pagePath) < ($1.percentUseful, -($1.yes + $1.no), $1.pagePath) }
    }

    /// Every answer since `since`, newest first.
    public func answers(councilID: UUID, since: Date) async throws -> [Answer] {
        try await database.sql.select().columns("id", "page_path", "useful", "comment", "created_at").from("page_feedback")
            .where("council_id", .equal, councilID).where("created_at", .greaterThanOrEqual, since)
            .orderBy("created_at", .descending).all(decoding: Answer.self)
    }
}
