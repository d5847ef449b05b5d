import Crypto
import Foundation
import FrontDoorDomain
import FrontDoorJobs
import FrontDoorPersistence
import FrontDoorTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOConcurrencyHelpers
import SQLKit
import Testing

/// A back-office system's endpoint: records what it is sent, and answers with the statuses it
/// is given (200 once they run out).
final class WebhookReceiver: Sendable {
    struct Received: Sendable {
        var event: String
        var delivery: String
        var signature: String
        var body: Data
    }

    let received = NIOLockedValueBox<[Received]>([])
    let answers: NIOLockedValueBox<[HTTPResponse.Status]>

    init(answers: [HTTPResponse.Status] = []) {
        self.answers = NIOLockedValueBox(answers)
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.post("events") { request, _ -> Response in
            var request = request
            let body = Data(buffer: try await request.collectBody(upTo: 1 << 20))
            self.received.withLockedValue {
                $0.append(Received(event: request.headers[HTTPField.Name("FrontDoor-Event")!] ?? "",
                                   delivery: request.headers[HTTPField.Name("FrontDoor-Delivery")!] ?? "",
                                   signature: request.headers[HTTPField.Name("FrontDoor-Signature")!] ?? "", body: body))
            }
            let status = self.answers.withLockedValue { $0.isEmpty ? .ok : $0.removeFirst() }
            return Response(status: status)
        }
        return router
    }

    /// Checks a signature the way the API guide tells receivers to: HMAC-SHA256 over "t.body".
    static func verify(_ received: Received, secret: String, now: Date = Date()) -> Bool {
        let parts = Dictionary(uniqueKeysWithValues: received.signature.split(separator: ",").compactMap { part -> (String, String)? in
            let pair = part.split(separator: "=", maxSplits: 1)
            return pair.count == 2 ? (String(pair[0]), String(pair[1])) : nil
        })
        guard let timestamp = parts["t"], let seconds = Double(timestamp), abs(now.timeIntervalSince1970 - seconds) < 300,
              let given = parts["v1"] else { return false }
        let mac = HMAC<SHA256>.authenticationCode(for: Data((timestamp + ".").utf8) + received.body, using: SymmetricKey(data: Data(secret.utf8)))
        return mac.map { String(format: "%02x", $0) }.joined() == given
    }
}

@Suite("Webhooks: events raised in the change's transaction, signed, delivered with retries")
struct WebhookDeliveryTests {
    static let sealed = SealedSecrets(sessionSecret: String(repeating: "s", count: 40))

    static func withReceiver(_ answers: [HTTPResponse.Status] = [], _ body: @escaping @Sendable (WebhookReceiver, String) async throws -> Void) async throws {
        let receiver = WebhookReceiver(answers: answers)
        let app = Application(router: receiver.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            try await body(receiver, "http://127.0.0.1:\(try #require(client.port))/events")
        }
    }

    static func json(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("A case made and resolved, and a new address, reach the endpoints that asked, signed; others hear nothing",
          arguments: TestDatabase.available)
    func deliversSignedEvents(database kind: TestDatabase) async throws {
        try await Self.withReceiver { receiver, url in
            try await kind.withMigratedDatabase { database in
                try await seedDemoCouncil(database)
                let webhooks = WebhookRepository(database: database, sealed: Self.sealed)
                let (_, secret) = try await webhooks.register(councilID: DemoCouncil.council.id, url: url, description: "CRM",
                                                              events: [.caseCreated, .caseClosed, .customerAddressChanged], by: "admin@kingsmere.example")
                let (other, _) = try await webhooks.register(councilID: DemoCouncil.council.id, url: url + "?other", description: "Old system",
                                                             events: [.caseCreated], by: "admin@kingsmere.example")
                #expect(try await webhooks.disable(id: other.id, councilID: DemoCouncil.council.id))

                let item = try unwrap(try await sendStreetLightReport(database))
                try await NotificationDeliveryTests.resolve(item, database)
                var margaret = DemoCouncil.customers[0]
                let previous = try unwrap(margaret.address)
                margaret.address = PostalAddress(line1: "2 Mill Lane", town: "Kingsmere", postcode: Postcode("KM1 3DP")!)
                try await CustomerRepository(database: database, hasher: PasswordHasher(cost: 4)).updateProfile(margaret, at: Date())
                try await ContactRepository(database: database).record(Contact(
                    councilID: DemoCouncil.council.id, customerID: margaret.id, channel: .phone, serviceID: nil, outcome: .resolvedFirstTime,
                    demand: .value, durationMinutes: 3, notes: "", staffID: nil, staffName: "Sam Patel", recordedAt: Date()))

                let worker = JobWorker(database: database, handlers: [DeliverWebhookJob(database: database, sealed: Self.sealed)], logger: TestLogger.make())
                while try await worker.runOnce() > 0 {}
                let got = receiver.received.withLockedValue { $0 }
                #expect(got.map(\.event) == ["case.created", "case.closed", "customer.address_changed"],
                        "in the order they happened; no case.updated or contact.created (not asked for); nothing to the disabled endpoint")
                #expect(got.allSatisfy { WebhookReceiver.verify($0, secret: secret) })
                #expect(!WebhookReceiver.verify(got[0], secret: "whsec_wrong"))

                let created = try Self.json(got[0].body)
                let data = try #require(created["data"] as? [String: Any])
                #expect(created["event"] as? String == "case.created" && data["reference"] as? String == item.reference.description)
                #expect(data["customer_id"] as? String == margaret.id.uuidString.lowercased() && data["status"] as? String == "submitted")
                #expect(try (Self.json(got[1].body)["data"] as? [String: Any])?["status"] as? String == "resolved")
                let moved = try #require(try Self.json(got[2].body)["data"] as? [String: Any])
                #expect((moved["previous_address"] as? [String: Any])?["postcode"] as? String == previous.postcode.description)
                #expect((moved["address"] as? [String: Any])?["postcode"] as? String == "KM1 3DP")

                let log = try await webhooks.deliveries(councilID: DemoCouncil.council.id)
                #expect(log.count == 3 && log.allSatisfy { $0.status == .delivered && $0.attempts == 1 && $0.lastStatusCode == 200 })
                #expect(Set(got.map(\.delivery)) == Set(log.map { $0.id.uuidString.lowercased() }))
            }
        }
    }

