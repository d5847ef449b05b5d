import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The JSON integration API: keys, scopes, rate limits, pages and ETags")
struct IntegrationAPITests {
    static func get(_ client: any TestClientProtocol, _ path: String, key: String?, ifNoneMatch: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let key { headers[.authorization] = "Bearer " + key }
        if let ifNoneMatch { headers[.ifNoneMatch] = ifNoneMatch }
        return try await client.execute(uri: path, method: .get, headers: headers, body: nil)
    }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    static func field(_ response: TestResponse) throws -> String? {
        ((try json(response)["errors"] as? [[String: Any]])?.first)?["field"] as? String
    }

    @Test("No key is 401, a key without the scope 403, a bad parameter 400, past the limit 429 with Retry-After", arguments: TestDatabase.available)
    func refusals(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let keys = ApiKeyRepository(database: database)
            let servicesOnly = try await keys.issue(councilID: DemoCouncil.council.id, label: "catalogue", scopes: [.servicesRead])
            let noKey = try await Self.get(browser.client, "/api/v1/services", key: nil)
            #expect(noKey.status == .unauthorized && noKey.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            #expect(try await Self.get(browser.client, "/api/v1/services", key: "fdapi_unknown").status == .unauthorized)
            let noScope = try await Self.get(browser.client, "/api/v1/cases", key: servicesOnly)
            #expect(noScope.status == .forbidden && noScope.text.contains("cases:read"))
            for bad in ["/api/v1/services?limit=0", "/api/v1/services?limit=201", "/api/v1/services?limit=abc"] {
                let response = try await Self.get(browser.client, bad, key: servicesOnly)
                #expect(response.status == .badRequest && response.headers[.contentType]?.hasPrefix("application/json") == true, "\(bad)")
            }
            #expect(try await Self.get(browser.client, "/api/v1/services/no-such-service", key: servicesOnly).status == .notFound)

            let slow = try await keys.issue(councilID: DemoCouncil.council.id, label: "slow", scopes: [.servicesRead], requestsPerMinute: 3)
            // The count is per clock minute (tested in ApiRateLimitTests): four requests that straddled
            // a minute's end would be counted in two windows, so a burst near the end waits for the next.
            let secondsIntoMinute = Int(Date().timeIntervalSince1970) % 60
            if secondsIntoMinute >= 45 { try await Task.sleep(for: .seconds(61 - secondsIntoMinute)) }
            for _ in 0..<3 { #expect(try await Self.get(browser.client, "/api/v1/services", key: slow).status == .ok) }
            let limited = try await Self.get(browser.client, "/api/v1/services", key: slow)
            #expect(limited.status == .tooManyRequests)
            let wait = try unwrap(limited.headers[.retryAfter].flatMap { Int($0) })
            #expect((1...60).contains(wait))
            #expect(try await Self.get(browser.client, "/api/v1/services", key: servicesOnly).status == .ok, "each key has its own limit")
        }
    }

    @Test("Pages follow next_cursor through every record once; ETags answer 304 until the record changes", arguments: TestDatabase.available)
    func pagesAndETags(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let key = try await ApiKeyRepository(database: database).issue(councilID: DemoCouncil.council.id, label: "crm", scopes: [.servicesRead, .casesRead])
            for _ in 0..<5 { _ = try await sendStreetLightReport(database) }

            var codes: [String] = [], cursor: String?
            repeat {
                let page = try Self.json(try await Self.get(browser.client, "/api/v1/services?limit=4" + (cursor.map { "&cursor=" + $0 } ?? ""), key: key))
                codes += (page["items"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
                cursor = page["next_cursor"] as? String
            } while cursor != nil
            let all = try await ServiceRepository(database: database).all(councilID: DemoCouncil.council.id).map(\.code.value).sorted()
            #expect(codes == all)

            var references: [String] = []
            cursor = nil
            repeat {
                let page = try Self.json(try await Self.get(browser.client, "/api/v1/cases?limit=3" + (cursor.map { "&cursor=" + $0 } ?? ""), key: key))
                references += (page["items"] as? [[String: Any]] ?? []).compactMap { $0["reference"] as? String }
                cursor = page["next_cursor"] as? String
            } while cursor != nil
            struct Count: Decodable { var n: Int }
            let stored = try await database.sql.raw("SELECT COUNT(*) AS n FROM cases").first(decoding: Count.self)?.n ?? -1
            #expect(references.count == stored && Set(references).count == stored, "every case once")
            #expect(try await Self.get(browser.client, "/api/v1/cases?cursor=not-a-cursor", key: key).status == .badRequest)

            let reference = try unwrap(references.last)
            let first = try await Self.get(browser.client, "/api/v1/cases/" + reference, key: key)
            let tag = try unwrap(first.headers[.eTag])
            #expect(try Self.json(first)["reference"] as? String == reference)
            #expect(try await Self.get(browser.client, "/api/v1/cases/" + reference, key: key, ifNoneMatch: tag).status == .notModified)
            let item = try unwrap(try await CaseRepository(database: database).find(reference: CaseReference(reference)!, councilID: DemoCouncil.council.id))
            _ = try await CaseProgress(database: database, bankHolidays: try ShippedBankHolidays.load())
                .apply(.acknowledge, to: item, council: DemoCouncil.council, seenVersion: item.version, by: .init(id: nil, name: "Sam"), message: "", at: Date())
            let changed = try await Self.get(browser.client, "/api/v1/cases/" + reference, key: key, ifNoneMatch: tag)
            #expect(changed.status == .ok && changed.headers[.eTag] != tag)
            #expect(try Self.json(changed)["status"] as? String == "acknowledged")
            let since = try Self.json(try await Self.get(browser.client, "/api/v1/cases?status=acknowledged", key: key))
            #expect((since["items"] as? [[String: Any]])?.contains { $0["reference"] as? String == reference } == true)

            let service = try await Self.get(browser.client, "/api/v1/services/street-light", key: key)
            let serviceTag = try unwrap(service.headers[.eTag])
            #expect(try await Self.get(browser.client, "/api/v1/services/street-light", key: key, ifNoneMatch: serviceTag).status == .notModified)
        }
    }

    @Test("The OpenAPI document is served as JSON, version 3.1, with every path the API answers")
    func document() async throws {
        try await withDemoDeployment(database: .sqlite) { browser, _ in
            let response = try await browser.get("/api/openapi.json")
            #expect(response.status == .ok)
            let document = try Self.json(response)
            #expect((document["openapi"] as? String)?.hasPrefix("3.1") == true)
            let paths = try unwrap(document["paths"] as? [String: Any])
            #expect(Set(paths.keys) == ["/services", "/services/{code}", "/cases", "/cases/{reference}", "/cases/{reference}/updates",
                                        "/customers", "/customers/{id}", "/contacts", "/contacts/{id}"])
        }
    }
}
