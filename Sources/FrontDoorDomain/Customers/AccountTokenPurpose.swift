import Foundation

/// What a link emailed to a resident lets them do. Each link works once, and only for a while:
/// long enough to find the email, short enough that an old inbox is no key to the account.
public enum AccountTokenPurpose: String, CaseIterable, Sendable {
    /// Confirms the address given at registration.
    case verifyEmail = "verify-email"
    /// Sets a new password (forgotten password, or a guest choosing their first one).
    case resetPassword = "reset-password"
    /// Confirms a new address before it replaces the old one.
    case changeEmail = "change-email"

    public var lifetime: TimeInterval {
        switch self {
        case .verifyEmail, .changeEmail: 24 * 60 * 60
        // NCSC and OWASP: password reset links expire quickly.
        case .resetPassword: 60 * 60
        }
    }

    /// How the lifetime reads in the email that carries the link.
    public var lifetimeDescription: String {
        switch self {
        case .verifyEmail, .changeEmail: "24 hours"
        case .resetPassword: "1 hour"
        }
    }
}

/// Whether a link can still be used, and if not, why: the page says what to do next.
public enum AccountTokenState: Sendable, Equatable {
    case usable
    case used
    case expired

    public static func of(issuedAt: Date, usedAt: Date?, purpose: AccountTokenPurpose, now: Date) -> AccountTokenState {
        of(issuedAt: issuedAt, usedAt: usedAt, lifetime: purpose.lifetime, now: now)
    }

    public static func of(issuedAt: Date, usedAt: Date?, lifetime: TimeInterval, now: Date) -> AccountTokenState {
        if usedAt != nil { return .used }
        if now.timeIntervalSince(issuedAt) >= lifetime { return .expired }
        return .usable
    }
}
