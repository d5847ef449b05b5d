import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Service forms as residents and advisors use them: one question a page, check your answers,
/// send; the same pages and rules for both.
@Suite("Service forms: question pages, check your answers, sending")
struct ServiceFormJourneyTests {
    typealias Journey = ResidentJourney

    /// The draft's address from a redirect to one of its pages: `/forms/{draft}/…`.
    static func draftBase(_ location: String?, prefix: String = "/forms/") throws -> String {
        let location = try #require(location)
        let rest = try #require(location.range(of: prefix)).upperBound
        let id = location[rest...].prefix { $0 != "/" && $0 != "?" }
        return prefix + id
    }

    static func drafts(_ database: Database) async throws -> Int {
        struct Count: Decodable { var n: Int }
        return try await database.sql.raw("SELECT COUNT(*) AS n FROM form_drafts").first(decoding: Count.self)?.n ?? -1
    }

    static func submissions(_ database: Database) async throws -> [SubmittedForm] {
        try await SubmittedFormRepository(database: database).all(customerID: try #require(
            try await CustomerRepository(database: database, hasher: PasswordHasher(cost: 4))
                .find(email: "ann@example.com", councilID: DemoCouncil.council.id)).id)
    }

    @Test("A resident reports a missed bin: every page checks its own answer, the address comes from the gazetteer, and the request reads back as sent",
          arguments: TestDatabase.available)
    func residentMissedBin(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let signedOut = try await browser.get("/services/missed-bin").text
            #expect(signedOut.contains("Report a missed bin") && signedOut.contains("Sign in to start"))
            #expect(signedOut.contains("/account/sign-in?return=/services/missed-bin"))

            try await Journey.signedInResident(browser, database)
            let servicePage = try await browser.get("/services/missed-bin").text
            #expect(servicePage.contains("Start now") && !servicePage.contains("Sign in to start"))
            let started = try await browser.postForm("/services/missed-bin/start", [])
            #expect(started.status == .seeOther)
            let base = try Self.draftBase(started.headers[.location])
            #expect(started.headers[.location] == base + "/bin")

            // Nothing chosen: the page says what to do, and nothing is kept.
            let empty = try await browser.postForm(base + "/bin", [])
            #expect(empty.status == .unprocessableContent)
            #expect(empty.text.contains("There is a problem") && empty.text.contains("Select which bin was missed"))
            #expect(empty.text.contains(##"href="#bin""##), "the summary links to the first option")
            #expect(empty.text.contains("<title>Error: Which bin was missed?"))

            let bin = try await browser.postForm(base + "/bin", [("bin", "recycling")])
            #expect(bin.headers[.location] == base + "/collection-day")
            let noMonth = try await browser.postForm(base + "/collection-day", [("collection-day-day", "3"), ("collection-day-year", "2026")])
            #expect(noMonth.status == .unprocessableContent && noMonth.text.contains("The collection date must include a month"))
            #expect(noMonth.text.contains(##"href="#collection-day-month""##))
            try await browser.postForm(base + "/collection-day", [("collection-day-day", "3"), ("collection-day-month", "11"),
                                                                  ("collection-day-year", "2026")])
            let out = try await browser.postForm(base + "/out-by-7", [("out-by-7", "yes")])
            #expect(out.headers[.location] == base + "/address")

            // Address lookup, as it works without JavaScript.
            let lookup = try await browser.get(base + "/address").text
            #expect(lookup.contains("Find address") && lookup.contains("Enter the address manually"))
            let badPostcode = try await browser.postForm(base + "/address", [("action", "find"), ("address-lookup", "KM2")])
            #expect(badPostcode.status == .unprocessableContent && badPostcode.text.contains("Enter a real postcode, like KM1 1AA"))
            let nowhere = try await browser.postForm(base + "/address", [("action", "find"), ("address-lookup", "KM9 9ZZ")])
            #expect(nowhere.text.contains("We could not find any addresses at KM9 9ZZ"))
            let found = try await browser.postForm(base + "/address", [("action", "find"), ("address-lookup", "km24qt")])
            #expect(found.status == .ok && found.text.contains("14 Willow Crescent, Kingsmere") && found.text.contains("Addresses at KM2 4QT"))
            let unchosen = try await browser.postForm(base + "/address", [("action", "choose"), ("address-lookup", "KM2 4QT"), ("address-uprn", "")])
            #expect(unchosen.status == .unprocessableContent && unchosen.text.contains("Select the address"))
            let chosen = try await browser.postForm(base + "/address", [("action", "choose"), ("address-lookup", "KM2 4QT"),
                                                                        ("address-uprn", "100023336956")])
            #expect(chosen.headers[.location] == base + "/details")
            #expect(try await browser.get(base + "/address").text.contains(#"<option value="100023336956" selected>"#),
                    "going back shows the address chosen")

            // Optional and left blank: straight on to check your answers.
            #expect(try await browser.postForm(base + "/details", []).headers[.location] == base)
            let check = try await browser.get(base).text
            #expect(check.contains("Check your answers before sending your request"))
            for answer in ["Recycling (blue bin)", "3 November 2026", "Yes", "14 Willow Crescent", "KM2 4QT", "Not answered"] {
                #expect(check.contains(answer), "\(answer)")
            }
            #expect(check.contains(base + "/bin?change=1"))

            // Changing an answer from check your answers comes back to it.
            #expect(try await browser.postForm(base + "/bin?change=1", [("bin", "garden")]).headers[.location] == base)

            let sent = try await browser.postForm(base, [])
            #expect(sent.status == .seeOther)
            let requestPath = try #require(sent.headers[.location])
            #expect(requestPath.hasPrefix("/account/requests/"))
            let confirmation = try await browser.get(requestPath).text
            #expect(confirmation.contains("Request sent") && confirmation.contains("Garden waste (green bin)"))
            #expect(confirmation.contains("We aim to collect missed bins"))
            let year = LocalDate(Date()).year
            #expect(confirmation.contains("Your reference is") && confirmation.contains("FD-\(year)-000001"))
            #expect(confirmation.contains("We aim to deal with it by "))
            #expect(requestPath == "/account/requests/FD-\(year)-000001?sent=1")

            let stored = try await Self.submissions(database)
            #expect(stored.count == 1)
            #expect(stored.first?.channel == .online && stored.first?.submittedByStaffID == nil)
            if case .address(let address)? = stored.first?.answers["address"] {
                #expect(address.uprn == UPRN("100023336956") && address.line1 == "14 Willow Crescent")
            } else {
                Issue.record("the address answer was not stored as an address")
            }
            #expect(try await Self.drafts(database) == 0)
            let again = try await browser.postForm(base, [])
            #expect(again.status == .notFound && again.text.contains("This form is not available"), "sending twice makes one request")
        }
    }

    @Test("An incomplete form cannot be sent: every problem is shown at once, linked to its question, and nothing is made",
          arguments: TestDatabase.available)
    func incomplete(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await Journey.signedInResident(browser, database)
            let base = try Self.draftBase(try await browser.postForm("/services/missed-bin/start", []).headers[.location])
            try await browser.postForm(base + "/bin", [("bin", "food")])
            #expect(try await browser.get(base).headers[.location] == base + "/collection-day", "check your answers waits for every answer")
            let refused = try await browser.postForm(base, [])
            #expect(refused.status == .unprocessableContent)
            for message in ["Enter the collection date", "Select if the bin was out by 7am", "Enter the address of the bin"] {
                #expect(refused.text.contains(message), "\(message)")
            }
            #expect(refused.text.contains(base + "/collection-day?change=1"))
            #expect(try await Self.submissions(database).isEmpty)
        }
    }

    @Test("A draft and a request open only for the resident whose they are", arguments: TestDatabase.available)
    func ownership(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await Journey.signedInResident(browser, database)
            let base = try Self.draftBase(try await browser.postForm("/services/general-enquiry/start", []).headers[.location])
            try await browser.postForm(base + "/question", [("question", "When is the library open?")])
            try await browser.postForm(base + "/reply-by", [("reply-by", "email")])
            let requestPath = try #require(try await browser.postForm(base, []).headers[.location])
            let draft2 = try Self.draftBase(try await browser.postForm("/services/general-enquiry/start", []).headers[.location])

            let other = BrowserLikeClient(browser.client)
            try await Journey.signedInResident(other, database, name: "Bo Smith", email: "bo@example.com")
            #expect(try await other.get(draft2 + "/question").status == .notFound)
            #expect(try await other.postForm(draft2 + "/question", [("question", "Hijack")]).status == .notFound)
            #expect(try await other.get(requestPath).status == .notFound)
            #expect(try await browser.get(requestPath).status == .ok)
            #expect(try await BrowserLikeClient(browser.client).get(draft2 + "/question").headers[.location]?.contains("/account/sign-in") == true,
                    "signed out: asked to sign in")
        }
    }

    @Test("A request made with an earlier version of the form still reads as it was sent", arguments: TestDatabase.available)
    func oldVersion(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await Journey.signedInResident(browser, database)
            let base = try Self.draftBase(try await browser.postForm("/services/general-enquiry/start", []).headers[.location])
            try await browser.postForm(base + "/question", [("question", "Can I have a new recycling box?")])
            try await browser.postForm(base + "/reply-by", [("reply-by", "phone")])
            try await browser.postForm(base + "/phone", [("phone", "01632 960 417")])
            let requestPath = try #require(try await browser.postForm(base, []).headers[.location])

            // The form changes: an option is relabelled and the phone question is dropped.
            let service = try #require(try await ServiceRepository(database: database)
                .find(code: ServiceCode("general-enquiry")!, councilID: DemoCouncil.council.id))
            let forms = ServiceFormRepository(database: database)
            var fields = try #require(try await forms.latest(of: service.id)).fields.filter { $0.id != "phone" }
            fields[1].options = [.init(value: "email", label: "By email"), .init(value: "letter", label: "By letter")]
            fields[0].label = "What is your question?"
            #expect(try await forms.saveNewVersion(of: service.id, fields: fields, at: Date()).version == 2)

            let page = try await browser.get(requestPath).text
            #expect(page.contains("What would you like to ask?") && !page.contains("What is your question?"))
            #expect(page.contains("Phone number") && page.contains("01632 960 417"))
            #expect(page.contains(">Phone<") || page.contains("Phone</p>"), "the option's label as it was")
            let next = try Self.draftBase(try await browser.postForm("/services/general-enquiry/start", []).headers[.location])
            #expect(try await browser.get(next + "/question").text.contains("What is your question?"), "new requests use the new version")
        }
    }

    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(repeating: 1, count: 2000)
    static let margaret = "6f1c2a4e-0d1b-4c39-9a55-3b8e2f1a7e01"

    @Test("An advisor sends a form for a customer through the same pages: the channel, the advisor and the photo are kept",
          arguments: TestDatabase.available)
    func assistedDigital(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await browser.postForm("/staff/sign-in", [("email", "advisor@kingsmere.example"), ("password", DemoCouncil.password)])
            let record = try await browser.get("/staff/customers/" + Self.margaret).text
            #expect(record.contains("Make a request for this customer") && record.contains(#"<option value="fly-tipping">"#))
            let started = try await browser.postForm("/staff/customers/\(Self.margaret)/requests", [("service", "fly-tipping"), ("channel", "face-to-face")])
            let base = try Self.draftBase(started.headers[.location], prefix: "/staff/forms/")
            #expect(started.headers[.location] == base + "/location")

            let location = try await browser.get(base + "/location").text
            #expect(location.contains(#"data-module="fd-location""#) && location.contains("Describe where it is"))
            #expect(location.contains(#"href="/staff/customers/\#(Self.margaret)""#), "back goes to the customer's record")
            try await browser.postForm(base + "/location", [("location-description", "Lay-by on the Kingsmere road")])
            try await browser.postForm(base + "/seen-on", [("seen-on-day", "2"), ("seen-on-month", "11"), ("seen-on-year", "2026")])
            try await browser.postForm(base + "/waste", [("waste", "furniture"), ("waste", "bags")])
            let tooMany = try await browser.postForm(base + "/bags", [("bags", "5000")])
            #expect(tooMany.status == .unprocessableContent && tooMany.text.contains("must be 1000 or less"))
            try await browser.postForm(base + "/bags", [("bags", "4")])
            #expect(try await browser.postForm(base + "/seen-dumping", [("seen-dumping", "no")]).headers[.location] == base + "/photo",
                    "no vehicle question when nobody was seen")

            let photoPage = try await browser.get(base + "/photo").text
            #expect(photoPage.contains(#"enctype="multipart/form-data""#) && photoPage.contains(#"type="file""#))
            let disguised = try await browser.postMultipart(base + "/photo", [], files: [
                .init(field: "photo", fileName: "tip.png", contentType: "image/png", data: Data("<script>alert(1)</script>".utf8))])
            #expect(disguised.status == .unprocessableContent && disguised.text.contains("The selected file must be a JPG, PNG, HEIC or PDF"))
            let withoutToken = try await browser.postMultipart(base + "/photo", [], files: [
                .init(field: "photo", fileName: "tip.png", contentType: "image/png", data: Self.png)], csrf: false)
            #expect(withoutToken.status == .forbidden)
            let photo = try await browser.postMultipart(base + "/photo", [], files: [
                .init(field: "photo", fileName: #"C:\Users\sam\Pictures\tip.png"#, contentType: "application/octet-stream", data: Self.png)])
            #expect(photo.headers[.location] == base)

            let check = try await browser.get(base).text
            #expect(check.contains("You are sending this request for Margaret Okafor, received by face to face."))
            #expect(check.contains("tip.png (2 KB)") && !check.contains("Pictures"), "the name, not the path on their computer")
            let sent = try await browser.postForm(base, [])
            let requestPath = try #require(sent.headers[.location])
            #expect(requestPath.hasPrefix("/staff/requests/"))
            let page = try await browser.get(requestPath).text
            #expect(page.contains("Report fly-tipping for Margaret Okafor") && page.contains("by face to face"))
            #expect(page.contains("FD-\(LocalDate(Date()).year)-000001: Report fly-tipping") && page.contains("Acknowledge by"))
            let opened = try unwrap(try await CaseRepository(database: database).all(customerID: UUID(uuidString: Self.margaret)!).first)
            #expect(opened.channel == .faceToFace && opened.teamID != nil, "the service's team owns it")
            let timeline = try await CaseRepository(database: database).events(caseID: opened.id, includingInternal: true)
            #expect(timeline.first?.actorName == "Sam Patel, by face to face")
            #expect(page.contains("Furniture or mattresses") && page.contains("Lay-by on the Kingsmere road"))

            let stored = try #require(try await SubmittedFormRepository(database: database)
                .all(customerID: UUID(uuidString: Self.margaret)!).first)
            #expect(stored.channel == .faceToFace && stored.submittedByStaffID == DemoCouncil.staff[1].id)
            // The file's description (its bytes come back through the download below).
            let files = try await AttachmentRepository(database: database, storage: LocalFolderStorage(folder: "/nonexistent")).all(submissionID: stored.id)
            #expect(files.map(\.contentType) == ["image/png"], "the type comes from the file, not what the browser said")
            let download = try await browser.get(requestPath + "/files/" + files[0].id.uuidString.lowercased())
            #expect(download.status == .ok && Data(buffer: download.body) == Self.png)
            #expect(download.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            #expect(try await browser.get("/staff/customers/" + Self.margaret).text.contains("/staff/cases/\(opened.reference)"),
                    "the record lists the case")
        }
    }

    @Test("Another member of staff cannot open an advisor's draft; a role without casework cannot start one", arguments: TestDatabase.available)
    func staffOwnership(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, _ in
            try await browser.postForm("/staff/sign-in", [("email", "advisor@kingsmere.example"), ("password", DemoCouncil.password)])
            let base = try Self.draftBase(try await browser.postForm("/staff/customers/\(Self.margaret)/requests",
                                                                   [("service", "general-enquiry"), ("channel", "phone")]).headers[.location],
                                          prefix: "/staff/forms/")
            let unknown = try await browser.postForm("/staff/customers/\(Self.margaret)/requests", [("service", "no-such-service"), ("channel", "phone")])
            #expect(unknown.status == .unprocessableContent)
            let online = try await browser.postForm("/staff/customers/\(Self.margaret)/requests", [("service", "general-enquiry"), ("channel", "online")])
            #expect(online.status == .unprocessableContent, "online is the resident's own channel")

            let manager = BrowserLikeClient(browser.client)
            try await manager.postForm("/staff/sign-in", [("email", "manager@kingsmere.example"), ("password", DemoCouncil.password)])
            #expect(try await manager.get(base + "/question").status == .notFound)

            let administrator = BrowserLikeClient(browser.client)
            try await signInAsAdministrator(administrator)
            #expect(try await administrator.postForm("/staff/customers/\(Self.margaret)/requests",
                                                     [("service", "general-enquiry"), ("channel", "phone")]).status == .forbidden)
            #expect(!(try await administrator.get("/staff/customers/" + Self.margaret).text.contains("Make a request")))
        }
    }

    @Test("A file over the question's limit is refused with its size; a body too big to read gets a page saying so")
    func tooBig() async throws {
        try await withDemoDeployment(database: .sqlite) { browser, _ in
            try await browser.postForm("/staff/sign-in", [("email", "advisor@kingsmere.example"), ("password", DemoCouncil.password)])
            let base = try Self.draftBase(try await browser.postForm("/staff/customers/\(Self.margaret)/requests",
                                                                   [("service", "fly-tipping"), ("channel", "phone")]).headers[.location],
                                          prefix: "/staff/forms/")
            let large = Self.png + Data(repeating: 0, count: 10 * 1024 * 1024)
            let refused = try await browser.postMultipart(base + "/photo", [], files: [
                .init(field: "photo", fileName: "big.png", contentType: "image/png", data: large)])
            #expect(refused.status == .unprocessableContent && refused.text.contains("The selected file must be smaller than 10 MB"))
            let huge = try await browser.postMultipart(base + "/photo", [], files: [
                .init(field: "photo", fileName: "huge.png", contentType: "image/png", data: large + large)])
            #expect(huge.status == .contentTooLarge && huge.text.contains("The file is too big"))
        }
    }
}
