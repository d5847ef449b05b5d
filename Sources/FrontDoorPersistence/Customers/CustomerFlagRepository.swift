import Foundation
import FrontDoorDomain
import SQLKit

/// Flags on customers' records. Removing one keeps the row (who removed it, when): what the
/// council knew about a vulnerable person, and when, must stay answerable.
public struct CustomerFlagRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    struct Row: Codable {
        var id: UUID
        var council_id: UUID
        var customer_id: UUID
        var kind: String
        var detail: String
        var raised_by: String
        var raised_at: Date
        var removed_by: String?
        var removed_at: Date?

        func toFlag() throws -> CustomerFlag {
            guard let kind = CustomerFlag.Kind(rawValue: kind) else {
                throw StoredDataError.unknownValue(table: "customer_flags", column: "kind", value: kind)
            }
            return CustomerFlag(id: id, councilID: council_id, customerID: customer_id, kind: kind, detail: detail,
                                raisedBy: raised_by, raisedAt: raised_at)
        }
    }

    public func raise(_ flag: CustomerFlag) async throws {
        try await database.sql.insert(into: "customer_flags").model(Row(
            id: flag.id, council_id: flag.councilID, customer_id: flag.customerID, kind: flag.kind.rawValue, detail: flag.detail,
            raised_by: flag.raisedBy, raised_at: flag.raisedAt, removed_by: nil, removed_at: nil)).run()
    }

    /// The flags in force on a customer's record, oldest first.
    public func current(customerID: UUID, councilID: UUID) async throws -> [CustomerFlag] {
        try await database.sql.select().column("*").from("customer_flags").where("customer_id", .equal, customerID)
            .where("council_id", .equal, councilID).where("removed_at", .is, SQLLiteral.null).orderBy("raised_at")
            .all(decoding: Row.self).map { try $0.toFlag() }
    }

    /// Takes a flag off the record; nil when it is not in force on this customer's record
    /// (removed already, or another customer's), so nothing changes.
    public func remove(_ flagID: UUID, customerID: UUID, councilID: UUID, by staff: String, at now: Date) async throws -> CustomerFlag? {
        try await database.sql.update("customer_flags").set("removed_by", to: staff).set("removed_at", to: now)
            .where("id", .equal, flagID).where("customer_id", .equal, customerID).where("council_id", .equal, councilID)
            .where("removed_at", .is, SQLLiteral.null)
            .returning("*").first(decoding: Row.self)?.toFlag()
    }
}
