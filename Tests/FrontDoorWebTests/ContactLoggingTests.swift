import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Logging contacts: on a customer's record, and from unknown callers linked later")
struct ContactLoggingTests {
    static let margaret = DemoCouncil.customers[0]
    static let record = "/staff/customers/\(margaret.id.uuidString)"

    @Test("An advisor logs a call resolved first time on the record; bad input is refused with every problem and changes nothing",
          arguments: TestDatabase.available)
    func onTheRecord(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await browser.postForm("/staff/sign-in", [("email", "advisor@kingsmere.example"), ("password", DemoCouncil.password)])
            let page = try await browser.get(Self.record).text
            #expect(page.contains("Log a contact") && page.contains("No contacts have been logged for this customer yet"))

            let bad = try await browser.postForm(Self.record + "/contacts", [("contact-channel", "phone"), ("contact-duration", "lots")])
            #expect(bad.status == .unprocessableContent)
            for message in ["Select how the contact ended", "Select what kind of demand it was", "Enter how long it took in minutes"] {
                #expect(bad.text.contains(message), "\(message)")
            }
            #expect(bad.text.contains("value=\"lots\""), "what was typed is kept")
            let contacts = ContactRepository(database: database)
            #expect(try await contacts.all(customerID: Self.margaret.id, councilID: DemoCouncil.council.id).isEmpty)

            let bin = try unwrap(try await ServiceRepository(database: database).find(code: ServiceCode("missed-bin")!, councilID: DemoCouncil.council.id))
            let logged = try await browser.postForm(Self.record + "/contacts", [
                ("contact-channel", "phone"), ("contact-service", bin.id.uuidString), ("contact-outcome", "resolved-first-time"),
                ("contact-demand", "failure"), ("contact-duration", "4"), ("contact-notes", "Chased the missed bin; crew returns tomorrow")])
            #expect(logged.headers[.location] == Self.record + "?logged=1")
            let after = try await browser.get(Self.record + "?logged=1").text
            for shown in ["The contact has been logged", "Resolved at first point of contact", "Report a missed bin collection",
                          "Failure demand", "Chased the missed bin; crew returns tomorrow", "Sam Patel"] {
                #expect(after.contains(shown), "\(shown)")
            }
            let stored = try await contacts.all(customerID: Self.margaret.id, councilID: DemoCouncil.council.id)
            #expect(stored.count == 1 && stored.first?.channel == .phone && stored.first?.durationMinutes == 4 && stored.first?.serviceID == bin.id)
        }
    }

    @Test("An unknown caller's contact waits unlinked; linking needs exactly one match, then it is on the customer's record",
          arguments: TestDatabase.available)
    func unknownCaller(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await browser.postForm("/staff/sign-in", [("email", "advisor@kingsmere.example"), ("password", DemoCouncil.password)])
            #expect(try await browser.get("/staff").text.contains("href=\"/staff/contacts\""))
            let logged = try await browser.postForm("/staff/contacts", [("contact-channel", "face-to-face"), ("contact-outcome", "signposted"),
                                                                        ("contact-demand", "value"), ("contact-notes", "Asked about food banks")])
            #expect(logged.headers[.location] == "/staff/contacts?logged=1")
            let unlinked = try await ContactRepository(database: database).unlinked(councilID: DemoCouncil.council.id)
            let contact = try unwrap(unlinked.first)
            let field = "link-" + contact.id.uuidString.lowercased()
            let page = try await browser.get("/staff/contacts").text
            #expect(page.contains("Asked about food banks") && page.contains("Waiting to be linked"))

            let none = try await browser.postForm("/staff/contacts/\(contact.id.uuidString.lowercased())/link", [(field, "zebedee")])
            #expect(none.status == .unprocessableContent && none.text.contains("No customer matches ‘zebedee’"))
            let linked = try await browser.postForm("/staff/contacts/\(contact.id.uuidString.lowercased())/link", [(field, "01632 960 417")])
            #expect(linked.headers[.location] == "/staff/contacts?linked=1")
            #expect(try await browser.get("/staff/contacts").text.contains("Every contact is linked to a customer"))
            #expect(try await browser.get(Self.record).text.contains("Asked about food banks"), "the single view shows it")
        }
    }
}
