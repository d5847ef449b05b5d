import Foundation

/// The contact centre's call figures for a period: offered, answered, abandoned and the average
/// wait of answered calls. Computed here, once, from each call's times, for the dashboard.
public struct CallFigures: Equatable, Sendable {
    /// What the figures need from one call.
    public struct Call: Sendable, Equatable {
        public var answered: Bool
        public var ended: Bool
        public var waitSeconds: Int?

        public init(answered: Bool, ended: Bool, waitSeconds: Int?) {
            self.answered = answered
            self.ended = ended
            self.waitSeconds = waitSeconds
        }
    }

    public var offered: Int
    public var answered: Int
    /// Ended before anyone answered. Calls still ringing are neither answered nor abandoned.
    public var abandoned: Int
    /// Mean wait of answered calls that reported one; nil when none did.
    public var averageWaitSeconds: Double?
    /// How many answered calls reported their wait: what the average is over (so averages of
    /// several councils can be combined).
    public var waitsReported: Int

    /// Figures already counted (by the database, in the same terms as `init(_:)`). Without
    /// `waitsReported`, every answered call is taken to have reported its wait when there is an average.
    public init(offered: Int, answered: Int, abandoned: Int, averageWaitSeconds: Double?, waitsReported: Int? = nil) {
        self.offered = offered
        self.answered = answered
        self.abandoned = abandoned
        self.averageWaitSeconds = averageWaitSeconds
        self.waitsReported = waitsReported ?? (averageWaitSeconds == nil ? 0 : answered)
    }

    public init(_ calls: [Call]) {
        offered = calls.count
        answered = calls.filter(\.answered).count
        abandoned = calls.filter { $0.ended && !$0.answered }.count
        let waits = calls.filter(\.answered).compactMap(\.waitSeconds)
        averageWaitSeconds = waits.isEmpty ? nil : Double(waits.reduce(0, +)) / Double(waits.count)
        waitsReported = waits.count
    }

    /// Abandoned calls as a share of calls offered (0 to 1); nil when none were offered.
    public var abandonmentRate: Double? {
        offered == 0 ? nil : Double(abandoned) / Double(offered)
    }
}
