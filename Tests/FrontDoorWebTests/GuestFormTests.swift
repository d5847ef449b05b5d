import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
@testable import FrontDoorWeb
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Guests: a service used without an account, after proving an email address by its link")
struct GuestFormTests {
    /// The link in the newest email to `address`.
    static func link(to address: String, in database: Database) async throws -> String {
        let body = try unwrap(try await EmailOutbox(database: database).entries(to: address).first?.body_text)
        return try unwrap(body.split(separator: "\n").first { $0.hasPrefix("http") }.map(String.init))
    }

    static func path(of link: String) throws -> String {
        try unwrap(URLComponents(string: link)?.path)
    }

    @Test("A guest reports a missed bin: email, link, Continue, questions, send; the confirmation names the reference and goes by email",
          arguments: TestDatabase.available)
    func missedBin(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let page = try await browser.get("/services/missed-bin").text
            #expect(page.contains("Continue without an account") && page.contains("Sign in to start"))

            let blank = try await browser.postForm("/services/missed-bin/guest", [("guest-email", "")])
            #expect(blank.status == .unprocessableContent && blank.text.contains("Enter your email address") && blank.text.contains("href=\"#guest-email\""))
            let wrong = try await browser.postForm("/services/missed-bin/guest", [("guest-email", "sam at example")])
            #expect(wrong.status == .unprocessableContent && wrong.text.contains("in the correct format") && wrong.text.contains("value=\"sam at example\""))
            #expect(try await ServiceFormJourneyTests.drafts(database) == 0, "a refused address starts nothing")

            let asked = try await browser.postForm("/services/missed-bin/guest", [("guest-email", "sam@example.com")])
            #expect(asked.headers[.location] == "/services/missed-bin/check-your-email")
            #expect(try await browser.get("/services/missed-bin/check-your-email").text.contains("We have sent a link"))
            let subjects = try await EmailOutbox(database: database).entries(to: "sam@example.com").map(\.subject)
            #expect(subjects == ["Your link to report a missed bin collection"])

            // Without the link's cookie the form is not theirs to open.
            let linkPath = try Self.path(of: try await Self.link(to: "sam@example.com", in: database))
            let stranger = BrowserLikeClient(browser.client)
            let landing = try await stranger.get(linkPath).text
            #expect(landing.contains("Your email address is confirmed") && landing.contains("Continue"), "opening the link alone changes nothing")
            let continued = try await browser.postForm(linkPath, [])
            let first = try unwrap(continued.headers[.location])
            #expect(first.hasSuffix("/bin") && continued.headers[.setCookie]?.contains("fd_guest=") == true)
            let base = try ServiceFormJourneyTests.draftBase(first)
            #expect(try await stranger.get(first).status == .seeOther, "another browser is sent to sign in")

            try await browser.postForm(base + "/bin", [("bin", "general")])
            try await browser.postForm(base + "/collection-day", [("collection-day-day", "3"), ("collection-day-month", "11"), ("collection-day-year", "2026")])
            try await browser.postForm(base + "/out-by-7", [("out-by-7", "yes")])
            try await browser.postForm(base + "/address", [("action", "choose"), ("address-lookup", "KM2 4QT"), ("address-uprn", "100023336956")])
            try await browser.postForm(base + "/details", [])
            #expect(try await browser.get(base).text.contains("Check your answers"))
            let sent = try await browser.postForm(base, [])
            let sentPath = try unwrap(sent.headers[.location])
            #expect(sentPath.hasPrefix("/sent/FD-"))
            let confirmation = try await browser.get(sentPath).text
            #expect(confirmation.contains("Request sent") && confirmation.contains("Your reference is") && confirmation.contains("General waste (black bin)"))
            #expect(confirmation.contains("We have sent a confirmation to sam@example.com"))
            #expect(try await stranger.get(sentPath).status == .notFound, "only the browser that sent it sees the answers")

            let reference = String(sentPath.dropFirst("/sent/".count))
            let item = try await ResidentRequestTests.find(reference, database)
            #expect(item.customerID == nil && item.guestEmail == "sam@example.com" && item.channel == .online)
            let mail = try await EmailOutbox(database: database).entries(to: "sam@example.com").map(\.subject)
            #expect(mail.contains("We have received your request \(reference)"))
            #expect(try await browser.postForm(linkPath, []).status == .notFound, "the link is spent once the form is sent")
        }
    }

    @Test("Services that need an account offer no guest route, and one address gets at most five links an hour", arguments: TestDatabase.available)
    func limits(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            #expect(!(try await browser.get("/services/housing-repair").text.contains("Continue without an account")))
            #expect(try await browser.postForm("/services/housing-repair/guest", [("guest-email", "sam@example.com")]).status == .notFound)
            for _ in 1...7 {
                let asked = try await browser.postForm("/services/missed-bin/guest", [("guest-email", "flood@example.com")])
                #expect(asked.headers[.location] == "/services/missed-bin/check-your-email")
            }
            #expect(try await EmailOutbox(database: database).entries(to: "flood@example.com").count == GuestFormRoutes.linksPerHour)
            #expect(try await browser.get("/services/missed-bin/guest/not-a-real-secret").status == .notFound)
        }
    }

    @Test("Tell us once: a signed-in resident's form starts with the address and phone from their profile", arguments: TestDatabase.available)
    func prefilled(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await ResidentJourney.signedInResident(browser, database)
            try await browser.postForm("/account/details", ResidentProfileTests.goodDetails)
            let base = try ServiceFormJourneyTests.draftBase(try await browser.postForm("/services/missed-bin/start", []).headers[.location])
            let address = try await browser.get(base + "/address").text
            #expect(address.contains("value=\"1 High Street\"") && address.contains("value=\"KM1 1AA\""))
        }
    }
}
