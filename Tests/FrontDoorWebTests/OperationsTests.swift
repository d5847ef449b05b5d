import Foundation
import FrontDoorTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Operations endpoints")
struct OperationsTests {
    @Test("Liveness and readiness answer in JSON; readiness has asked the database", arguments: TestDatabase.available)
    func health(database kind: TestDatabase) async throws {
        try await withTestApplication(database: kind) { client in
            let live = try await client.execute(uri: "/health/live", method: .get)
            #expect(live.status == .ok)
            #expect(live.text == #"{"status":"ok"}"#)
            let ready = try await client.execute(uri: "/health/ready", method: .get)
            #expect(ready.status == .ok)
            #expect(ready.text.contains(#""database":"ok""#))
        }
    }

    @Test("Metrics are in Prometheus text format, with request counts by route and pool use", arguments: TestDatabase.available)
    func metrics(database kind: TestDatabase) async throws {
        try await withTestApplication(database: kind) { client in
            _ = try await client.execute(uri: "/components", method: .get)
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = response.text
            #expect(text.contains("# TYPE"))
            #expect(text.contains(#"http_route="/components""#) || text.contains(#"uri="/components""#))
            #expect(text.contains("frontdoor_db_connections_in_use"))
            #expect(text.contains("frontdoor_db_pool_size"))
        }
    }

    @Test("The stylesheet is ours, cached, and revalidated by ETag")
    func assets() async throws {
        try await withTestApplication(database: .sqlite) { client in
            let css = try await client.execute(uri: "/assets/frontdoor.css", method: .get)
            #expect(css.status == .ok)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            let etag = try #require(css.headers[.eTag])
            let again = try await client.execute(uri: "/assets/frontdoor.css", method: .get, headers: [.ifNoneMatch: etag])
            #expect(again.status == .notModified)
            let missing = try await client.execute(uri: "/assets/../Package.swift", method: .get)
            #expect(missing.status == .notFound)
        }
    }
}
