import Foundation

/// When to try a message again after a temporary failure: exponential backoff from one
/// minute, capped at an hour, giving up after a day's worth of attempts. A permanent
/// failure (the server refused the address) is never retried.
public enum DeliveryRetry {
    public static let maximumAttempts = 10
    static let firstDelay: TimeInterval = 60
    static let longestDelay: TimeInterval = 60 * 60

    /// When to retry after `attemptsSoFar` failed attempts (counting the one just made),
    /// or nil to give up.
    public static func nextAttempt(after attemptsSoFar: Int, permanent: Bool, now: Date) -> Date? {
        guard !permanent, attemptsSoFar < maximumAttempts else { return nil }
        let delay = min(longestDelay, firstDelay * pow(2, Double(max(0, attemptsSoFar - 1))))
        return now.addingTimeInterval(delay)
    }
}
