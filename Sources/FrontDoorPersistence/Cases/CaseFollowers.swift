import Foundation
import FrontDoorDomain
import SQLKit

/// "Already reported? Follow that one": residents who follow a report someone else made, so it
/// shows in their account instead of a second report of the same problem.
extension CaseRepository {
    public func follow(caseID: UUID, customerID: UUID, at now: Date) async throws {
        try await database.sql.raw("""
            INSERT INTO case_followers (case_id, customer_id, followed_at) VALUES (\(bind: caseID), \(bind: customerID), \(bind: now))
            ON CONFLICT (case_id, customer_id) DO NOTHING
            """).run()
    }

    public func unfollow(caseID: UUID, customerID: UUID) async throws {
        try await database.sql.delete(from: "case_followers").where("case_id", .equal, caseID).where("customer_id", .equal, customerID).run()
    }

    /// The reports a customer follows, newest first.
    public func followed(customerID: UUID) async throws -> [Case] {
        try await database.sql.raw("""
            SELECT cases.* FROM cases JOIN case_followers ON case_followers.case_id = cases.id
            WHERE case_followers.customer_id = \(bind: customerID) ORDER BY cases.received_at DESC
            """).all(decoding: CaseRow.self).map { try $0.toCase() }
    }

    public func isFollowing(caseID: UUID, customerID: UUID) async throws -> Bool {
        struct Row: Decodable { var case_id: UUID }
        return try await database.sql.select().column("case_id").from("case_followers").where("case_id", .equal, caseID)
            .where("customer_id", .equal, customerID).first(decoding: Row.self) != nil
    }
}
