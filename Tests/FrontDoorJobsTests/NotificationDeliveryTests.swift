import Foundation
import FrontDoorDomain
import FrontDoorJobs
import FrontDoorPersistence
import FrontDoorTestSupport
import Hummingbird
import HummingbirdTesting
import Logging
import NIOConcurrencyHelpers
import SQLKit
import Testing

@Suite("Notifications: queued with the change that causes them, worded by the council, delivered through a provider")
struct NotificationDeliveryTests {
    static let margaret = DemoCouncil.customers[0]

    /// Records what it was asked to send; fails the first `failures` times.
    final class RecordingSender: NotificationSender, Sendable {
        let name = "recording"
        let sent = NIOLockedValueBox<[StoredNotification]>([])
        let failuresLeft: NIOLockedValueBox<Int>
        init(failures: Int = 0) { failuresLeft = NIOLockedValueBox(failures) }
        func send(_ notification: StoredNotification) async throws -> String? {
            if failuresLeft.withLockedValue({ left -> Bool in left -= 1; return left >= 0 }) { throw URLError(.cannotConnectToHost) }
            sent.withLockedValue { $0.append(notification) }
            return "ref-" + notification.id.uuidString.prefix(8)
        }
    }

    static func resolve(_ item: Case, _ database: Database, notice: Bool = true, message: String = "Fixed the lamp") async throws {
        let council = try unwrap(try await CouncilRepository(database: database).find(slug: DemoCouncil.council.slug))
        let progress = CaseProgress(database: database, bankHolidays: try ShippedBankHolidays.load())
        var current = item
        for action in [CaseAction.acknowledge, .startWork, .resolve] {
            guard case .saved(let saved) = try await progress.apply(
                action, to: current, council: council, seenVersion: current.version, by: .init(id: nil, name: "Priya Shah"),
                message: action == .resolve ? message : "", notice: notice ? .init(link: "https://kingsmere.example/account/requests/" + item.reference.description) : nil,
                at: Date()) else { Issue.record("\(action) was refused"); return }
            current = saved
        }
    }

