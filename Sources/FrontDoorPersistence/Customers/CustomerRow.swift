import Foundation
import FrontDoorDomain

/// A `customers` row as stored; `toCustomer()` turns it into the domain value.
struct CustomerRow: Codable {
    var id: UUID
    var council_id: UUID
    var name: String
    var email: String?
    var email_verified_at: Date?
    var phone: String
    var address_line1: String?
    var address_line2: String?
    var address_town: String?
    var address_postcode: String?
    var uprn: String?
    var preferred_channel: String
    var language: String
    /// Comma-separated `CommunicationNeeds.Support` raw values.
    var needs: String
    var interpreter_language: String
    var needs_other: String
    var password_hash: String?
    var created_at: Date
    var updated_at: Date

    init(_ customer: Customer, passwordHash: String?, updatedAt: Date) {
        id = customer.id
        council_id = customer.councilID
        name = customer.name
        email = customer.email
        email_verified_at = customer.emailVerifiedAt
        phone = customer.phone
        address_line1 = customer.address?.line1
        address_line2 = customer.address?.line2
        address_town = customer.address?.town
        address_postcode = customer.address?.postcode.value
        uprn = customer.address?.uprn?.value
        preferred_channel = customer.preferredChannel.rawValue
        language = customer.language
        needs = CommunicationNeeds.Support.allCases.filter(customer.needs.supports.contains).map(\.rawValue).joined(separator: ",")
        interpreter_language = customer.needs.interpreterLanguage
        needs_other = customer.needs.other
        password_hash = passwordHash
        created_at = customer.createdAt
        updated_at = updatedAt
    }

    func toCustomer() throws -> Customer {
        guard let channel = ContactChannel(rawValue: preferred_channel) else {
            throw StoredDataError.unknownValue(table: "customers", column: "preferred_channel", value: preferred_channel)
        }
        var supports: Set<CommunicationNeeds.Support> = []
        for raw in needs.split(separator: ",") {
            guard let support = CommunicationNeeds.Support(rawValue: String(raw)) else {
                throw StoredDataError.unknownValue(table: "customers", column: "needs", value: String(raw))
            }
            supports.insert(support)
        }
        var address: PostalAddress?
        if let line1 = address_line1, let town = address_town, let postcodeText = address_postcode {
            guard let postcode = Postcode(postcodeText) else {
                throw StoredDataError.unknownValue(table: "customers", column: "address_postcode", value: postcodeText)
            }
            address = PostalAddress(line1: line1, line2: address_line2 ?? "", town: town, postcode: postcode, uprn: uprn.flatMap(UPRN.init))
        }
        return Customer(id: id, councilID: council_id, name: name, email: email, emailVerifiedAt: email_verified_at, phone: phone,
                        address: address, preferredChannel: channel, language: language,
                        needs: CommunicationNeeds(supports: supports, interpreterLanguage: interpreter_language, other: needs_other),
                        hasAccount: password_hash != nil, createdAt: created_at)
    }
}
