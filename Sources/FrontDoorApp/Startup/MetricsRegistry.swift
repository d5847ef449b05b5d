import CoreMetrics
import Prometheus

/// swift-metrics takes one backend per process, so the Prometheus registry is process-wide:
/// every application built in this process (tests build many) reports into it.
public enum ProcessMetrics {
    public static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()
}
