import Metrics
import Synchronization

/// Connections in use and the pool's size, published as gauges for `/metrics`
/// (the pool library keeps its counts private).
final class PoolUsage: Sendable {
    private let inUse = Atomic<Int>(0)
    private let inUseGauge: Gauge
    private let sizeGauge: Gauge

    init(kind: DatabaseKind, size: Int) {
        self.inUseGauge = Gauge(label: "frontdoor_db_connections_in_use", dimensions: [("database", kind.rawValue)])
        self.sizeGauge = Gauge(label: "frontdoor_db_pool_size", dimensions: [("database", kind.rawValue)])
        self.sizeGauge.record(size)
        self.inUseGauge.record(0)
    }

    func acquired() {
        let now = inUse.add(1, ordering: .relaxed).newValue
        inUseGauge.record(now)
    }

    func released() {
        let now = inUse.subtract(1, ordering: .relaxed).newValue
        inUseGauge.record(now)
    }

    var current: Int { inUse.load(ordering: .relaxed) }
}
