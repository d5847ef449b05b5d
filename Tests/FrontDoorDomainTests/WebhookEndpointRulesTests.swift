import FrontDoorDomain
import Testing

@Suite("Webhook endpoints: what an administrator may register")
struct WebhookEndpointRulesTests {
    @Test("https anywhere; plain http only to this machine, and only where the deployment allows it (development)", arguments: [
        ("https://crm.kingsmere.gov.uk/events", true, true), ("https://crm.kingsmere.gov.uk/events", false, true),
        ("http://127.0.0.1:9000/events", true, true), ("http://localhost/events", true, true),
        ("http://127.0.0.1:9000/events", false, false), ("http://crm.kingsmere.gov.uk/events", true, false),
        ("ftp://crm.kingsmere.gov.uk/events", true, false), ("crm.kingsmere.gov.uk/events", true, false), ("", true, false),
    ])
    func addresses(url: String, allowsLocalHTTP: Bool, accepted: Bool) {
        let problems = WebhookEndpointRules.check(url: url, events: ["case.created"], description: "", allowsLocalHTTP: allowsLocalHTTP)
        #expect(problems.isEmpty == accepted, "\(url): \(problems)")
        #expect(problems.allSatisfy { $0.field == "url" })
    }

    @Test("Events come from the list, at least one; credentials never ride in the address")
    func eventsAndCredentials() {
        #expect(WebhookEndpointRules.check(url: "https://x.example", events: [], description: "", allowsLocalHTTP: false).map(\.message)
                == ["Select at least one event"])
        #expect(WebhookEndpointRules.check(url: "https://x.example", events: ["case.created", "case.eaten"], description: "", allowsLocalHTTP: false)
                .map(\.message) == ["Select events from the list"])
        #expect(WebhookEndpointRules.check(url: "https://me:secret@x.example", events: ["case.created"], description: "", allowsLocalHTTP: false)
                .map(\.field) == ["url"])
        #expect(WebhookEvent.raised(byMoveTo: .resolved) == [.caseUpdated, .caseClosed])
        #expect(WebhookEvent.raised(byMoveTo: .inProgress) == [.caseUpdated])
    }
}
