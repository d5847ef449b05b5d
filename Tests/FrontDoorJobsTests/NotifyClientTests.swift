import Foundation
import FrontDoorJobs
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The GOV.UK Notify client, against a local server that speaks Notify's API and checks its JWT")
struct NotifyClientTests {
    func withFakeNotify(_ body: @escaping @Sendable (FakeNotify, URL) async throws -> Void) async throws {
        let fake = FakeNotify()
        let app = Application(router: fake.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            try await body(fake, URL(string: "http://127.0.0.1:\(try #require(client.port))")!)
        }
    }

    static let key = NotifyAPIKey(FakeNotify.apiKey)!

    @Test("An API key gives its service id and secret; anything else is refused",
          arguments: [("frontdoor_test-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0", true),
                      ("my-key-with-hyphens-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0", true),
                      ("26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0", false),
                      ("frontdoor_test-not-a-uuid-at-all-3d844edf-8d35-48ac-975b-e847b4f122b0", false), ("", false)])
    func apiKey(text: String, valid: Bool) {
        let key = NotifyAPIKey(text)
        #expect((key != nil) == valid)
        if valid { #expect(key == NotifyAPIKey(FakeNotify.apiKey)) }
    }

    @Test("Email, text message and letter are accepted with the personalisation filled in; the status is read back")
    func sends() async throws {
        try await withFakeNotify { fake, url in
            let client = NotifyClient(key: Self.key, baseURL: url)
            let email = try await client.sendEmail(to: "margaret@residents.example", templateID: FakeNotify.emailTemplate,
                                                   personalisation: ["subject": "We have your request FD-2026-000123", "body": "Dear Margaret"],
                                                   reference: "FD-2026-000123")
            #expect(email.reference == "FD-2026-000123")
            _ = try await client.sendSMS(to: "07700 900 123", templateID: FakeNotify.smsTemplate, personalisation: ["body": "Your bin is due"])
            _ = try await client.sendLetter(templateID: FakeNotify.letterTemplate, personalisation: [
                "address_line_1": "Margaret Okafor", "address_line_2": "14 Willow Crescent", "address_line_3": "Kingsmere", "address_line_4": "KM2 4QT",
                "subject": "Your request", "body": "Dear Margaret"])
            let sent = fake.sent.withLockedValue { $0 }
            #expect(sent.map(\.type) == ["email", "sms", "letter"])
            #expect(sent[0].subject == "We have your request FD-2026-000123" && sent[0].body == "Dear Margaret")
            #expect(sent[2].to == "Margaret Okafor, 14 Willow Crescent, Kingsmere, KM2 4QT")
            #expect(try await client.status(of: email.id) == "delivered")
        }
    }

    @Test("Notify's refusals come back with its errors, permanent or worth retrying")
    func refusals() async throws {
        try await withFakeNotify { fake, url in
            let client = NotifyClient(key: Self.key, baseURL: url)
            func failure(_ send: () async throws -> NotifyClient.Receipt) async -> NotifyClient.Failure? {
                do { _ = try await send(); return nil } catch { return error as? NotifyClient.Failure }
            }
            let invalid = await failure { try await client.sendEmail(to: "not-an-address", templateID: FakeNotify.emailTemplate, personalisation: ["subject": "s", "body": "b"]) }
            #expect(invalid?.statusCode == 400 && invalid?.isPermanent == true && invalid?.errors == ["ValidationError: email_address Not a valid email address"])
            let missing = await failure { try await client.sendEmail(to: "a@b.example", templateID: FakeNotify.emailTemplate, personalisation: ["subject": "s"]) }
            #expect(missing?.errors == ["BadRequestError: Missing personalisation: body"])
            let limited = await failure { try await client.sendEmail(to: "rate-limited@b.example", templateID: FakeNotify.emailTemplate, personalisation: ["subject": "s", "body": "b"]) }
            #expect(limited?.statusCode == 429 && limited?.isPermanent == false)
            let broken = await failure { try await client.sendEmail(to: "broken@b.example", templateID: FakeNotify.emailTemplate, personalisation: ["subject": "s", "body": "b"]) }
            #expect(broken?.statusCode == 500 && broken?.isPermanent == false)
            let letter = await failure { try await client.sendLetter(templateID: FakeNotify.letterTemplate, personalisation: ["address_line_1": "A", "address_line_2": "B", "address_line_3": "Nowhere", "subject": "s", "body": "b"]) }
            #expect(letter?.errors == ["ValidationError: Last line of address must be a real UK postcode"])

            let wrongKey = NotifyClient(key: NotifyAPIKey("other-" + FakeNotify.serviceID + "-00000000-0000-4000-8000-000000000000")!, baseURL: url)
            let forged = await failure { try await wrongKey.sendSMS(to: "07700 900 123", templateID: FakeNotify.smsTemplate, personalisation: ["body": "b"]) }
            #expect(forged?.statusCode == 403 && forged?.isPermanent == true)
            #expect(fake.sent.withLockedValue { $0.isEmpty }, "nothing refused was sent")
        }
    }
}
