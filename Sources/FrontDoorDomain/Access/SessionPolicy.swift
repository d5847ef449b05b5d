import Foundation

/// How long a signed-in session lasts: it ends after `idleTimeout` without a request, and
/// after `absoluteTimeout` whatever happens (a forgotten sign-in on a shared PC must end).
public struct SessionPolicy: Sendable, Equatable {
    public var idleTimeout: TimeInterval
    public var absoluteTimeout: TimeInterval

    /// Staff on council machines: 30 minutes idle, a working day at most.
    public static let staff = SessionPolicy(idleTimeout: 30 * 60, absoluteTimeout: 10 * 60 * 60)
    /// Residents on their own devices: long enough to fill in a form slowly (some people need
    /// longer, WCAG 2.2.1), and a day at most.
    public static let resident = SessionPolicy(idleTimeout: 60 * 60, absoluteTimeout: 24 * 60 * 60)
    /// Public kiosks in libraries and customer service centres: short.
    public static let kiosk = SessionPolicy(idleTimeout: 5 * 60, absoluteTimeout: 30 * 60)

    public init(idleTimeout: TimeInterval, absoluteTimeout: TimeInterval) {
        self.idleTimeout = idleTimeout
        self.absoluteTimeout = absoluteTimeout
    }

    /// Idle time within the whole lifetime, both positive.
    public var isCoherent: Bool { idleTimeout > 0 && absoluteTimeout > 0 && idleTimeout <= absoluteTimeout }

    public func isExpired(createdAt: Date, lastSeenAt: Date, now: Date) -> Bool {
        now.timeIntervalSince(lastSeenAt) >= idleTimeout || now.timeIntervalSince(createdAt) >= absoluteTimeout
    }

    /// Whether `lastSeenAt` is stale enough to be worth writing again (saves a write per request).
    public func shouldRecordActivity(lastSeenAt: Date, now: Date) -> Bool {
        now.timeIntervalSince(lastSeenAt) >= min(60, idleTimeout / 10)
    }
}
