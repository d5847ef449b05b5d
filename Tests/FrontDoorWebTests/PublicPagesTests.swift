import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Public pages")
struct PublicPagesTests {
    @Test("The home page greets residents with the demo council's name and contact details", arguments: TestDatabase.available)
    func homePage(database kind: TestDatabase) async throws {
        try await withTestApplication(database: kind) { client in
            let response = try await client.execute(uri: "/", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.text.contains("<title>Kingsmere Borough Council</title>"))
            #expect(response.text.contains("01632 960 000"))
            #expect(response.text.contains("customer.services@kingsmere.example"))
            #expect(response.text.contains(#"href="/brand.css""#))
        }
    }

    @Test("Every response carries the security headers and a request id", arguments: TestDatabase.available)
    func securityHeaders(database kind: TestDatabase) async throws {
        try await withTestApplication(database: kind) { client in
            for path in ["/", "/no-such-page", "/health/live", "/assets/frontdoor.css"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("script-src 'self'") == true, "\(path)")
                #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff", "\(path)")
                #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY", "\(path)")
                #expect(response.headers[.requestID]?.isEmpty == false, "\(path)")
            }
        }
    }

    @Test("The component gallery renders every design-system component")
    func galleryHasEveryComponent() async throws {
        try await withTestApplication(database: .sqlite) { client in
            let page = try await client.execute(uri: "/components", method: .get).text
            let markers = [
                "fd-error-summary", "fd-button--start", "fd-button--secondary", "fd-button--warning", "fd-input",
                "fd-input--error", "fd-textarea", "fd-radios", "fd-checkboxes", "fd-select", "fd-date-input",
                "fd-summary-list", "fd-table", "fd-tag", "fd-notification-banner", "fd-notification-banner--success",
                "fd-pagination", "fd-panel", "fd-skip-link", "fd-header", "fd-phase-banner", "fd-footer",
            ]
            for marker in markers {
                #expect(page.contains(marker), "the gallery has no \(marker)")
            }
            #expect(page.contains("<title>Design system components – Kingsmere Borough Council</title>"))
            #expect(page.contains(##"href="#email-with-error""##), "error summary links to its field")
            #expect(page.contains(#"aria-describedby="email-with-error-hint email-with-error-error""#))
            #expect(page.contains(#"spellcheck="false""#), "an explicit false is written, not dropped")
        }
    }

    @Test("The accessibility statement names the enforcement body for the council's nation", arguments: [
        (Nation.englandAndWales, "Equality and Human Rights Commission"), (.scotland, "Equality and Human Rights Commission"),
        (.northernIreland, "Equality Commission for Northern Ireland"),
    ])
    func accessibilityStatement(nation: Nation, body: String) async throws {
        try await withTestApplication(database: .sqlite, seedDemo: false, prepare: { database in
            try await CouncilRepository(database: database).create(makeCouncil(slug: "statement", nation: nation))
        }) { client in
            let page = try await client.execute(uri: "/accessibility", method: .get).text
            #expect(page.contains(body))
            #expect(page.contains("01632 960 111"))
            #expect(page.contains(#"id="contact""#))
        }
    }

    @Test("What councils type is escaped in every page", arguments: TestDatabase.available)
    func councilTextIsEscaped(database kind: TestDatabase) async throws {
        try await withTestApplication(database: kind, seedDemo: false, prepare: { database in
            try await CouncilRepository(database: database).create(makeCouncil(slug: "escape", name: "Smith & <b>Jones</b> Council"))
        }) { client in
            let page = try await client.execute(uri: "/", method: .get).text
            #expect(page.contains("Smith &amp; &lt;b&gt;Jones&lt;/b&gt; Council"))
            #expect(!page.contains("<b>Jones</b>"))
        }
    }

    @Test("The council's brand colour is served as a stylesheet, not inline", arguments: TestDatabase.available)
    func brandStylesheet(database kind: TestDatabase) async throws {
        try await withTestApplication(database: kind) { client in
            let response = try await client.execute(uri: "/brand.css", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/css; charset=utf-8")
            #expect(response.text.contains("--fd-brand: \(DemoCouncil.council.brandColour.hex)"))
        }
    }

    @Test("An empty deployment says it is not set up yet instead of failing")
    func noCouncilYet() async throws {
        try await withTestApplication(database: .sqlite, seedDemo: false) { client in
            let response = try await client.execute(uri: "/", method: .get)
            #expect(response.status == .ok)
            #expect(response.text.contains("FrontDoor is not set up yet"))
            #expect(!response.text.contains("Kingsmere"))
        }
    }

    @Test("Pages are served over a real HTTP connection")
    func liveServer() async throws {
        try await withTestApplication(database: .sqlite, setup: .live) { client in
            #expect(client.port != nil)
            let response = try await client.execute(uri: "/components", method: .get)
            #expect(response.status == .ok)
            #expect(response.text.contains("Design system components"))
        }
    }
}
