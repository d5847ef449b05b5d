import Foundation
import FrontDoorDomain
import SQLKit

/// What an FOI or EIR response withheld, each with the exemption or exception it cites (and,
/// for a qualified one, the public interest test), as the refusal notice must set them out.
public struct WithheldItemRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public struct Recorded: Sendable, Equatable, Identifiable {
        public var id: UUID
        public var item: WithheldItem
    }

    struct Row: Codable {
        var id: UUID
        var case_id: UUID
        var description: String
        var exemption: String
        var public_interest_test: String
    }

    public func add(_ item: WithheldItem, caseID: UUID) async throws -> Recorded {
        let row = Row(id: UUID(), case_id: caseID, description: item.description.trimmingCharacters(in: .whitespacesAndNewlines),
                      exemption: item.exemption.code, public_interest_test: item.publicInterestTest.trimmingCharacters(in: .whitespacesAndNewlines))
        try await database.sql.insert(into: "withheld_items").model(row).run()
        return Recorded(id: row.id, item: WithheldItem(description: row.description, exemption: item.exemption, publicInterestTest: row.public_interest_test))
    }

    /// The items in the order they were recorded (each id is random, so by description then id for a stable order).
    public func all(caseID: UUID) async throws -> [Recorded] {
        try await database.sql.select().column("*").from("withheld_items").where("case_id", .equal, caseID)
            .orderBy("description").orderBy("id").all(decoding: Row.self).compactMap { row in
                Exemption.find(row.exemption).map {
                    Recorded(id: row.id, item: WithheldItem(description: row.description, exemption: $0, publicInterestTest: row.public_interest_test))
                }
            }
    }

    /// Removes an item recorded by mistake; false when the case has no such item.
    public func remove(id: UUID, caseID: UUID) async throws -> Bool {
        guard try await database.sql.select().column("id").from("withheld_items").where("id", .equal, id).where("case_id", .equal, caseID)
            .first() != nil else { return false }
        try await database.sql.delete(from: "withheld_items").where("id", .equal, id).where("case_id", .equal, caseID).run()
        return true
    }
}
