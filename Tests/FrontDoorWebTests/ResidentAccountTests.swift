import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing

/// What the resident journeys share: registering, and reading the link out of the newest email.
enum ResidentJourney {
    static let password = "correct horse battery staple"

    @discardableResult
    static func register(_ browser: BrowserLikeClient, name: String = "Ann Jones", email: String = "ann@example.com",
                         password: String = password, consents: [String] = []) async throws -> TestResponse {
        try await browser.postForm("/account/register", [("name", name), ("email", email), ("password", password)]
            + consents.map { ("consents", $0) })
    }

    /// The newest email to `address`, as stored in the outbox.
    static func lastEmail(to address: String, in database: Database) async throws -> EmailOutbox.Entry {
        try #require(try await EmailOutbox(database: database).entries(to: address).first, "no email to \(address)")
    }

    /// The path and query of the first link in the newest email to `address` (links are absolute, from BASE_URL).
    static func link(to address: String, in database: Database, containing part: String = "token=") async throws -> String {
        let body = try await lastEmail(to: address, in: database).body_text
        let line = try #require(body.split(separator: "\n").first { $0.hasPrefix("http") && $0.contains(part) }, "no link in: \(body)")
        let url = try #require(URL(string: String(line)))
        return url.path + (url.query.map { "?" + $0 } ?? "")
    }

    /// Registers, confirms the address and signs in.
    static func signedInResident(_ browser: BrowserLikeClient, _ database: Database, name: String = "Ann Jones",
                                 email: String = "ann@example.com") async throws {
        try await register(browser, name: name, email: email)
        try await browser.postForm("/account/confirm-email", [("token", token(in: try await link(to: email, in: database)))])
        let signedIn = try await browser.postForm("/account/sign-in", [("email", email), ("password", password)])
        #expect(signedIn.status == .seeOther && signedIn.headers[.location] == "/account")
    }

    static func token(in link: String) -> String {
        URLComponents(string: link)?.queryItems?.first { $0.name == "token" }?.value ?? ""
    }
}

@Suite("Resident accounts: register, confirm, sign in, reset")
struct ResidentAccountTests {
    typealias Journey = ResidentJourney

