import Foundation
import SQLKit

/// Each service's guidance for advisors: prompts shown beside the customer's record while they
/// help (what to ask, what to check, where to send people), kept apart from what residents see.
public struct AdvisorGuidanceRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public static let lengthLimit = 5_000

    /// The guidance of every service that has some, by service.
    public func all(councilID: UUID) async throws -> [UUID: String] {
        struct Row: Decodable { var id: UUID; var advisor_guidance: String }
        let rows = try await database.sql.select().columns("id", "advisor_guidance").from("services")
            .where("council_id", .equal, councilID).where("advisor_guidance", .notEqual, "").all(decoding: Row.self)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0.advisor_guidance) })
    }

    public func guidance(serviceID: UUID, councilID: UUID) async throws -> String {
        struct Row: Decodable { var advisor_guidance: String }
        return try await database.sql.select().column("advisor_guidance").from("services").where("id", .equal, serviceID)
            .where("council_id", .equal, councilID).first(decoding: Row.self)?.advisor_guidance ?? ""
    }

    public func set(serviceID: UUID, councilID: UUID, to text: String, on db: (any SQLDatabase)? = nil) async throws {
        try await (db ?? database.sql).update("services").set("advisor_guidance", to: text)
            .where("id", .equal, serviceID).where("council_id", .equal, councilID).run()
    }
}
