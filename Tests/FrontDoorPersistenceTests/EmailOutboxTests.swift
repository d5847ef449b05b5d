import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import Testing

@Suite("The email outbox")
struct EmailOutboxTests {
    func message(to address: String = "ann@example.com") -> QueuedEmail {
        QueuedEmail(councilID: nil, fromName: "Testshire County Council", toAddress: address, toName: "Ann",
                    subject: "Confirm your email address", bodyText: "Open this link")
    }

    @Test("A due message is claimed once: a second worker finds nothing until the claim runs out", arguments: TestDatabase.available)
    func claimedOnce(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            let outbox = EmailOutbox(database: database)
            let now = Date()
            try await outbox.enqueue(message(), at: now, on: database.sql)
            let first = try await outbox.claimDue(now: now)
            #expect(first.map(\.email.subject) == ["Confirm your email address"])
            #expect(try await outbox.claimDue(now: now).isEmpty)
            let afterClaimExpired = try await outbox.claimDue(now: now.addingTimeInterval(EmailOutbox.claimLifetime + 1))
            #expect(afterClaimExpired.map(\.email.id) == first.map(\.email.id))
        }
    }

    @Test("Sent messages are never claimed again; failed ones wait for their retry time", arguments: TestDatabase.available)
    func sentAndRetried(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            let outbox = EmailOutbox(database: database)
            let now = Date()
            try await outbox.enqueue(message(to: "sent@example.com"), at: now, on: database.sql)
            try await outbox.enqueue(message(to: "retry@example.com"), at: now, on: database.sql)
            try await outbox.enqueue(message(to: "refused@example.com"), at: now, on: database.sql)
            for claimed in try await outbox.claimDue(now: now) {
                switch claimed.email.toAddress {
                case "sent@example.com": try await outbox.markSent(claimed.email.id, at: now)
                case "retry@example.com": try await outbox.markFailed(claimed.email.id, error: "421 try later", retryAt: now.addingTimeInterval(60), at: now)
                default: try await outbox.markFailed(claimed.email.id, error: "550 no such user", retryAt: nil, at: now)
                }
            }
            #expect(try await outbox.claimDue(now: now.addingTimeInterval(30)).isEmpty)
            let retried = try await outbox.claimDue(now: now.addingTimeInterval(61))
            #expect(retried.map(\.email.toAddress) == ["retry@example.com"])
            #expect(retried.first?.previousAttempts == 1)
            #expect(try await outbox.entries(to: "sent@example.com").first?.status == "sent")
            let refused = try #require(try await outbox.entries(to: "refused@example.com").first)
            #expect(refused.status == "failed" && refused.last_error == "550 no such user")
        }
    }
}
