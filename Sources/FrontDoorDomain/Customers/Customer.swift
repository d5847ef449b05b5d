import Foundation

/// A person the council deals with, on any channel. One model whether or not they have an
/// account: a resident who registered, a guest who only gave an email address, a caller an
/// advisor recorded. The single view of the customer is built on this.
///
/// `id` is a random (version 4) UUID, so it can appear in links without being guessable.
public struct Customer: Hashable, Sendable, Identifiable {
    public var id: UUID
    public var councilID: UUID
    public var name: String
    /// Stored lower-cased; nil for a caller who gave none.
    public var email: String?
    public var emailVerifiedAt: Date?
    public var phone: String
    public var address: PostalAddress?
    public var preferredChannel: ContactChannel
    /// The language they would like us to use, in their words ("English", "Cymraeg", "Polish").
    public var language: String
    public var needs: CommunicationNeeds
    /// Whether they can sign in (they registered and set a password).
    public var hasAccount: Bool
    public var createdAt: Date

    public init(id: UUID = UUID(), councilID: UUID, name: String, email: String?, emailVerifiedAt: Date? = nil,
                phone: String = "", address: PostalAddress? = nil, preferredChannel: ContactChannel = .email,
                language: String = "English", needs: CommunicationNeeds = .none, hasAccount: Bool = false, createdAt: Date) {
        self.id = id
        self.councilID = councilID
        self.name = name
        self.email = email?.lowercased()
        self.emailVerifiedAt = emailVerifiedAt
        self.phone = phone
        self.address = address
        self.preferredChannel = preferredChannel
        self.language = language
        self.needs = needs
        self.hasAccount = hasAccount
        self.createdAt = createdAt
    }

    public var isEmailVerified: Bool { emailVerifiedAt != nil }
}
