import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The advisor desktop: flags, callbacks, guidance, household and merging duplicates")
struct AdvisorDesktopTests {
    static let margaret = DemoCouncil.customers[0]
    static let record = "/staff/customers/\(margaret.id.uuidString)"
    static let council = DemoCouncil.council

    static func signIn(_ browser: BrowserLikeClient, as who: String) async throws {
        try await browser.postForm("/staff/sign-in", [("email", "\(who)@kingsmere.example"), ("password", DemoCouncil.password)])
    }

    @Test("Flags: checked as typed, shown at the top of the record, safeguarding detail only to roles trusted with it, every change audited",
          arguments: TestDatabase.available)
    func flags(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await Self.signIn(browser, as: "advisor")
            let flags = CustomerFlagRepository(database: database)
            let bad = try await browser.postForm(Self.record + "/flags", [("flag-kind", "interpreter"), ("flag-detail", "  ")])
            #expect(bad.status == .unprocessableContent && bad.text.contains("Enter the language they need"))
            let noKind = try await browser.postForm(Self.record + "/flags", [("flag-detail", "Lives alone")])
            #expect(noKind.status == .unprocessableContent && noKind.text.contains("Select the kind of flag") && noKind.text.contains("Lives alone"))
            #expect(try await flags.current(customerID: Self.margaret.id, councilID: Self.council.id).isEmpty)

            let added = try await browser.postForm(Self.record + "/flags", [("flag-kind", "vulnerable"), ("flag-detail", "Recently bereaved: offer a callback")])
            #expect(added.headers[.location] == Self.record + "?flagged=1#flags")
            try await browser.postForm(Self.record + "/flags", [("flag-kind", "safeguarding"), ("flag-detail", "Concern reported by neighbour; tell the duty team")])

            let advisorView = try await browser.get(Self.record).text
            #expect(advisorView.contains("Recently bereaved: offer a callback"))
            #expect(!advisorView.contains("Concern reported by neighbour"), "advisors do not see safeguarding detail")
            #expect(advisorView.contains("1 flag is not shown to your role"))
            let safeguarding = try unwrap(try await flags.current(customerID: Self.margaret.id, councilID: Self.council.id).first { $0.kind == .safeguarding })
            let refused = try await browser.postForm(Self.record + "/flags/\(safeguarding.id.uuidString.lowercased())/remove", [])
            #expect(refused.status == .forbidden)

            let manager = BrowserLikeClient(browser.client)
            try await Self.signIn(manager, as: "manager")
            let managerView = try await manager.get(Self.record).text
            #expect(managerView.contains("Concern reported by neighbour") && managerView.contains("Sensitive") && !managerView.contains("not shown to your role"))
            let removed = try await manager.postForm(Self.record + "/flags/\(safeguarding.id.uuidString.lowercased())/remove", [])
            #expect(removed.headers[.location] == Self.record + "?unflagged=1")
            #expect(try await manager.postForm(Self.record + "/flags/\(safeguarding.id.uuidString.lowercased())/remove", []).status == .notFound)
            #expect(try await flags.current(customerID: Self.margaret.id, councilID: Self.council.id).map(\.kind) == [.vulnerable])

            let audit = try await AuditTrail(database: database).events(councilID: Self.council.id)
            #expect(audit.filter { $0.kind == .customerFlagRaised }.count == 2 && audit.filter { $0.kind == .customerFlagRemoved }.count == 1)
        }
    }

    @Test("Callbacks: a window on the UK clock, refused when impossible, queued earliest first, made once",
          arguments: TestDatabase.available)
    func callbacks(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await Self.signIn(browser, as: "advisor")
            let page = try await browser.get(Self.record).text
            #expect(page.contains("Book a callback") && page.contains("value=\"01632 960 417\""), "the number starts as the customer's own")

            let tomorrow = LocalDate(Date()).adding(days: 1)
            let day = [("callback-date-day", "\(tomorrow.day)"), ("callback-date-month", "\(tomorrow.month)"), ("callback-date-year", "\(tomorrow.year)")]
            let bad = try await browser.postForm(Self.record + "/callbacks", day + [("callback-from", "16:00"), ("callback-to", "15:00"),
                                                                                   ("callback-phone", "01632 960 417"), ("callback-reason", "")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("The window must close at least 15 minutes after it opens") && bad.text.contains("Enter what the callback is about"))
            let past = try await browser.postForm(Self.record + "/callbacks", [("callback-date-day", "1"), ("callback-date-month", "1"), ("callback-date-year", "2020"),
                                                                               ("callback-from", "10:00"), ("callback-to", "12:00"),
                                                                               ("callback-phone", "01632 960 417"), ("callback-reason", "Council tax")])
            #expect(past.status == .unprocessableContent && past.text.contains("The window must end in the future"))
            let callbacks = CallbackRepository(database: database)
            #expect(try await callbacks.queue(councilID: Self.council.id).isEmpty)

            let booked = try await browser.postForm(Self.record + "/callbacks", day + [("callback-from", "14:00"), ("callback-to", "16:00"),
                                                                                      ("callback-phone", "07700 900 111"), ("callback-reason", "Wants to know the new bill")])
            #expect(booked.headers[.location] == Self.record + "?callback=1")
            let queued = try await callbacks.queue(councilID: Self.council.id)
            let callback = try unwrap(queued.first?.callback)
            #expect(queued.count == 1 && queued[0].customerName == "Margaret Okafor" && callback.phone == "07700 900 111")
            #expect(LocalDate(callback.window.start) == tomorrow && callback.window.duration == 7200)

            let queuePage = try await browser.get("/staff/callbacks").text
            #expect(queuePage.contains("Wants to know the new bill") && queuePage.contains("Upcoming") && queuePage.contains("14:00 to 16:00"))
            let done = "/staff/callbacks/\(callback.id.uuidString.lowercased())/done"
            #expect(try await browser.postForm(done, []).headers[.location] == "/staff/callbacks?done=1")
            #expect(try await browser.postForm(done, []).headers[.location] == "/staff/callbacks?done=1", "a second click changes nothing")
            #expect(try await callbacks.queue(councilID: Self.council.id).isEmpty)
            let made = try unwrap(try await callbacks.all(customerID: Self.margaret.id, councilID: Self.council.id).first)
            #expect(made.completedBy == "Sam Patel" && made.state(at: Date()) == .done)
            #expect(try await browser.get("/staff/callbacks").text.contains("No callbacks are waiting."))
        }
    }

    @Test("Guidance for advisors: managers write it per service, advisors see the chosen service's beside the record",
          arguments: TestDatabase.available)
    func guidance(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await Self.signIn(browser, as: "manager")
            let tooLong = try await browser.postForm("/staff/services/pothole/guidance", [("guidance", String(repeating: "x", count: 5_001))])
            #expect(tooLong.status == .unprocessableContent && tooLong.text.contains("5,000 characters or fewer"))
            let saved = try await browser.postForm("/staff/services/pothole/guidance", [("guidance", "Ask how deep it is.\r\n\r\nA hole deeper than 40 mm on a main road is urgent.")])
            #expect(saved.headers[.location] == "/staff/services/pothole/guidance?saved=1")
            #expect(try await browser.get("/staff/services/pothole").text.contains("href=\"/staff/services/pothole/guidance\""))

            let pothole = try unwrap(try await ServiceRepository(database: database).find(code: ServiceCode("pothole")!, councilID: Self.council.id))
            let advisor = BrowserLikeClient(browser.client)
            try await Self.signIn(advisor, as: "advisor")
            #expect(try await advisor.get("/staff/services/pothole/guidance").status == .forbidden)
            let plain = try await advisor.get(Self.record).text
            #expect(plain.contains("Guidance for advisors") && plain.contains("Check the collection calendar"), "the demo's own guidance is on the page")
            #expect(plain.contains("id=\"guidance-\(pothole.id.uuidString.lowercased())\" class=\"fd-guidance__section\" hidden"))
            let chosen = try await advisor.get(Self.record + "?guidance=\(pothole.id.uuidString.lowercased())").text
            #expect(chosen.contains("id=\"guidance-\(pothole.id.uuidString.lowercased())\" class=\"fd-guidance__section\">"))
            #expect(chosen.contains("<p class=\"fd-body\">Ask how deep it is.</p>") && chosen.contains("A hole deeper than 40 mm on a main road is urgent."))
        }
    }

    @Test("Merging: the duplicate's contacts, callbacks, flags and cases move; it leaves search and its links lead to the survivor",
          arguments: TestDatabase.available)
    func merge(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let customers = CustomerRepository(database: database, hasher: PasswordHasher(cost: 4))
            let council = try unwrap(try await CouncilRepository(database: database).find(slug: Self.council.slug))
            var duplicate = makeCustomer(council: council, name: "Maggie Okafor", email: "maggie@example.com")
            duplicate.phone = "07700 900 999"
            duplicate.address = Self.margaret.address
            duplicate.needs = CommunicationNeeds(supports: [.largePrint])
            try await customers.create(duplicate, passwordHash: nil)
            var account = makeCustomer(council: council, name: "Margo Okafor-Smith", email: "margo@example.com")
            account.hasAccount = true
            try await customers.create(account, passwordHash: "not-a-real-hash")
            try await ContactRepository(database: database).record(Contact(
                councilID: council.id, customerID: duplicate.id, channel: .faceToFace, serviceID: nil, outcome: .signposted, demand: .value,
                durationMinutes: 5, notes: "Came to the desk about a bus pass", staffID: nil, staffName: "Sam Patel", recordedAt: Date()))
            try await CustomerFlagRepository(database: database).raise(CustomerFlag(
                councilID: council.id, customerID: duplicate.id, kind: .accessibility, detail: "Uses a wheelchair", raisedBy: "Sam Patel", raisedAt: Date()))

            try await Self.signIn(browser, as: "advisor")
            let household = try await browser.get(Self.record).text
            #expect(household.contains("At the same address") && household.contains("Maggie Okafor"))

            let ambiguous = try await browser.postForm(Self.record + "/merge", [("merge-duplicate", "okafor")])
            #expect(ambiguous.status == .unprocessableContent && ambiguous.text.contains("More than one other customer matches"))
            let withAccount = try await browser.postForm(Self.record + "/merge", [("merge-duplicate", "margo@example.com")])
            #expect(withAccount.status == .unprocessableContent && withAccount.text.contains("merge this one into it"))
            let confirm = try await browser.postForm(Self.record + "/merge", [("merge-duplicate", "07700 900 999")])
            #expect(confirm.status == .ok && confirm.text.contains("Merge these records?") && confirm.text.contains("Maggie Okafor"))
            #expect(try await ContactRepository(database: database).all(customerID: Self.margaret.id, councilID: council.id).isEmpty,
                    "nothing moves before the confirmation")

            let merged = try await browser.postForm(Self.record + "/merge/\(duplicate.id.uuidString.lowercased())", [])
            #expect(merged.headers[.location] == Self.record + "?merged=1")
            let after = try await browser.get(Self.record + "?merged=1").text
            for shown in ["The duplicate record has been merged into this one", "Came to the desk about a bus pass", "Uses a wheelchair", "Large print"] {
                #expect(after.contains(shown), "\(shown)")
            }
            #expect(!after.contains("At the same address"), "the duplicate is no longer a separate person")
            #expect(try await browser.get("/staff/customers/\(duplicate.id.uuidString)").headers[.location] == Self.record)
            #expect(try await browser.get("/staff/customers?q=07700+900+999").text.contains("No customer matches"))
            let again = try await browser.postForm(Self.record + "/merge/\(duplicate.id.uuidString.lowercased())", [])
            #expect(again.status == .conflict)
            let survivor = try unwrap(try await customers.find(id: Self.margaret.id, councilID: council.id))
            #expect(survivor.phone == "01632 960 417" && survivor.needs.supports == [.largePrint])
            let byOldEmail = try await customers.find(email: "maggie@example.com", councilID: council.id)
            #expect(survivor.email == Self.margaret.email && byOldEmail == nil,
                    "the retired record is not found by its old email")
            #expect(try await AuditTrail(database: database).events(councilID: council.id).contains { $0.kind == .customersMerged && $0.subject.contains("1 contact") })
        }
    }
}
