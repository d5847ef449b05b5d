import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Working a case: its page, its lifecycle, no lost updates")
struct CasePageTests {
    /// A resident's general enquiry, sent; returns the case's reference.
    static func residentSends(_ browser: BrowserLikeClient, _ database: Database) async throws -> String {
        try await ResidentJourney.signedInResident(browser, database)
        let base = try ServiceFormJourneyTests.draftBase(try await browser.postForm("/services/general-enquiry/start", []).headers[.location])
        try await browser.postForm(base + "/question", [("question", "When is the recycling centre open on bank holidays?")])
        try await browser.postForm(base + "/reply-by", [("reply-by", "email")])
        try await browser.postForm(base, [])
        let customer = try #require(try await CustomerRepository(database: database, hasher: PasswordHasher(cost: 4))
            .find(email: "ann@example.com", councilID: DemoCouncil.council.id))
        let opened = try unwrap(try await CaseRepository(database: database).all(customerID: customer.id).first)
        return opened.reference.description
    }

    @Test("A manager moves a case through its life; each step is on the timeline; an illegal step or a stale page changes nothing",
          arguments: TestDatabase.available)
    func lifecycle(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let reference = try await Self.residentSends(BrowserLikeClient(browser.client), database)
            try await browser.postForm("/staff/sign-in", [("email", "manager@kingsmere.example"), ("password", DemoCouncil.password)])
            let path = "/staff/cases/" + reference
            let page = try await browser.get(path).text
            #expect(page.contains("<h1 class=\"fd-heading-l\">Ask a question</h1>") && page.contains(reference))
            for text in ["Ann Jones", "Acknowledge by", "When is the recycling centre open on bank holidays?", "Request received", "What happens next"] {
                #expect(page.contains(text), "\(text)")
            }

            #expect(try await browser.postForm(path, [("next", "acknowledge"), ("version", "1")]).headers[.location] == path + "?saved=1")
            let illegal = try await browser.postForm(path, [("next", "customer-replied"), ("version", "2")])
            #expect(illegal.status == .unprocessableContent && illegal.text.contains("A case that is acknowledged cannot be given a customer&#39;s reply"))
            let asked = try await browser.postForm(path, [("next", "ask-customer"), ("version", "2"), ("message", "Which recycling centre do you mean?")])
            #expect(asked.status == .seeOther)
            let stale = try await browser.postForm(path, [("next", "resolve"), ("version", "2")])
            #expect(stale.status == .conflict && stale.text.contains("This case changed while you were looking at it"))
            #expect(stale.text.contains("Which recycling centre do you mean?"), "it says what changed")
            try await browser.postForm(path, [("next", "customer-replied"), ("version", "3"), ("message", "The one on Mill Lane")])
            try await browser.postForm(path, [("next", "resolve"), ("version", "4"), ("message", "Open 8am to 4pm on bank holidays")])
            try await browser.postForm(path + "/notes", [("note", "Told the caller by phone too"), ("visibility", "internal")])
            let after = try await browser.get(path).text
            for text in ["Resolved", "Waiting for your reply to In progress", "Open 8am to 4pm on bank holidays",
                         "Internal note", "Told the caller by phone too", "Jo Evans"] {
                #expect(after.contains(text), "\(text)")
            }
            let stored = try unwrap(try await CaseRepository(database: database).find(reference: CaseReference(reference)!, councilID: DemoCouncil.council.id))
            #expect(stored.status == .resolved && stored.version == 5 && stored.resolvedAt != nil)
            #expect(stored.acknowledgedAt != nil && after.contains("on time)"), "acknowledged when first acted on")
            #expect(stored.outcome?.met == true && after.contains("Service standard") && after.contains("Met (0 working days)"))
            #expect(try await CaseRepository(database: database).events(caseID: stored.id, includingInternal: false).count == 5,
                    "the resident's timeline has no internal note")
        }
    }

    @Test("An advisor reads a case and adds notes, but cannot move it on; bad input changes nothing", arguments: TestDatabase.available)
    func advisor(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let reference = try await Self.residentSends(BrowserLikeClient(browser.client), database)
            try await browser.postForm("/staff/sign-in", [("email", "advisor@kingsmere.example"), ("password", DemoCouncil.password)])
            let path = "/staff/cases/" + reference
            let page = try await browser.get(path).text
            #expect(page.contains("Add a note") && !page.contains("Update the case"))
            #expect(try await browser.postForm(path, [("next", "resolve"), ("version", "1")]).status == .forbidden)
            let empty = try await browser.postForm(path + "/notes", [("note", "")])
            #expect(empty.status == .unprocessableContent && empty.text.contains("Enter the note"))
            #expect(try await browser.postForm(path + "/notes", [("note", "Caller chased progress"), ("visibility", "public")]).status == .seeOther)
            #expect(try await browser.get(path).text.contains("Caller chased progress"))
            #expect(try await browser.get("/staff/cases/FD-2026-999999").status == .notFound)
            #expect(try await browser.get("/staff/cases/not-a-reference").status == .notFound)
        }
    }
}

