import Foundation
import HummingbirdOTP

/// Time-based one-time passwords (RFC 6238), as authenticator apps produce them: 6 digits,
/// a 30-second step, HMAC-SHA1. The HMAC arithmetic is HummingbirdOTP's; this type adds what
/// sign-in needs around it: tolerance for phone clocks a step out, and refusing a code twice.
public struct OneTimePasswordVerifier: Sendable {
    public let secret: String
    let digits: Int
    let timeStep: Int
    let hashFunction: OTPHashFunction
    /// Steps either side of now that are accepted (RFC 6238 section 5.2 recommends at most one).
    let allowedDrift: Int

    public init(secret: String, digits: Int = 6, timeStep: Int = 30, hashFunction: OTPHashFunction = .sha1, allowedDrift: Int = 1) {
        self.secret = secret
        self.digits = digits
        self.timeStep = timeStep
        self.hashFunction = hashFunction
        self.allowedDrift = allowedDrift
    }

    /// The code for `date`, zero-padded to `digits`.
    public func code(at date: Date) -> String {
        let value = TOTP(secret: secret, length: digits, timeStep: timeStep, hashFunction: hashFunction).compute(date: date)
        let text = String(value)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// The time step a code was valid in, if it matches now (within the drift) and comes after
    /// `lastUsedStep`. Store the result as the new last used step, so nobody can replay the code.
    public func verify(_ typed: String, at date: Date, lastUsedStep: Int64?) -> Int64? {
        let code = typed.filter { !$0.isWhitespace && $0 != "-" }
        guard code.count == digits, code.allSatisfy(\.isASCIIDigit) else { return nil }
        let now = Int64(date.timeIntervalSince1970) / Int64(timeStep)
        for offset in -allowedDrift...allowedDrift {
            let step = now + Int64(offset)
            if let lastUsedStep, step <= lastUsedStep { continue }
            let stepStart = Date(timeIntervalSince1970: TimeInterval(step * Int64(timeStep)))
            if constantTimeEquals(self.code(at: stepStart), code) { return step }
        }
        return nil
    }

    /// The `otpauth://` address an authenticator app reads (shown as a QR code and as text).
    public func authenticatorURL(account: String, issuer: String) -> String {
        TOTP(secret: secret, length: digits, timeStep: timeStep, hashFunction: hashFunction)
            .createAuthenticatorURL(label: "\(issuer):\(account)", issuer: issuer)
    }

    /// A new secret: 32 characters from the base-32 alphabet (160 bits, RFC 4226's recommended
    /// key length), so it can also be typed into an app by hand.
    public static func newSecret() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var generator = SystemRandomNumberGenerator()
        return String((0..<32).map { _ in alphabet.randomElement(using: &generator)! })
    }
}

/// Compares two strings without stopping at the first difference, so timing does not tell an
/// attacker how much of a guess was right.
func constantTimeEquals(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8), y = Array(b.utf8)
    guard x.count == y.count else { return false }
    var difference: UInt8 = 0
    for index in x.indices { difference |= x[index] ^ y[index] }
    return difference == 0
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
