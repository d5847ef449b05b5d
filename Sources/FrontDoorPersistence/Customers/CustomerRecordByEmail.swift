import Foundation
import FrontDoorDomain
import SQLKit

/// The customer an email address belongs to (the record a duplicate was merged into), or a new
/// record without an account: what comes in by email or through an integration joins the
/// single view of the customer at once, and registering later with the address takes the
/// record (and its requests) into My Account.
enum CustomerRecordByEmail {
    static func find(_ email: String, councilID: UUID, on db: any SQLDatabase) async throws -> UUID? {
        struct Found: Decodable { var id: UUID; var merged_into_id: UUID? }
        return try await db.select().columns("id", "merged_into_id").from("customers").where("council_id", .equal, councilID)
            .where("email", .equal, email.lowercased()).first(decoding: Found.self).map { $0.merged_into_id ?? $0.id }
    }

    static func findOrCreate(_ email: String, name: String, phone: String = "", councilID: UUID, at now: Date,
                             on db: any SQLDatabase) async throws -> Customer {
        if let id = try await find(email, councilID: councilID, on: db),
           let found = try await CustomerRepository.rows(ids: [id], councilID: councilID, on: db).first {
            return found
        }
        let created = Customer(councilID: councilID, name: name.isEmpty ? email.lowercased() : name, email: email, phone: phone,
                               preferredChannel: .email, createdAt: now)
        try await db.insert(into: "customers").model(CustomerRow(created, passwordHash: nil, updatedAt: now)).run()
        try await CustomerSearchIndex.index(created, on: db)
        return created
    }
}
