import HummingbirdBcrypt
import NIOPosix

/// bcrypt password hashing, off the event loops (each hash takes a good fraction of a second
/// at production cost, by design).
public struct PasswordHasher: Sendable {
    /// bcrypt's work factor: 12 in production; tests may lower it to keep the suite fast.
    public let cost: UInt8

    public init(cost: UInt8 = 12) {
        self.cost = cost
    }

    public func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, against hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }
}
