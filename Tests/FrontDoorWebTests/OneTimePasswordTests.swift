import Foundation
import FrontDoorPersistence
import FrontDoorWeb
import HummingbirdOTP
import Testing

@Suite("Two-factor codes (RFC 6238)")
struct OneTimePasswordTests {
    /// RFC 6238 Appendix B: 8-digit codes for the published seeds at the published times.
    static let vectors: [(TimeInterval, String, String, String)] = [
        // time, SHA-1, SHA-256, SHA-512
        (59, "94287082", "46119246", "90693936"),
        (1_111_111_109, "07081804", "68084774", "25091201"),
        (1_111_111_111, "14050471", "67062674", "99943326"),
        (1_234_567_890, "89005924", "91819424", "93441116"),
        (2_000_000_000, "69279037", "90698825", "38618901"),
        (20_000_000_000, "65353130", "77737706", "47863826"),
    ]
    static let sha1Seed = "12345678901234567890"
    static let sha256Seed = "12345678901234567890123456789012"
    static let sha512Seed = "1234567890123456789012345678901234567890123456789012345678901234"

    @Test("The RFC's test vectors, for SHA-1, SHA-256 and SHA-512", arguments: vectors)
    func rfcVectors(time: TimeInterval, sha1: String, sha256: String, sha512: String) {
        let date = Date(timeIntervalSince1970: time)
        #expect(OneTimePasswordVerifier(secret: Self.sha1Seed, digits: 8).code(at: date) == sha1)
        #expect(OneTimePasswordVerifier(secret: Self.sha256Seed, digits: 8, hashFunction: .sha256).code(at: date) == sha256)
        #expect(OneTimePasswordVerifier(secret: Self.sha512Seed, digits: 8, hashFunction: .sha512).code(at: date) == sha512)
    }

    let verifier = OneTimePasswordVerifier(secret: OneTimePasswordVerifier.newSecret())
    let now = Date(timeIntervalSince1970: 1_800_000_015)

    @Test("The current code is accepted and its time step returned")
    func acceptsCurrentCode() {
        #expect(verifier.verify(verifier.code(at: now), at: now, lastUsedStep: nil) == 60_000_000)
    }

    @Test("A phone clock one step out is tolerated; two steps out is not")
    func clockDrift() {
        #expect(verifier.verify(verifier.code(at: now.addingTimeInterval(-30)), at: now, lastUsedStep: nil) != nil)
        #expect(verifier.verify(verifier.code(at: now.addingTimeInterval(30)), at: now, lastUsedStep: nil) != nil)
        #expect(verifier.verify(verifier.code(at: now.addingTimeInterval(-60)), at: now, lastUsedStep: nil) == nil)
        #expect(verifier.verify(verifier.code(at: now.addingTimeInterval(90)), at: now, lastUsedStep: nil) == nil)
    }

    @Test("A code cannot be used twice, nor an older one after a newer")
    func noReplay() throws {
        let step = try #require(verifier.verify(verifier.code(at: now), at: now, lastUsedStep: nil))
        #expect(verifier.verify(verifier.code(at: now), at: now, lastUsedStep: step) == nil)
        #expect(verifier.verify(verifier.code(at: now.addingTimeInterval(-30)), at: now, lastUsedStep: step) == nil)
        #expect(verifier.verify(verifier.code(at: now.addingTimeInterval(30)), at: now.addingTimeInterval(30), lastUsedStep: step) == step + 1)
    }

    @Test("Spaces and hyphens people type inside a code are ignored")
    func spacesAndHyphensIgnored() {
        let code = verifier.code(at: now)
        let spaced = "\(code.prefix(3)) \(code.suffix(3))"
        let hyphenated = "\(code.prefix(3))-\(code.suffix(3))"
        #expect(verifier.verify(spaced, at: now, lastUsedStep: nil) != nil)
        #expect(verifier.verify(hyphenated, at: now, lastUsedStep: nil) != nil)
    }

    @Test("Anything that is not six digits is refused", arguments: ["12345", "1234567", "abcdef", "", "12345x"])
    func malformedRefused(input: String) {
        #expect(verifier.verify(input, at: now, lastUsedStep: nil) == nil)
    }

    @Test("New secrets are 160 bits of base-32 and differ every time")
    func newSecrets() {
        let secrets = (0..<20).map { _ in OneTimePasswordVerifier.newSecret() }
        #expect(Set(secrets).count == 20)
        #expect(secrets.allSatisfy { $0.count == 32 && $0.allSatisfy { "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".contains($0) } })
    }

    @Test("The authenticator address names the council and the account")
    func authenticatorURL() {
        let url = OneTimePasswordVerifier(secret: "ABC").authenticatorURL(account: "admin@kingsmere.example", issuer: "Kingsmere Borough Council")
        #expect(url.hasPrefix("otpauth://totp/"))
        #expect(url.contains("issuer=Kingsmere%20Borough%20Council"))
        #expect(url.contains("admin@kingsmere.example"))
    }
}

@Suite("Recovery codes")
struct RecoveryCodesTests {
    @Test("Ten distinct codes, easy to read out")
    func generated() {
        let codes = RecoveryCodes.generate()
        #expect(codes.count == 10)
        #expect(Set(codes).count == 10)
        #expect(codes.allSatisfy { $0.count == 11 && $0.dropFirst(5).first == "-" })
        #expect(codes.allSatisfy { !$0.contains("0") && !$0.contains("O") && !$0.contains("1") && !$0.contains("I") })
    }

    @Test("A code typed back in any case, with or without spaces and hyphens, has the same digest")
    func typedBack() {
        let code = "ABCDE-FGH23"
        #expect(RecoveryCodes.digest(code) == RecoveryCodes.digest("abcde fgh23"))
        #expect(RecoveryCodes.digest(code) == RecoveryCodes.digest("ABCDEFGH23"))
        #expect(RecoveryCodes.digest(code) != RecoveryCodes.digest("ABCDE-FGH24"))
        #expect(RecoveryCodes.digest(code).count == 64)
    }
}
