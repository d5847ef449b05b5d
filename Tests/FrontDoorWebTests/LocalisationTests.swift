import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
@testable import FrontDoorWeb
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The portal in English and Welsh: string catalogues, the language switch, dates")
struct LocalisationTests {
    static let catalogue = StringCatalogue.shared
    static var english: [String: String] { catalogue.tables[.english] ?? [:] }
    static var welsh: [String: String] { catalogue.tables[.welsh] ?? [:] }

    /// Every file under a folder of this repository with the extension.
    static func files(under folder: String, ending: String) throws -> [URL] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let enumerator = FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).filter { $0.pathExtension == ending }
    }

    static func matches(_ pattern: String, in text: String) throws -> [String] {
        let regex = try NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    @Test("Both catalogues load, Welsh has every English key, and each keeps the same placeholders")
    func complete() throws {
        #expect(Self.english.count > 200)
        #expect(Set(Self.english.keys) == Set(Self.welsh.keys))
        for (key, text) in Self.english {
            let placeholders = Set(try Self.matches(#"\{(\w+)\}"#, in: text))
            #expect(placeholders == Set(try Self.matches(#"\{(\w+)\}"#, in: Self.welsh[key] ?? "")), "\(key)")
            #expect(!(Self.welsh[key] ?? "").isEmpty, "\(key)")
        }
    }

    @Test("Every key a template or the code names is in the English catalogue")
    func everyKeyExists() throws {
        var used: Set<String> = []
        for template in try Self.files(under: "Sources/FrontDoorWeb/Resources/Templates", ending: "mustache") {
            used.formUnion(try Self.matches(#"\{\{t\.([a-z0-9_]+)\}\}"#, in: try String(contentsOf: template, encoding: .utf8)))
        }
        #expect(used.count > 50, "the templates were found and read")
        for source in try Self.files(under: "Sources/FrontDoorWeb", ending: "swift") {
            // A key ending "_" is a prefix completed from a value: those are listed below.
            used.formUnion(try Self.matches(#"\bL\("([a-z0-9_]+)""#, in: try String(contentsOf: source, encoding: .utf8)).filter { !$0.hasSuffix("_") })
        }
        // Keys built from a value: every value has its key.
        used.formUnion(ServiceGroup.allCases.map { "group_" + $0.rawValue.replacingOccurrences(of: "-", with: "_") })
        used.formUnion(CaseStatus.allCases.map { "status_" + $0.rawValue.replacingOccurrences(of: "-", with: "_") })
        used.formUnion(CaseRating.scores.map { "rating_\($0)" })
        used.formUnion(ContactChannel.allCases.map { "contact_by_" + $0.rawValue })
        used.formUnion(CommunicationNeeds.Support.allCases.map { "need_" + $0.rawValue.replacingOccurrences(of: "-", with: "_") })
        used.formUnion(ConsentPurpose.allCases.map { "consent_" + $0.rawValue.replacingOccurrences(of: "-", with: "_") })
        used.formUnion(ServiceChannel.allCases.map { "channel_" + $0.rawValue.replacingOccurrences(of: "-", with: "_") })
        used.formUnion(["reply", "withdrawn", "reopened", "rated", "followed"].map { "request_saved_" + $0 })
        used.formUnion(["reference", "problem", "where", "reported", "status"].map { "reports_col_" + $0 })
        used.formUnion(["reference", "what", "status", "received", "due"].map { "requests_col_" + $0 })
        used.formUnion(["reported", "acknowledged", "in_progress", "waiting", "fixed", "withdrawn", "duplicate"].map { "reports_status_" + $0 })
        for key in used.sorted() { #expect(Self.english[key] != nil, "\(key) is used but not in en.json") }
    }

    @Test("Dates in Welsh: months, weekdays and the morning or afternoon")
    func welshDates() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        let afternoon = try unwrap(calendar.date(from: DateComponents(year: 2026, month: 11, day: 24, hour: 17, minute: 4)))
        #expect(UKDateFormat.dateAndTime(afternoon) == "24 November 2026 at 5:04pm")
        #expect(UKDateFormat.dateAndTime(afternoon, .welsh) == "24 Tachwedd 2026 am 5:04yh")
        let morning = try unwrap(calendar.date(from: DateComponents(year: 2027, month: 1, day: 2, hour: 9, minute: 30)))
        #expect(UKDateFormat.dateAndTime(morning, .welsh) == "2 Ionawr 2027 am 9:30yb")
        #expect(CaseDates.date(try unwrap(LocalDate("2026-11-24")), .welsh) == "dydd Mawrth 24 Tachwedd 2026")
    }

    @Test("The switch turns the portal Welsh and the choice is remembered; staff pages stay in English", arguments: TestDatabase.available)
    func switching(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, _ in
            let english = try await browser.get("/").text
            #expect(english.contains("<html lang=\"en\"") && english.contains("href=\"/?lang=cy\"") && english.contains(">Cymraeg</a>"))

            let switched = try await browser.get("/?lang=cy")
            #expect(switched.headers[.setCookie]?.contains("fd_lang=cy") == true)
            for welsh in ["<html lang=\"cy\"", "Neidio i’r prif gynnwys", "Chwilio ein gwasanaethau", "A yw’r dudalen hon yn ddefnyddiol?",
                          "Y mwyaf poblogaidd", "Gwastraff", ">English</a>"] {
                #expect(switched.text.contains(welsh), "\(welsh)")
            }
            let remembered = try await browser.get("/search?q=bins").text
            #expect(remembered.contains("<html lang=\"cy\"") && remembered.contains("canlyniad ar gyfer ‘bins’"))
            #expect(remembered.contains("href=\"/search?q=bins&amp;lang=en\""), "the switch keeps the search")
            let reports = try await browser.get("/reports").text
            #expect(reports.contains("Problemau y rhoddwyd gwybod amdanynt") && reports.contains("Pob ward"))
            let service = try await browser.get("/services/missed-bin").text
            #expect(service.contains("Parhau heb gyfrif") && service.contains("Anfon dolen ataf"))
            let refused = try await browser.postForm("/services/missed-bin/guest", [("guest-email", "")])
            #expect(refused.text.contains("Mae problem wedi codi") && refused.text.contains("Rhowch eich cyfeiriad e-bost")
                    && refused.text.contains("<title>Gwall: "))
            #expect(!refused.text.contains("lang=en\""), "a page answering a form offers no switch it could not honour")

            #expect(try await browser.get("/account/sign-in").text.contains("Mewngofnodi i’ch cyfrif"))
            let register = try await browser.postForm("/account/register", [("name", ""), ("email", "x"), ("password", "")])
            #expect(register.status == .unprocessableContent && register.text.contains("Rhowch eich enw llawn")
                    && register.text.contains("Rhowch gyfeiriad e-bost yn y fformat cywir"))
            let missing = try await browser.get("/no-such-page")
            #expect(missing.status == .notFound && missing.text.contains("Heb ddod o hyd i’r dudalen"))
            let staff = try await browser.get("/staff/sign-in").text
            #expect(staff.contains("<html lang=\"en\"") && !staff.contains("Cymraeg") && staff.contains("Skip to main content"))
            #expect(try await browser.get("/?lang=en").text.contains("<html lang=\"en\""))
            #expect(try await browser.get("/?lang=fr").text.contains("<html lang=\"en\""), "an unknown language changes nothing")
        }
    }

    @Test("Letters and emails go in the language the customer asked for, in their own words", arguments: [
        ("Cymraeg", SiteLanguage.welsh), ("Welsh", .welsh), ("welsh and English", .welsh), ("English", .english), ("Polish", .english), ("", .english),
    ])
    func correspondence(stated: String, expected: SiteLanguage) {
        #expect(SiteLanguage.forCorrespondence(stated) == expected)
    }

    @Test("Someone using the Welsh site gets Welsh emails: registering, a guest's link, and their request's confirmation",
          arguments: TestDatabase.available)
    func welshEmails(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            _ = try await browser.get("/?lang=cy")
            try await browser.postForm("/account/register", [("name", "Siân Jones"), ("email", "sian@example.com"), ("password", ResidentJourney.password)])
            let registered = try await EmailOutbox(database: database).entries(to: "sian@example.com")
            #expect(registered.first?.subject.hasPrefix("Cadarnhewch eich cyfeiriad e-bost") == true)
            #expect(registered.first?.body_text.contains("Helo Siân Jones,") == true)
            let customer = try await CustomerRepository(database: database, hasher: PasswordHasher(cost: 4)).find(email: "sian@example.com", councilID: DemoCouncil.council.id)
            #expect(customer?.language == "Cymraeg", "the language they registered in is the one we write in")

            try await browser.postForm("/services/missed-bin/guest", [("guest-email", "guest@example.com")])
            let link = try await EmailOutbox(database: database).entries(to: "guest@example.com")
            #expect(link.first?.subject == "Eich dolen i report a missed bin collection", "our words in Welsh; the council's service name as written")
        }
    }
}
