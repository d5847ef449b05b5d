import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing

@Suite("My Account: details, email changes, and one resident never reaching another's")
struct ResidentProfileTests {
    typealias Journey = ResidentJourney

    static let goodDetails: [(String, String)] = [
        ("name", "Ann Jones"), ("phone", "01632 960 001"), ("address_line1", "1 High Street"), ("address_line2", ""),
        ("address_town", "Kingsmere"), ("address_postcode", "km1 1aa"), ("preferred_channel", "letter"), ("language", "Polish"),
        ("needs", "interpreter"), ("needs", "large-print"), ("interpreter_language", "Polish"), ("needs_other", "Call after 2pm"),
        ("consents", "research"),
    ]

    @Test("Saving details stores them all and shows them on My Account, with the change audited", arguments: TestDatabase.available)
    func saveDetails(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await Journey.signedInResident(browser, database)
            let saved = try await browser.postForm("/account/details", Self.goodDetails)
            #expect(saved.headers[.location] == "/account?saved=1")
            let page = try await browser.get("/account?saved=1").text
            for shown in ["Your details have been saved", "KM1 1AA", "Letter", "Polish", "An interpreter (Polish)", "Large print",
                          "Call after 2pm", "01632 960 001"] {
                #expect(page.contains(shown), "missing: \(shown)")
            }
            let customer = try #require(try await CustomerRepository(database: database, hasher: PasswordHasher(cost: 4))
                .find(email: "ann@example.com", councilID: DemoCouncil.council.id))
            #expect(customer.address?.postcode.value == "KM1 1AA" && customer.needs.supports == [.interpreter, .largePrint])
            #expect(try await ConsentRepository(database: database).current(customerID: customer.id).map(\.purpose) == [.researchInvitations])
            let kinds = try await AuditTrail(database: database).events(councilID: DemoCouncil.council.id).map(\.kind)
            #expect(kinds.first == .personalDetailsChanged)
        }
    }

    @Test("Wrong details get a message by each field, and nothing changes", arguments: [
        ([("address_postcode", "KM1")], "address_postcode", "Enter a real postcode"),
        ([("address_town", "")], "address_town", "Enter town or city"),
        ([("phone", "call me")], "phone", "Enter a telephone number, like"),
        ([("preferred_channel", "text"), ("phone", "")], "phone", "Enter a telephone number, or choose another way"),
        ([("preferred_channel", "pigeon")], "preferred_channel", "Select how you would like us to contact you"),
        ([("interpreter_language", "")], "interpreter_language", "Enter the language the interpreter should speak"),
        ([("name", "")], "name", "Enter your full name"),
    ])
    func detailErrors(changes: [(String, String)], field: String, message: String) async throws {
        try await withDemoDeployment(database: .sqlite) { browser, database in
            try await Journey.signedInResident(browser, database)
            let fields = Self.goodDetails.filter { pair in !changes.contains { $0.0 == pair.0 } } + changes
            let response = try await browser.postForm("/account/details", fields)
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains(message))
            #expect(response.text.contains("href=\"#\(field)\""), "the summary links to the field")
            let customer = try #require(try await CustomerRepository(database: database, hasher: PasswordHasher(cost: 4))
                .find(email: "ann@example.com", councilID: DemoCouncil.council.id))
            #expect(customer.address == nil && customer.phone.isEmpty, "nothing was saved")
        }
    }

    @Test("The UPRN stays while the address stays, and goes when it changes")
    func uprnFollowsTheAddress() async throws {
        try await withDemoDeployment(database: .sqlite) { browser, database in
            try await Journey.signedInResident(browser, database)
            try await browser.postForm("/account/details", Self.goodDetails)
            try await database.sql.update("customers").set("uprn", to: "100023336956").run()
            try await browser.postForm("/account/details", Self.goodDetails.map { $0.0 == "language" ? ($0.0, "English") : $0 })
            let repository = CustomerRepository(database: database, hasher: PasswordHasher(cost: 4))
            #expect(try await repository.find(email: "ann@example.com", councilID: DemoCouncil.council.id)?.address?.uprn?.value == "100023336956")
            try await browser.postForm("/account/details", Self.goodDetails.map { $0.0 == "address_line1" ? ($0.0, "2 High Street") : $0 })
            #expect(try await repository.find(email: "ann@example.com", councilID: DemoCouncil.council.id)?.address?.uprn == nil)
        }
    }

    @Test("Changing email: needs the password, confirms the new address by link, and tells the old one", arguments: TestDatabase.available)
    func changeEmail(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await Journey.signedInResident(browser, database)
            let wrong = try await browser.postForm("/account/change-email", [("email", "ann.new@example.com"), ("password", "not my password")])
            #expect(wrong.status == .unprocessableContent && wrong.text.contains("Enter your correct password"))
            let same = try await browser.postForm("/account/change-email", [("email", "ANN@example.com"), ("password", Journey.password)])
            #expect(same.text.contains("Enter a different email address"))

            let asked = try await browser.postForm("/account/change-email", [("email", "ann.new@example.com"), ("password", Journey.password)])
            #expect(asked.headers[.location] == "/account?email-link-sent=1")
            #expect(try await browser.get("/account").text.contains("ann@example.com"), "nothing changes until the link is used")

            let link = try await Journey.link(to: "ann.new@example.com", in: database)
            let confirmed = try await browser.postForm("/account/confirm-new-email", [("token", Journey.token(in: link))])
            #expect(confirmed.headers[.location] == "/account?email-changed=1")
            #expect(try await browser.get("/account?email-changed=1").text.contains("We will use ann.new@example.com from now on"))
            #expect(try await Journey.lastEmail(to: "ann@example.com", in: database).subject.hasPrefix("Your email address has changed"))
            try await browser.postForm("/account/sign-out", [])
            let signedIn = try await browser.postForm("/account/sign-in", [("email", "ann.new@example.com"), ("password", Journey.password)])
            #expect(signedIn.headers[.location] == "/account")
        }
    }

    @Test("A new address taken by another account meanwhile is refused, and the email stays as it was")
    func changeEmailToTakenAddress() async throws {
        try await withDemoDeployment(database: .sqlite) { browser, database in
            try await Journey.signedInResident(browser, database)
            try await browser.postForm("/account/change-email", [("email", "bob@example.com"), ("password", Journey.password)])
            let link = try await Journey.link(to: "bob@example.com", in: database)
            try await Journey.register(BrowserLikeClient(browser.client), name: "Bob", email: "bob@example.com")
            let refused = try await browser.postForm("/account/confirm-new-email", [("token", Journey.token(in: link))])
            #expect(refused.text.contains("That email address is used by another account"))
            #expect(try await browser.get("/account").text.contains("ann@example.com"))
        }
    }

    @Test("Resident A reaches nothing of resident B's: no page takes a customer id, forged fields are ignored, cookies stay in their council", arguments: TestDatabase.available)
    func residentsApart(database kind: TestDatabase) async throws {
        try await withTestApplication(database: kind, prepare: { database in
            try await seedDemoCouncil(database)
            try await CouncilRepository(database: database).create(makeCouncil(slug: "otherton", name: "Otherton Council"))
        }) { client in
            let box = DatabaseBox()
            let database = try await box.open()
            let outcome = await Result { try await Self.checkApart(client, database) }
            await box.close()
            try outcome.get()
        }
    }

    static func checkApart(_ client: any TestClientProtocol, _ database: Database) async throws {
        let ann = BrowserLikeClient(client), bob = BrowserLikeClient(client)
        try await Self.signedIn(ann, database, name: "Ann Jones", email: "ann@example.com")
        try await Self.signedIn(bob, database, name: "Bob Smith", email: "bob@example.com")
        let repository = CustomerRepository(database: database, hasher: PasswordHasher(cost: 4))
        let bobID = try #require(try await repository.find(email: "bob@example.com", councilID: DemoCouncil.council.id)?.id)

        // Every My Account page shows the signed-in resident, whatever identifier is added.
        for path in ["/c/kingsmere/account", "/c/kingsmere/account?id=\(bobID)", "/c/kingsmere/account/details?customer=\(bobID)",
                     "/c/kingsmere/account/change-email?id=\(bobID)"] {
            let page = try await ann.get(path).text
            #expect(!page.contains("Bob Smith") && !page.contains("bob@example.com"), "\(path) showed Bob's details")
        }
        #expect(try await ann.get("/c/kingsmere/account/\(bobID)").status == .notFound)

        // A form with Bob's id in it changes Ann, never Bob.
        try await ann.postForm("/c/kingsmere/account/details", ResidentProfileTests.goodDetails + [("id", bobID.uuidString), ("customer_id", bobID.uuidString)])
        #expect(try await repository.find(id: bobID, councilID: DemoCouncil.council.id)?.address == nil)
        #expect(try await repository.find(email: "ann@example.com", councilID: DemoCouncil.council.id)?.address != nil)

        // Bob's session opens nothing at another council.
        #expect(try await bob.get("/c/otherton/account").status == .seeOther)
        // Bob's emailed links are for Kingsmere only.
        try await bob.postForm("/c/kingsmere/account/change-email", [("email", "bob.new@example.com"), ("password", ResidentJourney.password)])
        let link = try await ResidentJourney.link(to: "bob.new@example.com", in: database)
        #expect(try await ann.get("/c/otherton" + link.replacingOccurrences(of: "/c/kingsmere", with: "")).status == .notFound)
    }

    static func signedIn(_ browser: BrowserLikeClient, _ database: Database, name: String, email: String) async throws {
        try await browser.postForm("/c/kingsmere/account/register", [("name", name), ("email", email), ("password", ResidentJourney.password)])
        let link = try await ResidentJourney.link(to: email, in: database)
        #expect(link.hasPrefix("/c/kingsmere/account/confirm-email"), "links keep the council's path prefix")
        try await browser.postForm("/c/kingsmere/account/confirm-email", [("token", ResidentJourney.token(in: link))])
        let response = try await browser.postForm("/c/kingsmere/account/sign-in", [("email", email), ("password", ResidentJourney.password)])
        #expect(response.headers[.location] == "/c/kingsmere/account")
    }
}
