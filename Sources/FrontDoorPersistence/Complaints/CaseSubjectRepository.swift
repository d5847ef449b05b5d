import Foundation
import FrontDoorDomain
import SQLKit

/// Which service a complaint, compliment or comment is about, as staff record it.
public struct CaseSubjectRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func serviceID(caseID: UUID) async throws -> UUID? {
        struct Row: Decodable { var service_id: UUID }
        return try await database.sql.select().column("service_id").from("case_subjects").where("case_id", .equal, caseID)
            .first(decoding: Row.self)?.service_id
    }

    /// Records the service (nil clears it); the caller checks it is one of the council's.
    public func set(serviceID: UUID?, caseID: UUID) async throws {
        try await database.transaction { db in
            try await db.delete(from: "case_subjects").where("case_id", .equal, caseID).run()
            guard let serviceID else { return }
            try await db.insert(into: "case_subjects").columns("case_id", "service_id").values(SQLBind(caseID), SQLBind(serviceID)).run()
        }
    }
}
