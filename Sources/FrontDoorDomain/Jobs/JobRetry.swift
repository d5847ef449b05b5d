import Foundation

/// When a failed background job runs again: exponential backoff (10 seconds, doubling, at most
/// an hour apart) until its attempts are used up; then it is dead, for an administrator to retry
/// or discard. A failure the handler says is permanent (bad data that no retry will mend) is
/// dead at once.
public enum JobRetry {
    public static let defaultMaximumAttempts = 8
    static let firstDelay: TimeInterval = 10
    static let longestDelay: TimeInterval = 60 * 60

    /// When to run again after `attempts` attempts (counting the one that just failed), or nil
    /// when the job is dead.
    public static func nextRun(after attempts: Int, maximumAttempts: Int, permanent: Bool, now: Date) -> Date? {
        guard !permanent, attempts < maximumAttempts else { return nil }
        let delay = min(longestDelay, firstDelay * pow(2, Double(max(0, attempts - 1))))
        return now.addingTimeInterval(delay)
    }
}

/// Where a background job is in its life.
public enum JobState: String, CaseIterable, Sendable {
    /// Waiting for its time (a new job, or one to retry after a failure).
    case queued
    /// Claimed by a worker, until its lease runs out.
    case running
    case succeeded
    /// Failed every attempt (or failed for good): waits for an administrator.
    case dead
    /// An administrator decided it should not run.
    case discarded

    public var displayName: String {
        switch self {
        case .queued: "Queued"
        case .running: "Running"
        case .succeeded: "Succeeded"
        case .dead: "Dead (needs attention)"
        case .discarded: "Discarded"
        }
    }
}
