import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
@testable import FrontDoorWeb
import Hummingbird
import HummingbirdTesting
import Testing

/// The parts of single sign-on that need no provider. The whole flow runs against a real
/// OpenID provider in the browser suite (e2e/browser/test_staff_single_sign_on.py).
@Suite("Staff single sign-on")
struct StaffSingleSignOnTests {
    @Test("The PKCE challenge is RFC 7636's S256 (the RFC's appendix B example)")
    func pkce() {
        #expect(OpenIDConnectClient.codeChallenge(for: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")
                == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
    }

    @Test("A role claim may be a list or a single string; anything else is no roles")
    func roleClaimShapes() throws {
        func token(_ payload: String) -> String {
            "e30." + Data(payload.utf8).base64URLEncoded + ".c2ln"
        }
        #expect(try OpenIDConnectClient.stringValues(of: "roles", inPayloadOf: token(#"{"roles":["a","b",3]}"#)) == ["a", "b"])
        #expect(try OpenIDConnectClient.stringValues(of: "groups", inPayloadOf: token(#"{"groups":"staff"}"#)) == ["staff"])
        #expect(try OpenIDConnectClient.stringValues(of: "roles", inPayloadOf: token(#"{"roles":{"x":1}}"#)) == [])
        #expect(throws: OpenIDConnectClient.Failure.self) { try OpenIDConnectClient.stringValues(of: "roles", inPayloadOf: "not-a-jwt") }
    }

    static func configure(_ database: Database) async throws {
        try await seedDemoCouncil(database)
        let mapping = try RoleMapping.parse(["frontdoor-advisors=advisor"])
        try await IdentityProviderRepository(database: database, sealed: SealedSecrets(sessionSecret: String(repeating: "s", count: 40)))
            .save(IdentityProviderSettings(displayName: "Kingsmere staff account", issuer: "http://127.0.0.1:9/openid",
                                           clientID: "frontdoor", clientSecret: "secret", roleClaim: "roles", roleMapping: mapping),
                  councilID: DemoCouncil.council.id, at: Date())
    }

    @Test("With a provider set up, the sign-in page offers it; its client secret is stored sealed", arguments: TestDatabase.available)
    func offersProvider(database kind: TestDatabase) async throws {
        try await withTestApplication(database: kind, seedDemo: false, prepare: Self.configure) { client in
            let page = try await client.execute(uri: "/staff/sign-in", method: .get).text
            #expect(page.contains("Sign in with Kingsmere staff account"))
            #expect(page.contains(#"href="/staff/sign-in/provider""#))
            let database = try await DatabaseBox().open()
            let stored = try await database.sql.select().column("client_secret_sealed").from("council_identity_providers").first()
            #expect(try stored?.decode(column: "client_secret_sealed", as: String.self) != "secret")
            await database.close()
        }
    }

    @Test("Without a provider there is no button, and starting one is not found")
    func noProvider() async throws {
        try await withDemoDeployment(database: .sqlite) { browser, _ in
            let page = try await browser.get("/staff/sign-in")
            #expect(!page.text.contains("Sign in with"))
            let start = try await browser.get("/staff/sign-in/provider")
            #expect(start.status == .notFound)
        }
    }

    @Test("A callback with a state this browser did not start is refused, audited, and signs nobody in", arguments: TestDatabase.available)
    func forgedCallback(database kind: TestDatabase) async throws {
        try await withTestApplication(database: kind, seedDemo: false, prepare: Self.configure) { client in
            let browser = BrowserLikeClient(client)
            browser.setCookie("fd_sso_state", "attacker-state")
            let response = try await browser.get("/staff/sso/callback?code=stolen&state=attacker-state")
            #expect(response.status == .badRequest)
            #expect(response.text.contains("Signing in with Kingsmere staff account did not work"))
            #expect(browser.cookies["fd_staff_session"] == nil)
            let cancelled = try await browser.get("/staff/sso/callback?error=access_denied&state=x")
            #expect(cancelled.text.contains("You did not finish signing in with Kingsmere staff account"))
            let database = try await DatabaseBox().open()
            let events = try await AuditTrail(database: database).events(councilID: DemoCouncil.council.id)
            await database.close()
            #expect(events.contains { $0.kind == .signInFailed && $0.subject.contains("single sign-on") })
        }
    }

    @Test("A provider that cannot be reached gives a page saying so, not an error")
    func unreachableProvider() async throws {
        try await withTestApplication(database: .sqlite, seedDemo: false, prepare: Self.configure) { client in
            let response = try await BrowserLikeClient(client).get("/staff/sign-in/provider")
            #expect(response.status == .badRequest)
            #expect(response.text.contains("is not working at the moment"))
        }
    }
}
