import Foundation
import NIOConcurrencyHelpers

/// Each council's live alerts, kept for a few seconds: every page shows them, so without this
/// every page would cost a query more. Publishing or withdrawing here forgets them at once; the
/// other servers of a deployment catch up within `freshFor`.
final class LiveAlertCache: Sendable {
    static let freshFor: TimeInterval = 10

    private let entries = NIOLockedValueBox<[UUID: (loadedAt: Date, alerts: [LiveServiceAlert])]>([:])

    func alerts(councilID: UUID, now: Date = Date(), load: () async throws -> [LiveServiceAlert]) async throws -> [LiveServiceAlert] {
        if let kept = entries.withLockedValue({ $0[councilID] }), now.timeIntervalSince(kept.loadedAt) < Self.freshFor {
            return kept.alerts
        }
        let loaded = try await load()
        entries.withLockedValue { $0[councilID] = (now, loaded) }
        return loaded
    }

    func forget(councilID: UUID) {
        _ = entries.withLockedValue { $0.removeValue(forKey: councilID) }
    }
}
