import Foundation

/// When repeated failed sign-ins lock an account or a network address for a while.
///
/// Counting per account stops guessing one person's password; counting per address stops one
/// machine trying many accounts. A lock lasts `lockDuration` from the latest failure, so the
/// message can say exactly when to try again.
public struct SignInThrottle: Sendable, Equatable {
    public var window: TimeInterval
    public var lockDuration: TimeInterval
    public var maximumFailuresPerAccount: Int
    public var maximumFailuresPerAddress: Int

    public init(window: TimeInterval = 15 * 60, lockDuration: TimeInterval = 15 * 60,
                maximumFailuresPerAccount: Int = 5, maximumFailuresPerAddress: Int = 20) {
        self.window = window
        self.lockDuration = lockDuration
        self.maximumFailuresPerAccount = maximumFailuresPerAccount
        self.maximumFailuresPerAddress = maximumFailuresPerAddress
    }

    public enum Decision: Equatable, Sendable {
        case allowed
        case locked(until: Date)
    }

    /// `accountFailures` and `addressFailures` are the times of failed attempts since the last
    /// success (any order); older ones are ignored.
    public func decide(accountFailures: [Date], addressFailures: [Date], now: Date) -> Decision {
        let lockedUntil = [
            lockEnd(accountFailures, limit: maximumFailuresPerAccount, now: now),
            lockEnd(addressFailures, limit: maximumFailuresPerAddress, now: now),
        ].compactMap { $0 }.max()
        return lockedUntil.map { .locked(until: $0) } ?? .allowed
    }

    private func lockEnd(_ failures: [Date], limit: Int, now: Date) -> Date? {
        let recent = failures.filter { now.timeIntervalSince($0) < window }
        guard recent.count >= limit, let latest = recent.max() else { return nil }
        let end = latest.addingTimeInterval(lockDuration)
        return end > now ? end : nil
    }

    /// "15 minutes", "1 minute": how long until `until`, rounded up, for the message.
    public static func waitDescription(until: Date, now: Date) -> String {
        let minutes = max(1, Int((until.timeIntervalSince(now) / 60).rounded(.up)))
        return minutes == 1 ? "1 minute" : "\(minutes) minutes"
    }
}
