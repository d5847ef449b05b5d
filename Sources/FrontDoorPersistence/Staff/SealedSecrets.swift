import Crypto
import Foundation

/// Encrypts secrets the database must keep but must not reveal (authenticator secrets):
/// AES-GCM under a key derived from SESSION_SECRET with HKDF, so a copy of the database alone
/// cannot produce anyone's codes. Changing SESSION_SECRET makes sealed secrets unreadable:
/// staff then set up their authenticator again (see the operator guide).
public struct SealedSecrets: Sendable {
    let key: SymmetricKey

    public init(sessionSecret: String) {
        self.key = HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: Data(sessionSecret.utf8)),
                                          info: Data("frontdoor sealed secrets v1".utf8), outputByteCount: 32)
    }

    public func seal(_ plaintext: String) throws -> String {
        try AES.GCM.seal(Data(plaintext.utf8), using: key).combined!.base64EncodedString()
    }

    public struct Unreadable: Error, CustomStringConvertible {
        public var description: String { "a sealed secret could not be opened (was SESSION_SECRET changed?)" }
    }

    public func open(_ sealed: String) throws -> String {
        guard let data = Data(base64Encoded: sealed),
              let box = try? AES.GCM.SealedBox(combined: data),
              let plain = try? AES.GCM.open(box, using: key),
              let text = String(data: plain, encoding: .utf8) else { throw Unreadable() }
        return text
    }
}
