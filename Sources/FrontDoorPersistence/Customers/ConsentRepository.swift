import Foundation
import FrontDoorDomain
import SQLKit

/// What customers agreed to. Rows are never rewritten: agreeing adds one (with the wording's
/// version), withdrawing stamps it, so the history of every consent stays on record.
public struct ConsentRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    struct Row: Codable {
        var id: UUID
        var customer_id: UUID
        var purpose: String
        var wording_version: Int
        var agreed_at: Date
        var withdrawn_at: Date?
    }

    /// The consents in force (agreed and not withdrawn), in `ConsentPurpose` order.
    public func current(customerID: UUID) async throws -> [Consent] {
        let rows = try await database.sql.select().column("*").from("customer_consents")
            .where("customer_id", .equal, customerID).where("withdrawn_at", .is, SQLLiteral.null)
            .all(decoding: Row.self)
        return ConsentPurpose.allCases.compactMap { purpose in
            rows.first { $0.purpose == purpose.rawValue }.map {
                Consent(purpose: purpose, wordingVersion: $0.wording_version, agreedAt: $0.agreed_at)
            }
        }
    }

    /// Makes the consents in force exactly `agreed`, to the current wording of each.
    public func set(customerID: UUID, agreed: Set<ConsentPurpose>, at now: Date, on db: (any SQLDatabase)? = nil) async throws {
        let db = db ?? database.sql
        let inForce = try await db.select().column("*").from("customer_consents")
            .where("customer_id", .equal, customerID).where("withdrawn_at", .is, SQLLiteral.null)
            .all(decoding: Row.self)
        for purpose in ConsentPurpose.allCases {
            let existing = inForce.first { $0.purpose == purpose.rawValue }
            let wanted = agreed.contains(purpose)
            if let existing, !wanted || existing.wording_version != purpose.current.version {
                try await db.update("customer_consents").set("withdrawn_at", to: now).where("id", .equal, existing.id).run()
            }
            if wanted, existing?.wording_version != purpose.current.version {
                try await db.insert(into: "customer_consents").model(Row(
                    id: UUID(), customer_id: customerID, purpose: purpose.rawValue,
                    wording_version: purpose.current.version, agreed_at: now, withdrawn_at: nil)).run()
            }
        }
    }
}
