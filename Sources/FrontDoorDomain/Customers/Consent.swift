import Foundation

/// Things a customer may agree to, each with the exact wording they were shown. The wording has
/// a version: when it changes, agreement to an older version is still on record as such.
public enum ConsentPurpose: String, CaseIterable, Sendable {
    case serviceUpdates = "service-updates"
    case researchInvitations = "research"

    /// The wording shown now, and its version.
    public var current: ConsentWording {
        switch self {
        case .serviceUpdates:
            ConsentWording(version: 1, text: "Email me news about council services in my area, such as changes to bin collection days")
        case .researchInvitations:
            ConsentWording(version: 1, text: "Invite me to take part in research to improve council services")
        }
    }
}

public struct ConsentWording: Hashable, Sendable {
    public var version: Int
    public var text: String
}

/// A customer's agreement on record: what, to which wording, and when.
public struct Consent: Hashable, Sendable {
    public var purpose: ConsentPurpose
    public var wordingVersion: Int
    public var agreedAt: Date

    public init(purpose: ConsentPurpose, wordingVersion: Int, agreedAt: Date) {
        self.purpose = purpose
        self.wordingVersion = wordingVersion
        self.agreedAt = agreedAt
    }
}
