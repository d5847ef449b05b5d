import Foundation

/// What an ID token must say before anyone is signed in with it (OpenID Connect Core 1.0,
/// section 3.1.3.7), once its signature has been checked against the provider's keys.
public enum IDTokenRules {
    /// Clocks differ a little between servers.
    public static let allowedClockSkew: TimeInterval = 120

    public struct Claims: Equatable, Sendable {
        public var issuer: String
        public var audiences: [String]
        public var authorizedParty: String?
        public var expiresAt: Date
        public var issuedAt: Date
        public var nonce: String?

        public init(issuer: String, audiences: [String], authorizedParty: String? = nil, expiresAt: Date, issuedAt: Date, nonce: String?) {
            self.issuer = issuer
            self.audiences = audiences
            self.authorizedParty = authorizedParty
            self.expiresAt = expiresAt
            self.issuedAt = issuedAt
            self.nonce = nonce
        }
    }

    public enum Problem: Error, Equatable, Sendable {
        case wrongIssuer
        case notForUs
        case expired
        case issuedInTheFuture
        case nonceMismatch
    }

    /// Issuers are compared exactly, except that a trailing slash is the same issuer in practice.
    public static func isSameIssuer(_ a: String, _ b: String) -> Bool {
        func trimmed(_ url: String) -> String { url.hasSuffix("/") ? String(url.dropLast()) : url }
        return trimmed(a) == trimmed(b)
    }

    public static func check(_ claims: Claims, issuer: String, clientID: String, nonce: String, now: Date) -> Problem? {
        guard isSameIssuer(claims.issuer, issuer) else { return .wrongIssuer }
        guard claims.audiences.contains(clientID) else { return .notForUs }
        if claims.audiences.count > 1, claims.authorizedParty != clientID { return .notForUs }
        guard claims.expiresAt.addingTimeInterval(allowedClockSkew) > now else { return .expired }
        guard claims.issuedAt.addingTimeInterval(-allowedClockSkew) <= now else { return .issuedInTheFuture }
        guard claims.nonce == nonce else { return .nonceMismatch }
        return nil
    }
}