@Suite("Duplicates: the same problem reported twice")
struct DuplicateCaseTests {
    /// An advisor reports a street light at a point for Margaret; returns the check page's text and the draft base.
    static func reportLight(_ browser: BrowserLikeClient, latitude: String, longitude: String) async throws -> (String, String) {
        let base = try ServiceFormJourneyTests.draftBase(try await browser.postForm("/staff/customers/\(ServiceFormJourneyTests.margaret)/requests",
                                                                                    [("service", "street-light"), ("channel", "phone")]).headers[.location],
                                                         prefix: "/staff/forms/")
        try await browser.postForm(base + "/location", [("location-latitude", latitude), ("location-longitude", longitude), ("location-description", "")])
        try await browser.postForm(base + "/column-number", [("column-number", "")])
        try await browser.postForm(base + "/fault", [("fault", "out")])
        try await browser.postMultipart(base + "/photo", [])
        return (try await browser.get(base).text, base)
    }

    @Test("A report near an open one of the same kind says so; an officer joins it to the first, and its customer is told",
          arguments: TestDatabase.available)
    func merge(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await browser.postForm("/staff/sign-in", [("email", "advisor@kingsmere.example"), ("password", DemoCouncil.password)])
            let (firstCheck, firstBase) = try await Self.reportLight(browser, latitude: "52.2119", longitude: "-0.9913")
            #expect(!firstCheck.contains("Already reported?"))
            try await browser.postForm(firstBase, [])
            // 30 metres north: the same lamp post, probably.
            let (secondCheck, secondBase) = try await Self.reportLight(browser, latitude: "52.21217", longitude: "-0.9913")
            #expect(secondCheck.contains("Already reported?") && secondCheck.contains("about 30 metres away"))
            try await browser.postForm(secondBase, [])
            // 200 metres away is another problem.
            let (farCheck, _) = try await Self.reportLight(browser, latitude: "52.2137", longitude: "-0.9913")
            #expect(!farCheck.contains("Already reported?"))

            let opened = try await CaseRepository(database: database).all(customerID: UUID(uuidString: ServiceFormJourneyTests.margaret)!)
            // Plain guards: two #require in one statement crashed the Swift 6.3 runtime here.
            guard opened.count == 2, let first = opened.last, let second = opened.first else {
                Issue.record("expected two cases, found \(opened.count)")
                return
            }
            let manager = BrowserLikeClient(browser.client)
            try await manager.postForm("/staff/sign-in", [("email", "manager@kingsmere.example"), ("password", DemoCouncil.password)])
            let page = try await manager.get("/staff/cases/\(second.reference)").text
            #expect(page.contains("Open reports of the same kind nearby") && page.contains(first.reference.description))
            let wrong = try await manager.postForm("/staff/cases/\(second.reference)/merge", [("into", second.reference.description), ("version", "1")])
            #expect(wrong.status == .unprocessableContent && wrong.text.contains("Select an open report of the same kind"))
            let merged = try await manager.postForm("/staff/cases/\(second.reference)/merge", [("into", first.reference.description), ("version", "1")])
            #expect(merged.headers[.location] == "/staff/cases/\(first.reference)?saved=1")

            let repository = CaseRepository(database: database)
            let after = try unwrap(try await repository.find(id: second.id, councilID: DemoCouncil.council.id))
            #expect(after.status == .duplicate && after.closedAt != nil)
            #expect(try await repository.duplicateOf(second.id, councilID: DemoCouncil.council.id)?.id == first.id)
            let told = try await EmailOutbox(database: database).entries(to: "margaret.okafor@residents.example")
            let subjects = told.map(\.subject)
            #expect(subjects.contains("Your report \(second.reference) has been joined to \(first.reference)"))
            let residentTimeline = try await repository.events(caseID: second.id, includingInternal: false).map(\.text)
            #expect(residentTimeline.contains { $0.contains("already reported as \(first.reference)") })
            #expect(try await manager.get("/staff/cases/\(second.reference)").text.contains("Joined to"))
            #expect(try await manager.get("/staff/cases/\(first.reference)").text.contains("was joined to this case as a duplicate"))
        }
    }
}

