import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import FrontDoorWeb
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Staff two-factor sign-in")
struct StaffTwoFactorTests {
    static let admin = "admin@kingsmere.example"

    /// The setup key shown on the page, without its spaces.
    func setupKey(in page: String) throws -> String {
        let start = try #require(page.range(of: #"<strong class="fd-setup-key">"#))
        let end = try #require(page.range(of: "</strong>", range: start.upperBound..<page.endIndex))
        return page[start.upperBound..<end.lowerBound].replacingOccurrences(of: " ", with: "")
    }

    func recoveryCodes(in page: String) -> [String] {
        page.components(separatedBy: "<code>").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    /// Password, then set up the authenticator; returns the secret, the code used and the recovery codes.
    func enrolAdmin(_ browser: BrowserLikeClient) async throws -> (secret: String, code: String, recovery: [String]) {
        let afterPassword = try await browser.postForm("/staff/sign-in", [("email", Self.admin), ("password", DemoCouncil.password)])
        #expect(afterPassword.headers[.location] == "/staff/two-factor")
        #expect(browser.cookies["fd_staff_session"] == nil, "no session before the second factor")
        let setup = try await browser.get("/staff/two-factor")
        #expect(setup.text.contains("Set up two-factor sign-in"))
        let secret = try setupKey(in: setup.text)
        let code = OneTimePasswordVerifier(secret: secret).code(at: Date())
        let done = try await browser.postForm("/staff/two-factor", [("code", code)])
        #expect(done.status == .ok)
        #expect(done.text.contains("Save your recovery codes"))
        return (secret, code, recoveryCodes(in: done.text))
    }

    @Test("An administrator's first sign-in sets up the authenticator, shows ten recovery codes once, and signs in",
          arguments: TestDatabase.available)
    func firstSignInSetsUp(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let enrolled = try await enrolAdmin(browser)
            #expect(enrolled.recovery.count == 10)
            #expect(browser.cookies["fd_staff_session"] != nil)
            #expect(try await browser.get("/staff").text.contains("Signed in as Alex Morgan"))
            let kinds = try await AuditTrail(database: database).events(councilID: DemoCouncil.council.id).map(\.kind)
            #expect(Set(kinds.prefix(2)) == [.signedIn, .twoFactorEnabled], "both recorded at the same moment")
            let stored = try await database.sql.select().column("secret_sealed").from("staff_two_factor").first()?
                .decode(column: "secret_sealed", as: String.self)
            #expect(stored?.contains(enrolled.secret) == false, "the secret is stored sealed, not as given")
        }
    }

    @Test("A wrong code while setting up is refused and the same key is offered again")
    func wrongSetupCode() async throws {
        try await withDemoDeployment(database: .sqlite) { browser, _ in
            try await browser.postForm("/staff/sign-in", [("email", Self.admin), ("password", DemoCouncil.password)])
            let key = try setupKey(in: try await browser.get("/staff/two-factor").text)
            let refused = try await browser.postForm("/staff/two-factor", [("code", "000000")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Enter a correct security code"))
            #expect(try setupKey(in: refused.text) == key)
            #expect(browser.cookies["fd_staff_session"] == nil)
        }
    }

    @Test("Later sign-ins ask for the code; a code cannot be replayed; each recovery code works once", arguments: TestDatabase.available)
    func laterSignIns(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let enrolled = try await enrolAdmin(browser)
            try await browser.postForm("/staff/sign-out", [])

            try await browser.postForm("/staff/sign-in", [("email", Self.admin), ("password", DemoCouncil.password)])
            #expect(try await browser.get("/staff/two-factor").text.contains("Enter your security code"))
            let replay = try await browser.postForm("/staff/two-factor", [("code", enrolled.code)])
            #expect(replay.status == .unprocessableContent)
            #expect(replay.text.contains("Enter a correct security code"))

            let recovered = try await browser.postForm("/staff/two-factor", [("code", enrolled.recovery[0].lowercased())])
            #expect(recovered.status == .seeOther)
            #expect(try await browser.get("/staff").status == .ok)
            try await browser.postForm("/staff/sign-out", [])

            try await browser.postForm("/staff/sign-in", [("email", Self.admin), ("password", DemoCouncil.password)])
            let reused = try await browser.postForm("/staff/two-factor", [("code", enrolled.recovery[0])])
            #expect(reused.status == .unprocessableContent)
            let kinds = try await AuditTrail(database: database).events(councilID: DemoCouncil.council.id).map(\.kind)
            #expect(kinds.contains(.recoveryCodeUsed))
        }
    }

    @Test("Advisors need only a password, unless their council requires two-factor of all staff")
    func councilSetting() async throws {
        try await withDemoDeployment(database: .sqlite) { browser, _ in
            let response = try await browser.postForm("/staff/sign-in", [("email", "advisor@kingsmere.example"), ("password", DemoCouncil.password)])
            #expect(response.headers[.location] == "/staff")
        }
        try await withDemoDeployment(database: .sqlite, requireTwoFactorForAll: true) { browser, _ in
            let response = try await browser.postForm("/staff/sign-in", [("email", "advisor@kingsmere.example"), ("password", DemoCouncil.password)])
            #expect(response.headers[.location] == "/staff/two-factor")
        }
    }

    @Test("The second-factor page without a password first sends people to sign in")
    func needsPasswordFirst() async throws {
        try await withDemoDeployment(database: .sqlite) { browser, _ in
            let response = try await browser.get("/staff/two-factor")
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/staff/sign-in")
            #expect(try await browser.postForm("/staff/two-factor", [("code", "123456")]).headers[.location] == "/staff/sign-in")
        }
    }
}
