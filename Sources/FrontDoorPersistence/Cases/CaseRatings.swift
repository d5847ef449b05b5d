import Foundation
import FrontDoorDomain
import SQLKit

/// Residents' ratings of their requests.
extension CaseRepository {
    /// Records the rating; false when the case already has one (a case is rated once).
    public func rate(_ rating: CaseRating, customerID: UUID?) async throws -> Bool {
        struct Stored: Decodable { var case_id: UUID }
        let stored = try await database.sql.raw("""
            INSERT INTO case_ratings (case_id, customer_id, score, comment, rated_at)
            VALUES (\(bind: rating.caseID), \(bind: customerID), \(bind: rating.score), \(bind: rating.comment), \(bind: rating.ratedAt))
            ON CONFLICT (case_id) DO NOTHING RETURNING case_id
            """).all(decoding: Stored.self)
        return !stored.isEmpty
    }

    public func rating(caseID: UUID) async throws -> CaseRating? {
        struct Row: Decodable { var case_id: UUID; var score: Int; var comment: String; var rated_at: Date }
        return try await database.sql.select().columns("case_id", "score", "comment", "rated_at").from("case_ratings")
            .where("case_id", .equal, caseID).first(decoding: Row.self)
            .map { CaseRating(caseID: $0.case_id, score: $0.score, comment: $0.comment, ratedAt: $0.rated_at) }
    }
}
