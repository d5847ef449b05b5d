import Foundation
import FrontDoorDomain

/// The `councils` table's columns, converted to and from the domain `Council`.
struct CouncilRow: Codable, Sendable {
    var id: UUID
    var slug: String
    var name: String
    var nation: String
    var brand_colour: String
    var contact_email: String
    var contact_phone: String
    var contact_address: String
    var website_url: String
    var opening_hours: String
    var is_demo: Bool
    var created_at: Date
    var requires_two_factor_for_all_staff: Bool

    init(_ council: Council, isDemo: Bool, createdAt: Date) {
        self.id = council.id
        self.slug = council.slug.value
        self.name = council.name
        self.nation = council.nation.rawValue
        self.brand_colour = council.brandColour.hex
        self.contact_email = council.contact.email
        self.contact_phone = council.contact.phone
        self.contact_address = council.contact.address
        self.website_url = council.contact.websiteURL
        self.opening_hours = council.contact.openingHours
        self.is_demo = isDemo
        self.created_at = createdAt
        self.requires_two_factor_for_all_staff = council.requiresTwoFactorForAllStaff
    }

    func toCouncil() throws -> Council {
        guard let nation = Nation(rawValue: nation) else {
            throw StoredDataError.unknownValue(table: "councils", column: "nation", value: nation)
        }
        return try Council(
            id: id, slug: CouncilSlug(slug), name: name, nation: nation, brandColour: BrandColour(brand_colour),
            contact: CouncilContact(email: contact_email, phone: contact_phone, address: contact_address,
                                    websiteURL: website_url, openingHours: opening_hours),
            requiresTwoFactorForAllStaff: requires_two_factor_for_all_staff)
    }
}

/// A stored value the code no longer understands: a bug or a hand edit, never user input.
public enum StoredDataError: Error, CustomStringConvertible {
    case unknownValue(table: String, column: String, value: String)

    public var description: String {
        switch self {
        case .unknownValue(let table, let column, let value):
            "\(table).\(column) holds \"\(value)\", which this version does not recognise"
        }
    }
}