@Suite("More time for a case")
struct CaseExtensionTests {
    @Test("An officer extends the deadline with a reason the customer is told; bad input changes nothing; the deadline keeps it after a pause",
          arguments: TestDatabase.available)
    func extend(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let reference = try await CasePageTests.residentSends(BrowserLikeClient(browser.client), database)
            try await browser.postForm("/staff/sign-in", [("email", "manager@kingsmere.example"), ("password", DemoCouncil.password)])
            let path = "/staff/cases/" + reference
            let repository = CaseRepository(database: database)
            let before = try unwrap(try await repository.find(reference: CaseReference(reference)!, councilID: DemoCouncil.council.id))
            #expect(try await browser.get(path).text.contains("Extend the deadline"))
            let bad = try await browser.postForm(path + "/extend", [("extra-days", "100"), ("extension-reason", ""), ("version", "1")])
            #expect(bad.status == .unprocessableContent && bad.text.contains("Enter the extra working days, from 1 to 65"))
            #expect(bad.text.contains("<details class=\"fd-details\" open>"), "the form opens to show its error")
            #expect(try await browser.postForm(path + "/extend", [("extra-days", "5"), ("extension-reason", "We need to visit the site"), ("version", "1")]).status == .seeOther)
            let extended = try unwrap(try await repository.find(id: before.id, councilID: DemoCouncil.council.id))
            guard case .date(let was) = before.resolveBy, case .date(let now) = extended.resolveBy else { Issue.record("not a date deadline"); return }
            let calendar = try await CouncilCalendarRepository(database: database, shipped: try ShippedBankHolidays.load())
                .rules(for: try unwrap(try await CouncilRepository(database: database).find(slug: DemoCouncil.council.slug))).deadlines.calendar
            #expect(now == calendar.adding(workingDays: 5, to: was))
            let timeline = try await repository.events(caseID: before.id, includingInternal: false).map(\.text)
            #expect(timeline.contains { $0.hasPrefix("We need more time: We need to visit the site. We now aim to finish by") })
            #expect(try await repository.extensions(caseID: before.id).map(\.workingDays) == [5])
            // A pause and a reply: the deadline is worked out again, and keeps the extension.
            try await browser.postForm(path, [("next", "ask-customer"), ("version", "2")])
            try await browser.postForm(path, [("next", "customer-replied"), ("version", "3")])
            let replied = try unwrap(try await repository.find(id: before.id, councilID: DemoCouncil.council.id))
            guard case .date(let afterPause) = replied.resolveBy else { Issue.record("not a date deadline"); return }
            #expect(afterPause >= now)
        }
    }
}

@Suite("A case's priority, officer and related cases")
struct CaseDetailsTests {
    @Test("A manager sets the priority and officer and links a related case; each is on the timeline", arguments: TestDatabase.available)
    func details(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await CaseQueueTests.openMany(2, database)
            try await browser.postForm("/staff/sign-in", [("email", "manager@kingsmere.example"), ("password", DemoCouncil.password)])
            let repository = CaseRepository(database: database)
            let all = try await repository.all(customerID: DemoCouncil.customers[0].id)
            guard all.count == 2, let first = all.last, let second = all.first else { Issue.record("expected two cases"); return }
            let path = "/staff/cases/\(first.reference)"
            #expect(try await browser.postForm(path + "/details", [("priority", "urgent"), ("officer", DemoCouncil.staff[1].id.uuidString), ("version", "1")])
                .status == .seeOther)
            let changed = try unwrap(try await repository.find(id: first.id, councilID: DemoCouncil.council.id))
            #expect(changed.priority == .urgent && changed.officerID == DemoCouncil.staff[1].id && changed.version == 2)
            #expect(try await browser.postForm(path + "/details", [("priority", "low"), ("officer", ""), ("version", "1")]).status == .conflict,
                    "made against an old version")
            let unknown = try await browser.postForm(path + "/links", [("related", "FD-2026-999999")])
            #expect(unknown.status == .unprocessableContent && unknown.text.contains("There is no other case with the reference FD-2026-999999"))
            #expect(try await browser.postForm(path + "/links", [("related", second.reference.description)]).status == .seeOther)
            #expect(try await browser.postForm(path + "/links", [("related", second.reference.description)]).status == .seeOther, "twice changes nothing")
            let page = try await browser.get(path).text
            #expect(page.contains("Linked cases") && page.contains(second.reference.description) && page.contains("Urgent"))
            #expect(page.contains("Priority normal to urgent; assigned to Sam Patel"))
            #expect(try await browser.get("/staff/cases/\(second.reference)").text.contains("Linked to \(first.reference) as related"))
            #expect(try await repository.linked(second.id, councilID: DemoCouncil.council.id).map(\.0.id) == [first.id])
        }
    }
}

