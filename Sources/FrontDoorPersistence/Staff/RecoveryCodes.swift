import Crypto
import Foundation

/// Single-use codes that let a member of staff sign in when their authenticator is lost.
/// Shown once; only their SHA-256 digests are stored (each code carries 50 random bits,
/// so a fast hash is enough: there is nothing to brute-force from a digest).
public enum RecoveryCodes {
    public static let count = 10
    /// Unambiguous letters and digits: no 0/O, 1/I/L, so codes read out over the phone survive.
    static let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")

    /// New codes, formatted `XXXXX-XXXXX` for reading.
    public static func generate() -> [String] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            let characters = (0..<10).map { _ in alphabet.randomElement(using: &generator)! }
            return String(characters[0..<5]) + "-" + String(characters[5..<10])
        }
    }

    /// Case, spaces and hyphens do not matter when a code is typed back.
    public static func normalise(_ typed: String) -> String {
        typed.uppercased().filter { !$0.isWhitespace && $0 != "-" }
    }

    /// What is stored for a code.
    public static func digest(_ code: String) -> String {
        SHA256.hash(data: Data(normalise(code).utf8)).hexString
    }
}
