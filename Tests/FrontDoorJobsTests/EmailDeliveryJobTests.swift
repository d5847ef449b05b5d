import Foundation
import FrontDoorPersistence
import FrontDoorTestSupport
import Logging
import Testing

@testable import FrontDoorJobs

@Suite("Sending the email outbox through a real SMTP server")
struct EmailDeliveryJobTests {
    func queued(to address: String) -> QueuedEmail {
        QueuedEmail(councilID: nil, fromName: "Testshire County Council", toAddress: address, toName: "Ann Jones",
                    subject: "Confirm your email address – Testshire County Council", bodyText: "Hello Ann,\n\nOpen this link:\nhttps://example.gov.uk/x")
    }

    @Test("A queued email arrives as the council's, and is marked sent", arguments: TestDatabase.available)
    func delivers(database kind: TestDatabase) async throws {
        let sink = try Sink.fromEnvironment()
        try await kind.withMigratedDatabase { database in
            let email = queued(to: "ann.\(UUID().uuidString.prefix(8).lowercased())@example.com")
            try await EmailOutbox(database: database).enqueue(email, at: Date(), on: database.sql)
            let job = EmailDeliveryJob(database: database, transport: sink.client(username: "frontdoor", password: "open sesame"),
                                       sender: "noreply@testshire.example")
            try await job.run(logger: Logger(label: "test"))

            let (received, _) = try sink.received(messageID: "\(email.id.uuidString.lowercased())@testshire.example")
            #expect(received.envelopeFrom == "noreply@testshire.example")
            #expect(received.envelopeTo == [email.toAddress])
            #expect(received.subject == email.subject)
            #expect(received.from?.contains("Testshire County Council") == true)
            #expect(received.body?.contains("https://example.gov.uk/x") == true)
            let entry = try #require(try await EmailOutbox(database: database).entries(to: email.toAddress).first)
            #expect(entry.status == "sent" && entry.attempts == 1)
            try await job.run(logger: Logger(label: "test"))
            #expect(try await EmailOutbox(database: database).entries(to: email.toAddress).first?.attempts == 1, "a sent email is not sent again")
        }
    }

    @Test("A refused address is marked failed with the server's reply; an unreachable server means a retry later", arguments: TestDatabase.available)
    func failures(database kind: TestDatabase) async throws {
        let sink = try Sink.fromEnvironment()
        try await kind.withMigratedDatabase { database in
            let outbox = EmailOutbox(database: database)
            try await outbox.enqueue(queued(to: "nobody@example.org"), at: Date(), on: database.sql)
            try await EmailDeliveryJob(database: database, transport: sink.client(), sender: "noreply@testshire.example")
                .run(logger: Logger(label: "test"))
            let refused = try #require(try await outbox.entries(to: "nobody@example.org").first)
            #expect(refused.status == "failed")
            #expect(refused.last_error?.contains("550") == true)

            try await outbox.enqueue(queued(to: "later@example.com"), at: Date(), on: database.sql)
            let closedPort = SMTPClient(settings: SMTPSettings(host: "127.0.0.1", port: 1), timeout: .seconds(5), logger: Logger(label: "test"))
            try await EmailDeliveryJob(database: database, transport: closedPort, sender: "noreply@testshire.example")
                .run(logger: Logger(label: "test"))
            let waiting = try #require(try await outbox.entries(to: "later@example.com").first)
            #expect(waiting.status == "pending" && waiting.attempts == 1 && waiting.last_error != nil)
            #expect(try await outbox.claimDue(now: Date()).isEmpty, "it waits for its retry time")
            #expect(try await outbox.claimDue(now: Date().addingTimeInterval(61)).map(\.email.toAddress) == ["later@example.com"])
        }
    }
}
