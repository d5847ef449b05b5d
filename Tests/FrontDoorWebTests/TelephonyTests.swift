import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import HummingbirdWSClient
import NIOConcurrencyHelpers
import SQLKit
import Testing

@Suite("Telephony: the call-event webhook, the screen pop and the call figures")
struct TelephonyTests {
    static let margaret = DemoCouncil.customers[0]
    static let path = "/api/v1/telephony/call-events"

    static func post(_ client: any TestClientProtocol, key: String?, _ body: String,
                     contentType: String = "application/json") async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: contentType]
        if let key { headers[.authorization] = "Bearer " + key }
        return try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    static func callCount(_ database: Database) async throws -> Int {
        struct Count: Decodable { var n: Int }
        return try await database.sql.raw("SELECT COUNT(*) AS n FROM calls").first(decoding: Count.self)?.n ?? -1
    }

    @Test("Bad requests get a JSON error naming the problem, with the right status, and record nothing",
          arguments: TestDatabase.available)
    func badRequests(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let key = try await TelephonyKeyRepository(database: database).issue(councilID: DemoCouncil.council.id, label: "test")
            let good = #"{"call_id":"CA1","event":"ringing","caller":"01632 960 417"}"#
            let cases: [(String?, String, String, HTTPResponse.Status, String)] = [
                (nil, good, "application/json", .unauthorized, "authorization"),
                ("fdtel_not-a-key", good, "application/json", .unauthorized, "authorization"),
                (key, good, "text/plain", .unsupportedMediaType, "content-type"),
                (key, "{not json", "application/json", .badRequest, "body"),
                (key, "[1, 2]", "application/json", .badRequest, "body"),
                (key, #"{"event":"rang","wait_seconds":-3,"occurred_at":"yesterday"}"#, "application/json", .unprocessableContent, "call_id"),
                (key, String(repeating: " ", count: 17 * 1024) + good, "application/json", .contentTooLarge, "body"),
            ]
            for (key, body, type, status, field) in cases {
                let response = try await Self.post(browser.client, key: key, body, contentType: type)
                #expect(response.status == status, "\(field): \(response.status)")
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                #expect(response.text.contains(#""field":"\#(field)""#), "\(response.text)")
                if status == .unauthorized { #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true) }
            }
            let named = try await Self.post(browser.client, key: key, #"{"event":"rang","wait_seconds":-3,"occurred_at":"yesterday"}"#)
            for field in ["call_id", "event", "wait_seconds", "occurred_at"] { #expect(named.text.contains(#""field":"\#(field)""#), "\(field)") }
            #expect(try await Self.callCount(database) == 0)
        }
    }

    @Test("A ringing call reaches the advisor's call list with the caller's record; repeats and out-of-order events change nothing twice",
          arguments: TestDatabase.available)
    func screenPopAndFigures(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let key = try await TelephonyKeyRepository(database: database).issue(councilID: DemoCouncil.council.id, label: "test")
            let start = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 / 60).rounded(.down) * 60 - 600)
            func at(_ seconds: Int) -> String { ISO8601DateFormatter().string(from: start.addingTimeInterval(TimeInterval(seconds))) }
            let ringing = #"{"call_id":"CA1","event":"ringing","occurred_at":"\#(at(0))","caller":"+44 1632 960417","queue":"council-tax","agent":"Advisor@Kingsmere.example"}"#
            let first = try await Self.post(browser.client, key: key, ringing)
            #expect(first.status == .ok && first.text.contains(#""screen_pop":true"#))
            #expect(try await Self.post(browser.client, key: key, ringing).status == .ok)
            // Answered after 40 s of ringing (no wait given: worked out from the times).
            try await Self.post(browser.client, key: key, #"{"call_id":"CA1","event":"answered","occurred_at":"\#(at(40))"}"#)
            // A withheld number, abandoned after 25 s; its "ended" arrives before anything else.
            try await Self.post(browser.client, key: key, #"{"call_id":"CA2","event":"ended","occurred_at":"\#(at(100))","wait_seconds":25,"queue":"waste"}"#)
            try await Self.post(browser.client, key: key, #"{"call_id":"CA2","event":"ended","occurred_at":"\#(at(130))"}"#)
            // A number nobody has: answered by the advisor, waited 20 s.
            try await Self.post(browser.client, key: key, #"{"call_id":"CA3","event":"answered","occurred_at":"\#(at(200))","caller":"07700 900123","agent":"advisor@kingsmere.example","wait_seconds":20}"#)
            #expect(try await Self.callCount(database) == 3)

            let figures = try await CallRepository(database: database).figures(
                councilID: DemoCouncil.council.id, period: DateInterval(start: start.addingTimeInterval(-60), duration: 3600))
            #expect(figures.offered == 3 && figures.answered == 2 && figures.abandoned == 1)
            #expect(figures.averageWaitSeconds == 30, "(40 + 20) / 2 answered calls")

            try await browser.postForm("/staff/sign-in", [("email", "advisor@kingsmere.example"), ("password", DemoCouncil.password)])
            let home = try await browser.get("/staff").text
            #expect(home.contains(#"data-call-socket="/staff/calls/live""#) && home.contains("href=\"/staff/calls\""))
            let callsPage = try await browser.get("/staff/calls")
            #expect(callsPage.status == .ok)
            let calls = callsPage.text
            #expect(calls.contains("On a call") && calls.contains("From +44 1632 960417, queue: council-tax"))
            #expect(calls.contains("Open Margaret Okafor’s record") && calls.contains("href=\"/staff/customers/\(Self.margaret.id.uuidString)\""))
            #expect(calls.contains("No record matches this number: find the customer") && calls.contains("href=\"/staff/customers?q=07700%20900123\""))
            #expect(!calls.contains("waste"), "the abandoned call never reached this advisor")

            // The manager took no calls: their list is empty.
            let manager = BrowserLikeClient(browser.client)
            try await manager.postForm("/staff/sign-in", [("email", "manager@kingsmere.example"), ("password", DemoCouncil.password)])
            #expect(try await manager.get("/staff/calls").text.contains("No calls have been put through to you"))
        }
    }

    @Test("The call screen's socket pushes a ringing call to the advisor it reached, and only to pages of this site")
    func socketPushesTheCall() async throws {
        try await withDemoDeployment(database: .sqlite, setup: .live) { browser, database in
            let port = try #require(browser.client.port)
            let key = try await TelephonyKeyRepository(database: database).issue(councilID: DemoCouncil.council.id, label: "test")
            try await browser.postForm("/staff/sign-in", [("email", "advisor@kingsmere.example"), ("password", DemoCouncil.password)])
            let cookie = browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
            let url = "ws://localhost:\(port)/staff/calls/live"

            // Another site's page cannot open it with the advisor's cookies.
            for origin in ["http://evil.example", "http://localhost:\(port + 1)", "null"] {
                let headers: HTTPFields = [.cookie: cookie, .origin: origin]
                await #expect(throws: (any Error).self, "origin \(origin)") {
                    try await WebSocketClient.connect(url: .init(url), configuration: .init(additionalHeaders: headers), logger: TestLogger.make()) { _, _, _ in }
                }
            }
            await #expect(throws: (any Error).self, "signed out") {
                try await WebSocketClient.connect(url: .init(url), configuration: .init(additionalHeaders: [.origin: "http://localhost:\(port)"]),
                                                  logger: TestLogger.make()) { _, _, _ in }
            }

            let received = NIOLockedValueBox<[String]>([])
            try await WebSocketClient.connect(
                url: .init(url), configuration: .init(additionalHeaders: [.cookie: cookie, .origin: "http://localhost:\(port)"]),
                logger: TestLogger.make()
            ) { inbound, outbound, _ in
                for try await message in inbound.messages(maxSize: 1 << 16) {
                    guard case .text(let text) = message else { continue }
                    received.withLockedValue { $0.append(text) }
                    if text == #"{"calls":[]}"# {
                        // The screen is live: now the call rings.
                        _ = try await Self.post(browser.client, key: key,
                                                #"{"call_id":"CA9","event":"ringing","caller":"01632 960 417","agent":"advisor@kingsmere.example"}"#)
                    } else {
                        break
                    }
                }
                try await outbound.close(.normalClosure, reason: nil)
            }
            let messages = received.withLockedValue { $0 }
            #expect(messages.first == #"{"calls":[]}"#)
            let pop = try #require(messages.last)
            #expect(pop.contains(#""heading":"Incoming call""#) && pop.contains("Open Margaret Okafor’s record")
                    && pop.contains(#""href":"/staff/customers/\#(Self.margaret.id.uuidString)""#), "\(pop)")
        }
    }
}
