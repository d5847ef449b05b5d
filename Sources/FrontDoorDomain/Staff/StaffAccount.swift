import Foundation

/// A member of a council's staff who signs in to FrontDoor.
public struct StaffAccount: Hashable, Sendable, Identifiable {
    public var id: UUID
    public var councilID: UUID
    /// Stored lower-cased: people type their address in any case.
    public var email: String
    public var displayName: String
    public var role: StaffRole

    public init(id: UUID = UUID(), councilID: UUID, email: String, displayName: String, role: StaffRole) {
        self.id = id
        self.councilID = councilID
        self.email = email.lowercased()
        self.displayName = displayName
        self.role = role
    }
}
