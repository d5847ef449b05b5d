import Hummingbird
import Prometheus

/// `/metrics` in Prometheus text format: request counts and latencies by route, and
/// database pool use. Operators should keep it off the public internet (see the operator guide).
struct MetricsRoutes<Context: RequestContext> {
    let registry: PrometheusCollectorRegistry

    func register(on router: Router<Context>) {
        router.get(SitePath.metrics.routerPath) { _, _ in
            var buffer: [UInt8] = []
            buffer.reserveCapacity(16 * 1024)
            registry.emit(into: &buffer)
            return Response(status: .ok,
                            headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(bytes: buffer)))
        }
    }
}