    @Test("Register, confirm the email by its link, then sign in to My Account", arguments: TestDatabase.available)
    func registerConfirmSignIn(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let registered = try await Journey.register(browser, consents: ["service-updates"])
            #expect(registered.status == .seeOther && registered.headers[.location] == "/account/check-your-email")
            #expect(try await browser.get("/account/check-your-email").text.contains("Check your email"))
            let email = try await Journey.lastEmail(to: "ann@example.com", in: database)
            #expect(email.subject == "Confirm your email address – Kingsmere Borough Council")

            let early = try await browser.postForm("/account/sign-in", [("email", "ann@example.com"), ("password", Journey.password)])
            #expect(early.text.contains("Confirm your email address first"))
            #expect(browser.cookies["fd_session"] == nil)

            let link = try await Journey.link(to: "ann@example.com", in: database)
            #expect(link.hasPrefix("/account/confirm-email?token="))
            let page = try await browser.get(link)
            #expect(page.status == .ok && page.text.contains("Confirm email address"))
            // Opening the link changes nothing (mail scanners open links); the button does.
            let confirmed = try await browser.postForm("/account/confirm-email", [("token", Journey.token(in: link))])
            #expect(confirmed.headers[.location] == "/account/sign-in?confirmed=1")

            let signedIn = try await browser.postForm("/account/sign-in", [("email", "ANN@example.com"), ("password", Journey.password)])
            #expect(signedIn.headers[.location] == "/account")
            let cookie = signedIn.headers[values: .setCookie].first { $0.hasPrefix("fd_session=") } ?? ""
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
            let account = try await browser.get("/account")
            #expect(account.status == .ok)
            #expect(account.text.contains("Ann Jones") && account.text.contains("ann@example.com"))
            #expect(account.text.contains("Yes, since"), "the consent given at registration is shown")

            let kinds = try await AuditTrail(database: database).events(councilID: DemoCouncil.council.id).map(\.kind)
            #expect(kinds.prefix(3) == [.signedIn, .emailConfirmed, .accountRegistered])
        }
    }

    @Test("Registration errors are shown by field and nothing is stored", arguments: [
        ("", "", "", ["Enter your full name", "Enter your email address", "Enter a password"]),
        ("Ann", "not-an-email", "short", ["Enter an email address in the correct format", "Password must be 8 characters or more"]),
        ("Ann", "ann@example.com", "password123", ["Password is too easy to guess"]),
    ])
    func registrationErrors(name: String, email: String, password: String, messages: [String]) async throws {
        try await withDemoDeployment(database: .sqlite) { browser, database in
            let response = try await Journey.register(browser, name: name, email: email, password: password)
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("<title>Error: Create an account"))
            for message in messages { #expect(response.text.contains(message), "missing: \(message)") }
            #expect(try await database.sql.select().column("*").from("customers").where("name", .equal, name).all().isEmpty)
            #expect(try await EmailOutbox(database: database).entries(to: email).isEmpty)
        }
    }

    @Test("Registering an address that has an account says the same on the page, and tells the owner by email", arguments: TestDatabase.available)
    func registeringTwice(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await Journey.register(browser)
            let again = try await Journey.register(browser, name: "Someone Else", password: "another good password")
            #expect(again.headers[.location] == "/account/check-your-email")
            #expect(try await Journey.lastEmail(to: "ann@example.com", in: database).subject.hasPrefix("You already have an account"))
            #expect(try await database.sql.select().column("*").from("customers").where("email", .equal, "ann@example.com").all().count == 1)
            #expect(try await database.sql.select().column("*").from("customers").where("name", .equal, "Someone Else").all().isEmpty)
        }
    }

    @Test("A customer known without an account finishes registering by choosing a password through an emailed link", arguments: TestDatabase.available)
    func guestBecomesResident(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let guest = makeCustomer(council: DemoCouncil.council, name: "Gus Guest", email: "gus@example.com", verified: false)
            try await CustomerRepository(database: database, hasher: PasswordHasher(cost: 4)).create(guest, passwordHash: nil)
            try await Journey.register(browser, name: "Gus Guest", email: "gus@example.com")
            #expect(try await Journey.lastEmail(to: "gus@example.com", in: database).subject.hasPrefix("Finish creating your account"))
            // The password typed on the form opens nothing: whoever typed it has not shown they own the address.
            let attempt = try await browser.postForm("/account/sign-in", [("email", "gus@example.com"), ("password", Journey.password)])
            #expect(attempt.status == .unprocessableContent)

            let link = try await Journey.link(to: "gus@example.com", in: database)
            try await browser.postForm("/account/reset-password", [("token", Journey.token(in: link)), ("password", "gus chooses this one")])
            let signedIn = try await browser.postForm("/account/sign-in", [("email", "gus@example.com"), ("password", "gus chooses this one")])
            #expect(signedIn.headers[.location] == "/account")
            let customers = try await database.sql.select().column("id").from("customers").where("email", .equal, "gus@example.com").all()
            #expect(customers.count == 1, "the guest became the resident: one customer, not two")
            #expect(try await CustomerRepository(database: database, hasher: PasswordHasher(cost: 4))
                .find(id: guest.id, councilID: DemoCouncil.council.id)?.hasAccount == true)
        }
    }

    @Test("Forgotten password: the same answer for unknown addresses; the link sets a new password and signs out everywhere", arguments: TestDatabase.available)
    func forgottenPassword(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await Journey.signedInResident(browser, database)
            let oldSession = try #require(browser.cookies["fd_session"])

            let unknown = try await browser.postForm("/account/forgotten-password", [("email", "nobody@example.com")])
            #expect(unknown.headers[.location] == "/account/check-your-email")
            #expect(try await EmailOutbox(database: database).entries(to: "nobody@example.com").isEmpty)

            let known = try await browser.postForm("/account/forgotten-password", [("email", "ann@example.com")])
            #expect(known.headers[.location] == "/account/check-your-email")
            let link = try await Journey.link(to: "ann@example.com", in: database)
            #expect(try await browser.get(link).text.contains("Choose a new password"))

            let weak = try await browser.postForm("/account/reset-password", [("token", Journey.token(in: link)), ("password", "qwertyuiop")])
            #expect(weak.status == .unprocessableContent && weak.text.contains("Password is too easy to guess"))

            let reset = try await browser.postForm("/account/reset-password", [("token", Journey.token(in: link)), ("password", "a brand new passphrase")])
            #expect(reset.headers[.location] == "/account/sign-in?password-changed=1")
            browser.setCookie("fd_session", oldSession)
            #expect(try await browser.get("/account").status == .seeOther, "the session from before the reset has ended")
            #expect(try await Journey.lastEmail(to: "ann@example.com", in: database).subject.hasPrefix("Your password has changed"))

            let reused = try await browser.postForm("/account/reset-password", [("token", Journey.token(in: link)), ("password", "yet another passphrase")])
            #expect(reused.status == .gone && reused.text.contains("This link has already been used"))
            let oldPassword = try await browser.postForm("/account/sign-in", [("email", "ann@example.com"), ("password", Journey.password)])
            #expect(oldPassword.status == .unprocessableContent)
            let newPassword = try await browser.postForm("/account/sign-in", [("email", "ann@example.com"), ("password", "a brand new passphrase")])
            #expect(newPassword.headers[.location] == "/account")
        }
    }

    @Test("Expired, mistyped and used links each get a page that says what to do")
    func badLinks() async throws {
        try await withDemoDeployment(database: .sqlite) { browser, database in
            try await Journey.register(browser)
            let link = try await Journey.link(to: "ann@example.com", in: database)
            let mistyped = try await browser.get("/account/confirm-email?token=abc")
            #expect(mistyped.status == .notFound && mistyped.text.contains("This link does not work"))
            try await database.sql.update("account_tokens").set("issued_at", to: Date().addingTimeInterval(-25 * 3600)).run()
            let expired = try await browser.get(link)
            #expect(expired.status == .gone && expired.text.contains("This link has expired"))
            #expect(expired.text.contains("Sign in to get a new link"))
        }
    }

    @Test("Five wrong passwords lock a resident's account, not a member of staff with the same address")
    func residentLockout() async throws {
        try await withDemoDeployment(database: .sqlite) { browser, database in
            try await Journey.signedInResident(browser, database, email: "advisor@kingsmere.example")
            for _ in 1...5 {
                try await browser.postForm("/account/sign-in", [("email", "advisor@kingsmere.example"), ("password", "wrong guess")])
            }
            let locked = try await browser.postForm("/account/sign-in", [("email", "advisor@kingsmere.example"), ("password", Journey.password)])
            #expect(locked.text.contains("You have tried to sign in too many times"))
            let staff = try await browser.postForm("/staff/sign-in", [("email", "advisor@kingsmere.example"), ("password", DemoCouncil.password)])
            #expect(staff.headers[.location] == "/staff")
        }
    }

    @Test("My Account asked for while signed out goes to sign-in and back")
    func signInReturns() async throws {
        try await withDemoDeployment(database: .sqlite) { browser, _ in
            let asked = try await browser.get("/account/details")
            #expect(asked.status == .seeOther && asked.headers[.location] == "/account/sign-in?return=/account/details")
        }
    }

    @Test("Signing in on a shared computer keeps the session short; signing out ends it", arguments: TestDatabase.available)
    func sharedComputer(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await Journey.register(browser)
            try await browser.postForm("/account/confirm-email", [("token", Journey.token(in: try await Journey.link(to: "ann@example.com", in: database)))])
            try await browser.postForm("/account/sign-in", [("email", "ann@example.com"), ("password", Journey.password), ("shared_device", "yes")])
            #expect(try await browser.get("/account").status == .ok)
            try await database.sql.update("resident_sessions").set("last_seen_at", to: Date().addingTimeInterval(-6 * 60)).run()
            #expect(try await browser.get("/account").status == .seeOther, "five idle minutes end a shared-computer session")

            try await browser.postForm("/account/sign-in", [("email", "ann@example.com"), ("password", Journey.password)])
            let out = try await browser.postForm("/account/sign-out", [])
            #expect(out.headers[.location] == "/account/sign-in?signed-out=1")
            #expect(try await database.sql.select().column("*").from("resident_sessions").all().isEmpty)
        }
    }
}