    @Test("An officer's changes queue worded notifications with their jobs; the worker sends each once, in the council's words",
          arguments: TestDatabase.available)
    func officerChanges(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            try await NotificationTemplateRepository(database: database).save(
                MessageTemplate(subject: "Sorted: ((reference))", body: "Hello ((name)), ((message)). See ((link))"),
                councilID: DemoCouncil.council.id, event: .caseResolved, channel: .letter, by: "Jo Evans")
            let item = try unwrap(try await sendStreetLightReport(database))
            try await Self.resolve(item, database)
            let outbox = NotificationOutbox(database: database)
            let queued = try await outbox.all(customerID: Self.margaret.id)
            #expect(queued.map(\.event) == [.caseResolved, .caseUpdated, .caseUpdated], "acknowledged, in progress, resolved: newest first")
            // Margaret asked for letters: the large print her needs ask for is the printer's business.
            #expect(queued.allSatisfy { $0.channel == .letter && $0.recipient == "Margaret Okafor\n14 Willow Crescent\nKingsmere\nKM2 4QT" && $0.status == .queued })
            let resolved = try unwrap(queued.first)
            #expect(resolved.subject == "Sorted: \(item.reference)")
            #expect(resolved.body == "Hello Margaret Okafor, Fixed the lamp. See https://kingsmere.example/account/requests/\(item.reference)")

            let sender = RecordingSender()
            let worker = JobWorker(database: database, handlers: [SendNotificationJob(database: database, senders: [.letter: sender])],
                                   logger: TestLogger.make())
            while try await worker.runOnce() > 0 {}
            #expect(Set(sender.sent.withLockedValue { $0.map(\.id) }) == Set(queued.map(\.id)))
            let after = try await outbox.all(customerID: Self.margaret.id)
            #expect(after.allSatisfy { $0.status == .sent && $0.provider == "recording" && $0.providerReference?.hasPrefix("ref-") == true && $0.attempts == 1 })
            #expect(try await worker.runOnce() == 0, "nothing is sent twice")
        }
    }

    @Test("A change the customer made themselves, or one that rolls back, tells nobody", arguments: TestDatabase.available)
    func noNoticeNoNotification(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let item = try unwrap(try await sendStreetLightReport(database))
            try await Self.resolve(item, database, notice: false)
            #expect(try await NotificationOutbox(database: database).all(customerID: Self.margaret.id).isEmpty)
            #expect(try await JobQueue(database: database).counts().isEmpty)
        }
    }

    @Test("Customers are reached the way they asked, falling back to what we have",
          arguments: [(ContactChannel.text, "07700 900 123", NotificationChannel.sms), (.text, "01632 960 417", .email),
                      (.letter, "", .letter), (.phone, "07700 900 123", .email), (.email, "", .email)])
    func routing(preferred: ContactChannel, phone: String, expected: NotificationChannel) throws {
        var customer = Self.margaret
        customer.preferredChannel = preferred
        customer.phone = phone
        #expect(NotificationRouting.destination(for: customer)?.channel == expected)
        customer.email = nil
        customer.address = nil
        customer.phone = "01632 960 417"
        #expect(NotificationRouting.destination(for: customer) == nil, "a landline, no email, no address: nothing to send to")
    }

    @Test("A failed send is retried and recorded on the notification; a refusal fails it for good", arguments: TestDatabase.available)
    func failures(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let item = try unwrap(try await sendStreetLightReport(database))
            let council = try unwrap(try await CouncilRepository(database: database).find(slug: DemoCouncil.council.slug))
            let outbox = NotificationOutbox(database: database)
            let byEmail = Customer(id: Self.margaret.id, councilID: council.id, name: "Margaret Okafor", email: Self.margaret.email,
                                   preferredChannel: .email, createdAt: Self.margaret.createdAt)
            let queued = try await database.transaction { db in
                try await outbox.queue(.informationRequested, to: byEmail, council: council, caseID: item.id,
                                       values: ["reference": item.reference.description, "service": "Street lights", "link": "https://x", "message": "Which lamp?"], on: db)
            }
            let id = try unwrap(queued?.id)
            let flaky = RecordingSender(failures: 1)
            let worker = JobWorker(database: database, handlers: [SendNotificationJob(database: database, senders: [.email: flaky])], logger: TestLogger.make())
            #expect(try await worker.runOnce() == 1)
            let failedOnce = try unwrap(try await outbox.find(id: id))
            #expect(failedOnce.status == .queued && failedOnce.attempts == 1 && failedOnce.lastError?.isEmpty == false)
            let retry = try unwrap(try await JobQueue(database: database).jobs(in: .queued).first)
            #expect(try await worker.runOnce(now: retry.runAt.addingTimeInterval(1)) == 1)
            #expect(try await outbox.find(id: id)?.status == .sent)

            // Notify refusing the address for good: failed, and the job dead at once.
            let fake = FakeNotify()
            let app = Application(router: fake.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
            try await app.test(.live) { client in
                let bad = Customer(id: Self.margaret.id, councilID: council.id, name: "Margaret Okafor", email: "not-an-address",
                                   createdAt: Self.margaret.createdAt)
                let refused = try await database.transaction { db in
                    try await outbox.queue(.caseResolved, to: bad, council: council, caseID: item.id,
                                           values: ["reference": item.reference.description, "service": "Street lights", "link": "https://x", "message": "Done"], on: db)
                }
                let notify = NotifySender(client: NotifyClient(key: NotifyAPIKey(FakeNotify.apiKey)!, baseURL: URL(string: "http://127.0.0.1:\(try #require(client.port))")!),
                                          templates: [.email: FakeNotify.emailTemplate])
                let notifyWorker = JobWorker(database: database, handlers: [SendNotificationJob(database: database, senders: [.email: notify])], logger: TestLogger.make())
                #expect(try await notifyWorker.runOnce() == 1)
                let failed = try unwrap(try await outbox.find(id: try unwrap(refused?.id)))
                #expect(failed.status == .failed && failed.provider == "notify" && failed.lastError?.contains("Not a valid email address") == true)
                #expect(try await JobQueue(database: database).counts()[.dead] == 1)

                // And a good one goes through Notify with the council's words in its template.
                let good = try await database.transaction { db in
                    try await outbox.queue(.caseResolved, to: byEmail, council: council, caseID: item.id,
                                           values: ["reference": item.reference.description, "service": "Street lights", "link": "https://x", "message": "Done"], on: db)
                }
                #expect(try await notifyWorker.runOnce() == 1)
                let sent = try unwrap(try await outbox.find(id: try unwrap(good?.id)))
                #expect(sent.status == .sent && sent.provider == "notify")
                let received = try unwrap(fake.sent.withLockedValue { $0.last })
                #expect(received.to == Self.margaret.email && received.subject == "Your request \(item.reference) is resolved"
                        && received.reference == sent.id.uuidString.lowercased() && sent.providerReference == received.id)
            }
        }
    }
}
