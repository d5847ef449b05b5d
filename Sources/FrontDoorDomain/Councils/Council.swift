import Foundation

/// A council: the tenant. Every council-owned record carries its council's id.
public struct Council: Hashable, Sendable, Codable, Identifiable {
    public var id: UUID
    public var slug: CouncilSlug
    public var name: String
    /// Whose bank holidays count as non-working days.
    public var nation: Nation
    public var brandColour: BrandColour
    public var contact: CouncilContact
    /// Every member of staff must use two-factor sign-in, not only administrators.
    public var requiresTwoFactorForAllStaff: Bool

    public init(id: UUID = UUID(), slug: CouncilSlug, name: String, nation: Nation,
                brandColour: BrandColour = .standard, contact: CouncilContact,
                requiresTwoFactorForAllStaff: Bool = false) throws(CouncilValidationError) {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .missingName }
        self.id = id
        self.slug = slug
        self.name = trimmed
        self.nation = nation
        self.brandColour = brandColour
        self.contact = contact
        self.requiresTwoFactorForAllStaff = requiresTwoFactorForAllStaff
    }
}

/// How residents reach the council other than online: shown in every page footer
/// and on the accessibility statement, because "assisted digital" starts with knowing who to call.
public struct CouncilContact: Hashable, Sendable, Codable {
    public var email: String
    public var phone: String
    public var address: String
    public var websiteURL: String
    /// Plain-English opening hours, for example "Monday to Friday, 9am to 5pm".
    public var openingHours: String

    public init(email: String, phone: String, address: String, websiteURL: String, openingHours: String) throws(CouncilValidationError) {
        guard EmailAddressRule.isPlausible(email) else { throw .invalidEmail(email) }
        self.email = email
        self.phone = phone
        self.address = address
        self.websiteURL = websiteURL
        self.openingHours = openingHours
    }
}