    @Test("A refused delivery is logged and retried with backoff, sending the same bytes, until the endpoint takes it",
          arguments: TestDatabase.available)
    func retriesUntilTaken(database kind: TestDatabase) async throws {
        try await Self.withReceiver([.internalServerError, .serviceUnavailable]) { receiver, url in
            try await kind.withMigratedDatabase { database in
                try await seedDemoCouncil(database)
                let webhooks = WebhookRepository(database: database, sealed: Self.sealed)
                _ = try await webhooks.register(councilID: DemoCouncil.council.id, url: url, description: "", events: [.caseCreated], by: "admin")
                _ = try unwrap(try await sendStreetLightReport(database))
                let worker = JobWorker(database: database, handlers: [DeliverWebhookJob(database: database, sealed: Self.sealed)], logger: TestLogger.make())
                var now = Date()
                _ = try await worker.runOnce(now: now)
                var log = try await webhooks.deliveries(councilID: DemoCouncil.council.id)
                #expect(log.count == 1 && log[0].status == .pending && log[0].attempts == 1 && log[0].lastStatusCode == 500)
                #expect(try await worker.runOnce(now: now) == 0, "it waits its backoff")
                for _ in 0..<4 {
                    now = now.addingTimeInterval(3600)
                    _ = try await worker.runOnce(now: now)
                }
                log = try await webhooks.deliveries(councilID: DemoCouncil.council.id)
                #expect(log[0].status == .delivered && log[0].attempts == 3 && log[0].lastStatusCode == 200)
                let bodies = receiver.received.withLockedValue { $0.map(\.body) }
                #expect(bodies.count == 3 && Set(bodies).count == 1)
            }
        }
    }

    @Test("A change that is refused or rolled back raises nothing", arguments: TestDatabase.available)
    func rolledBackChangeRaisesNothing(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let webhooks = WebhookRepository(database: database, sealed: Self.sealed)
            _ = try await webhooks.register(councilID: DemoCouncil.council.id, url: "https://crm.example/events", description: "",
                                            events: [.caseUpdated], by: "admin")
            let item = try unwrap(try await sendStreetLightReport(database))
            let progress = CaseProgress(database: database, bankHolidays: try ShippedBankHolidays.load())
            struct Abandoned: Error {}
            await #expect(throws: Abandoned.self) {
                _ = try await progress.apply(.acknowledge, to: item, council: DemoCouncil.council, seenVersion: item.version,
                                             by: .init(id: nil, name: "Sam"), message: "", at: Date(), alsoInTransaction: { _, _ in throw Abandoned() })
            }
            guard case .changedSince = try await progress.apply(.acknowledge, to: item, council: DemoCouncil.council, seenVersion: item.version - 1,
                                                                by: .init(id: nil, name: "Sam"), message: "", at: Date()) else {
                Issue.record("a stale change was saved")
                return
            }
            #expect(try await webhooks.deliveries(councilID: DemoCouncil.council.id).isEmpty)
            #expect(try await JobQueue(database: database).counts()[.queued] == nil)
        }
    }
}
