import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import Hummingbird
import HummingbirdTesting
import NIOConcurrencyHelpers
import SQLKit
import Testing

@Suite("Staff sign-in")
struct StaffSignInTests {
    static let admin = "admin@kingsmere.example"
    /// Advisors sign in with a password alone (two-factor is required of administrators).
    static let advisor = "advisor@kingsmere.example"

    @Test("A staff page asked for while signed out redirects to sign-in, which returns there afterwards", arguments: TestDatabase.available)
    func redirectsAndReturns(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, _ in
            let asked = try await browser.get("/staff")
            #expect(asked.status == .seeOther)
            #expect(asked.headers[.location] == "/staff/sign-in?return=/staff")
            let signedIn = try await browser.postForm("/staff/sign-in", [("email", Self.advisor), ("password", DemoCouncil.password), ("return", "/staff")])
            #expect(signedIn.status == .seeOther)
            #expect(signedIn.headers[.location] == "/staff")
            let home = try await browser.get("/staff")
            #expect(home.status == .ok)
            #expect(home.text.contains("Signed in as Sam Patel"))
            #expect(home.text.contains("Advisor"))
        }
    }

    @Test("The session cookie is HttpOnly and SameSite=Lax, and every sign-in gets a new session", arguments: TestDatabase.available)
    func freshSessionEachTime(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, _ in
            let first = try await browser.postForm("/staff/sign-in", [("email", Self.advisor), ("password", DemoCouncil.password)])
            let firstToken = try #require(browser.cookies["fd_staff_session"])
            let header = first.headers[values: .setCookie].first { $0.hasPrefix("fd_staff_session=") } ?? ""
            #expect(header.contains("HttpOnly") && header.contains("SameSite=Lax"))
            try await browser.postForm("/staff/sign-in", [("email", Self.advisor), ("password", DemoCouncil.password)])
            #expect(browser.cookies["fd_staff_session"] != firstToken)
        }
    }

    @Test("Empty fields get GOV.UK error messages linked from the summary")
    func emptyForm() async throws {
        try await withDemoDeployment(database: .sqlite) { browser, _ in
            let response = try await browser.postForm("/staff/sign-in", [("email", ""), ("password", "")])
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("<title>Error: Sign in – Kingsmere Borough Council</title>"))
            #expect(response.text.contains("Enter your email address"))
            #expect(response.text.contains("Enter your password"))
            #expect(response.text.contains(##"href="#email""##))
        }
    }

    @Test("A wrong password is refused without saying which part was wrong, and is audited", arguments: TestDatabase.available)
    func wrongPassword(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let response = try await browser.postForm("/staff/sign-in", [("email", Self.admin), ("password", "not the password")])
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("Enter a correct email address and password"))
            #expect(browser.cookies["fd_staff_session"] == nil)
            #expect(response.text.contains(#"value="admin@kingsmere.example""#), "the email is kept so it need not be typed again")
            let events = try await AuditTrail(database: database).events(councilID: DemoCouncil.council.id)
            #expect(events.map(\.kind) == [.signInFailed])
        }
    }

    @Test("Five failures lock the account; even the right password then waits, and the message says how long", arguments: TestDatabase.available)
    func lockout(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            for _ in 1...5 {
                try await browser.postForm("/staff/sign-in", [("email", Self.admin), ("password", "guess")])
            }
            let response = try await browser.postForm("/staff/sign-in", [("email", Self.admin), ("password", DemoCouncil.password)])
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("You have tried to sign in too many times. Try again in 15 minutes."))
            #expect(browser.cookies["fd_staff_session"] == nil)
            let kinds = try await AuditTrail(database: database).events(councilID: DemoCouncil.council.id).map(\.kind)
            #expect(kinds.first == .signInLockedOut)
            #expect(kinds.filter { $0 == .signInFailed }.count == 5)
        }
    }

    @Test("Signing out ends the session: the old cookie no longer opens staff pages", arguments: TestDatabase.available)
    func signOut(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await browser.postForm("/staff/sign-in", [("email", Self.advisor), ("password", DemoCouncil.password)])
            let oldToken = try #require(browser.cookies["fd_staff_session"])
            let out = try await browser.postForm("/staff/sign-out", [])
            #expect(out.headers[.location] == "/staff/sign-in?signed-out=1")
            #expect(try await browser.get("/staff/sign-in?signed-out=1").text.contains("You have signed out"))
            browser.setCookie("fd_staff_session", oldToken)
            #expect(try await browser.get("/staff").status == .seeOther)
            let kinds = try await AuditTrail(database: database).events(councilID: DemoCouncil.council.id).map(\.kind)
            #expect(kinds.prefix(2) == [.signedOut, .signedIn])
        }
    }

    @Test("A session idle for 30 minutes has ended", arguments: TestDatabase.available)
    func idleTimeout(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await browser.postForm("/staff/sign-in", [("email", Self.advisor), ("password", DemoCouncil.password)])
            try await database.sql.update("staff_sessions").set("last_seen_at", to: Date().addingTimeInterval(-31 * 60)).run()
            #expect(try await browser.get("/staff").status == .seeOther)
            #expect(try await database.sql.select().column("*").from("staff_sessions").all().isEmpty)
        }
    }

    @Test("Sign-in never sends people to another site", arguments: ["//evil.example/", "https://evil.example/", "/\\evil.example"])
    func noOpenRedirect(returnTo: String) async throws {
        try await withDemoDeployment(database: .sqlite) { browser, _ in
            let response = try await browser.postForm("/staff/sign-in", [("email", Self.advisor), ("password", DemoCouncil.password), ("return", returnTo)])
            #expect(response.headers[.location] == "/staff")
        }
    }

    @Test("A session for one council opens nothing at another")
    func sessionsStayInTheirCouncil() async throws {
        try await withTestApplication(database: .sqlite, prepare: { database in
            try await DemoSeeder(database: database, hasher: PasswordHasher(cost: 4)).seed()
            try await CouncilRepository(database: database).create(makeCouncil(slug: "otherton", name: "Otherton Council"))
        }) { client in
            let browser = BrowserLikeClient(client)
            let signedIn = try await browser.postForm("/c/kingsmere/staff/sign-in", [("email", Self.advisor), ("password", DemoCouncil.password)])
            #expect(signedIn.headers[.location] == "/c/kingsmere/staff")
            #expect(try await browser.get("/c/kingsmere/staff").status == .ok)
            #expect(try await browser.get("/c/otherton/staff").status == .seeOther)
        }
    }
}
