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
            try await seedDemoCouncil(database)
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

@Suite("Sessions on shared computers, and session lengths set by the operator")
struct SharedComputerSessionTests {
    @Test("Staff who say they are on a shared computer get the kiosk timeouts, through the two-factor step too", arguments: TestDatabase.available)
    func staffOnSharedComputer(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await browser.postForm("/staff/sign-in", [("email", "advisor@kingsmere.example"), ("password", DemoCouncil.password),
                                                          ("shared_device", "yes")])
            #expect(try await browser.get("/staff").status == .ok)
            try await database.sql.update("staff_sessions").set("last_seen_at", to: Date().addingTimeInterval(-6 * 60)).run()
            #expect(try await browser.get("/staff").status == .seeOther, "five idle minutes end a shared-computer session")

            let admin = BrowserLikeClient(browser.client)
            try await database.sql.delete(from: "staff_sessions").run()
            try await signInAsAdministrator(admin, also: [("shared_device", "yes")])
            struct Row: Decodable { var shared_device: Bool }
            let sessions = try await database.sql.select().column("shared_device").from("staff_sessions").all(decoding: Row.self)
            #expect(sessions.map(\.shared_device) == [true])
        }
    }

    @Test("The operator's session lengths apply: a resident idle longer than RESIDENT_SESSION_IDLE_MINUTES is signed out")
    func configuredLengths() async throws {
        let box = DatabaseBox()
        try await withTestApplication(database: .sqlite, configure: { configuration in
            configuration.sessionPolicies.resident = SessionPolicy(idleTimeout: 10 * 60, absoluteTimeout: 3600)
        }, prepare: { database in
            try await seedDemoCouncil(database)
        }) { client in
            let database = try await box.open()
            let browser = BrowserLikeClient(client)
            try await ResidentJourney.signedInResident(browser, database)
            try await database.sql.update("resident_sessions").set("last_seen_at", to: Date().addingTimeInterval(-9 * 60)).run()
            #expect(try await browser.get("/account").status == .ok)
            try await database.sql.update("resident_sessions").set("last_seen_at", to: Date().addingTimeInterval(-11 * 60)).run()
            #expect(try await browser.get("/account").status == .seeOther)
        }
        await box.close()
    }
}
