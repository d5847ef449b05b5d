import HummingbirdBcrypt
import NIOConcurrencyHelpers
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

    /// Spends the time checking a password against an account would, for when there is no
    /// account: response times must not reveal who has one.
    public func spendVerificationTime(_ password: String) async throws {
        _ = try await verify(password, against: try await decoyHash())
    }

    private static let decoys = NIOLockedValueBox<[UInt8: String]>([:])

    /// A hash of a random secret at this cost, made once per process.
    private func decoyHash() async throws -> String {
        if let known = Self.decoys.withLockedValue({ $0[cost] }) { return known }
        let made = try await hash(RandomToken.make())
        return Self.decoys.withLockedValue { decoys in
            if let known = decoys[cost] { return known }
            decoys[cost] = made
            return made
        }
    }
}
