import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Webhooks in administration")
struct WebhookPageTests {
    @Test("An administrator adds an endpoint (its secret shown once), sees it in the list, and disables it; bad ones are refused by field",
          arguments: TestDatabase.available)
    func addAndDisable(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await signInAsAdministrator(browser)
            #expect(try await browser.get("/staff").text.contains("href=\"/staff/webhooks\""))
            let empty = try await browser.get("/staff/webhooks").text
            #expect(empty.contains("No endpoints have been added.") && empty.contains("customer.address_changed"))

            let refused = try await browser.postForm("/staff/webhooks", [("url", "ftp://crm.example/in"), ("description", String(repeating: "d", count: 201))])
            #expect(refused.status == .unprocessableContent)
            for message in ["The address must start with https://", "Select at least one event", "The description must be 200 characters or fewer"] {
                #expect(refused.text.contains(message), "missing: \(message)")
            }
            let withUser = try await browser.postForm("/staff/webhooks", [("url", "https://me:pw@crm.example/in"), ("events", "case.created")])
            #expect(withUser.status == .unprocessableContent && withUser.text.contains("must not contain a user name"))
            let unknown = try await browser.postForm("/staff/webhooks", [("url", "https://crm.example/in"), ("events", "case.exploded")])
            #expect(unknown.status == .unprocessableContent && unknown.text.contains("Select events from the list"))
            let sealed = SealedSecrets(sessionSecret: String(repeating: "x", count: 40))
            #expect(try await WebhookRepository(database: database, sealed: sealed).endpoints(councilID: DemoCouncil.council.id).isEmpty)

            let added = try await browser.postForm("/staff/webhooks", [("url", "https://crm.kingsmere.example/frontdoor"), ("description", "Housing CRM"),
                                                                       ("events", "case.created"), ("events", "customer.address_changed")])
            #expect(added.status == .ok && added.text.contains("The endpoint has been added"))
            let secret = try unwrap(added.text.firstMatch(of: /whsec_[A-Za-z0-9_-]+/).map { String($0.output) })
            let list = try await browser.get("/staff/webhooks").text
            #expect(list.contains("https://crm.kingsmere.example/frontdoor") && list.contains("case.created, customer.address_changed"))
            #expect(!list.contains(secret), "the secret is shown once")

            let endpoint = try unwrap(try await database.sql.select().column("id").from("webhook_endpoints").first(decoding: IDRow.self))
            let path = "/staff/webhooks/\(endpoint.id.uuidString.lowercased())/disable"
            #expect(try await browser.postForm(path, []).headers[.location] == "/staff/webhooks?disabled=1")
            #expect(try await browser.postForm(path, []).headers[.location] == "/staff/webhooks")
            #expect(try await browser.get("/staff/webhooks").text.contains("Disabled"))
            let trail = try await AuditTrail(database: database).events(councilID: DemoCouncil.council.id)
            #expect(trail.contains { $0.kind == .webhookEndpointAdded } && trail.contains { $0.kind == .webhookEndpointDisabled })

            let advisor = BrowserLikeClient(browser.client)
            try await advisor.postForm("/staff/sign-in", [("email", "advisor@kingsmere.example"), ("password", DemoCouncil.password)])
            #expect(try await advisor.get("/staff/webhooks").status == .forbidden)
            #expect(try await advisor.postForm("/staff/webhooks", [("url", "https://x.example"), ("events", "case.created")]).status == .forbidden)
        }
    }

    struct IDRow: Decodable { var id: UUID }
}
