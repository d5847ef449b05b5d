import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
@testable import FrontDoorWeb
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The manager dashboard and the public performance page")
struct PerformanceDashboardTests {
    /// September 2024 and the August before it: long before the demo council's own records.
    static let september = "from=2024-09-01&to=2024-09-30"

    static func instant(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }

    /// Five contacts in September 2024 (four calls, one online request) and two calls in August,
    /// with calls either side of each month's UK midnights (BST: an hour ahead of UTC).
    static func recordContacts(_ database: Database) async throws {
        let contacts = ContactRepository(database: database)
        func contact(_ channel: Contact.Channel, _ outcome: Contact.Outcome, _ demand: Contact.Demand, _ at: String) -> Contact {
            Contact(councilID: DemoCouncil.council.id, customerID: DemoCouncil.customers.first?.id, channel: channel, serviceID: nil,
                    outcome: outcome, demand: demand, durationMinutes: nil, notes: "", staffID: nil, staffName: "Sam Patel",
                    recordedAt: instant(at))
        }
        for made in [
            contact(.phone, .resolvedFirstTime, .value, "2024-08-05T09:00:00Z"),
            contact(.phone, .signposted, .value, "2024-08-31T22:59:00Z"),  // 23:59 on 31 August
            contact(.phone, .signposted, .avoidable, "2024-08-31T23:30:00Z"),  // 00:30 on 1 September
            contact(.phone, .resolvedFirstTime, .value, "2024-09-02T09:00:00Z"),
            contact(.online, .caseRaised, .value, "2024-09-10T20:00:00Z"),
            contact(.phone, .resolvedFirstTime, .value, "2024-09-16T10:00:00Z"),
            contact(.phone, .handedOff, .failure, "2024-09-30T22:59:00Z"),  // 23:59 on 30 September
            contact(.phone, .signposted, .value, "2024-09-30T23:00:00Z"),  // midnight: 1 October, outside
        ] {
            try await contacts.record(made)
        }
    }

    static func csvLines(_ response: TestResponse) -> [String] {
        response.text.split(whereSeparator: \.isNewline).map(String.init)
    }

    @Test("A manager sees a month against the one before, downloads each table, and opens the contacts behind a figure",
          arguments: TestDatabase.available)
    func managerDashboard(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await Self.recordContacts(database)
            try await ServiceAdministrationTests.signInAsManager(browser)
            let home = try await browser.get("/staff").text
            #expect(home.contains("href=\"/staff/performance\""))

            let page = try await browser.get("/staff/performance?" + Self.september)
            #expect(page.status == .ok)
            #expect(page.text.contains("September 2024, compared with August 2024"))
            #expect(page.text.contains("<svg") && page.text.contains("role=\"img\"") && page.text.contains("The figures are in the table"))

            // Figures with a sign are written '+… so a spreadsheet reads them as text, never as a formula.
            let key = Self.csvLines(try await browser.get("/staff/performance.csv?" + Self.september + "&table=key-figures"))
            #expect(key.first == "Measure,September 2024,August 2024,Change")
            #expect(key.contains("\"Contacts, all channels\",5,2,'+150.0%"))
            #expect(key.contains("Online self-service share of contacts,20.0%,0.0%,'+20.0 points"))
            #expect(key.contains("Channel shift (change in online share),'+20.0 points,,"))
            // Over the four calls (the online request is nobody's to resolve): two resolved, one failure, one avoidable.
            #expect(key.contains("Resolved at first point of contact,50.0%,50.0%,No change"))
            #expect(key.contains("Failure demand,25.0%,0.0%,'+25.0 points"))
            #expect(key.contains("Avoidable contact,25.0%,0.0%,'+25.0 points"))
            // Phone £2.59 × 4 + online £0.09 against phone £2.59 × 2; at August's mix (all phone) the five would have cost £12.95.
            #expect(key.contains("Cost to serve,£10.45,£5.18,'+101.7%"))
            #expect(key.contains("Saved by channel shift (against the previous period’s channel mix),£2.50,,"))

            let channels = try await browser.get("/staff/performance.csv?" + Self.september + "&table=channels")
            #expect(channels.headers[.contentDisposition] == "attachment; filename=\"performance-channels-2024-09-01-to-2024-09-30.csv\"")
            #expect(Self.csvLines(channels).contains("Phone,4,2,'+100.0%,80.0%") && Self.csvLines(channels).contains("Online self-service,1,0,No data,20.0%"))

            let drill = "/staff/performance/contacts?" + Self.september + "&by=service&channel=phone"
            #expect(page.text.contains(drill.replacingOccurrences(of: "&", with: "&amp;")))
            let behind = try await browser.get(drill)
            #expect(behind.status == .ok)
            #expect(behind.text.components(separatedBy: "<td class=\"fd-table__cell\">Phone</td>").count - 1 == 4)
            let failure = try await browser.get("/staff/performance/contacts?" + Self.september + "&demand=failure").text
            #expect(failure.components(separatedBy: "<td class=\"fd-table__cell\">Phone</td>").count - 1 == 1)

            // The contacts were about no service, so they belong to no team; no team's list has them.
            let noTeam = try await browser.get("/staff/performance/contacts?" + Self.september + "&team=none").text
            #expect(noTeam.components(separatedBy: "<td class=\"fd-table__cell\">Phone</td>").count - 1 == 4)
            let team = try unwrap(try await TeamRepository(database: database).all(councilID: DemoCouncil.council.id).first)
            let teamPage = try await browser.get("/staff/performance/contacts?" + Self.september + "&team=" + team.id.uuidString)
            #expect(teamPage.status == .ok && teamPage.text.contains("There are none."))
            let noWard = try await browser.get("/staff/performance/cases?" + Self.september + "&ward=none&service=none")
            #expect(noWard.status == .ok && noWard.text.contains("There are none."))

            #expect(try await browser.get("/staff/performance.csv?" + Self.september + "&table=no-such-table").status == .badRequest)
            #expect(try await browser.get("/staff/performance/contacts?" + Self.september + "&channel=pigeon").status == .badRequest)
            #expect(try await browser.get("/staff/performance/cases?" + Self.september + "&service=not-a-service").status == .badRequest)
        }
    }

    /// Before the September 2024 of `recordContacts`: September 2023 had a call and an online
    /// request (half online); April 2023 to March 2024 three calls and that request (a quarter).
    static func recordBaselineContacts(_ database: Database) async throws {
        let contacts = ContactRepository(database: database)
        for (channel, at) in [(Contact.Channel.online, "2023-09-10T10:00:00Z"), (.phone, "2023-09-12T10:00:00Z"),
                              (.phone, "2023-05-01T10:00:00Z"), (.phone, "2024-01-15T10:00:00Z")] {
            try await contacts.record(Contact(councilID: DemoCouncil.council.id, customerID: nil, channel: channel, serviceID: nil,
                                              outcome: .resolvedFirstTime, demand: .value, durationMinutes: nil, notes: "", staffID: nil,
                                              staffName: "Sam Patel", recordedAt: instant(at)))
        }
    }

    @Test("Channel shift and its saving are measured against the previous period, the same period a year before, or chosen dates",
          arguments: TestDatabase.available)
    func channelShiftBaseline(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await Self.recordContacts(database)
            try await Self.recordBaselineContacts(database)
            try await ServiceAdministrationTests.signInAsManager(browser)
            func key(_ extra: String) async throws -> [String] {
                Self.csvLines(try await browser.get("/staff/performance.csv?" + Self.september + extra + "&table=key-figures"))
            }

            let page = try await browser.get("/staff/performance?" + Self.september)
            #expect(page.text.contains("Channel shift is measured against the previous period, August 2024."))
            #expect(page.text.contains("<strong aria-current=\"page\">The previous period</strong>"))

            // A year before: September 2023 was half online; September 2024 is a fifth.
            let yearBefore = try await key("&baseline=year-before")
            #expect(yearBefore.contains("\"Online self-service share of contacts in the baseline, the same period a year before, September 2023\",50.0%,,"))
            #expect(yearBefore.contains("\"Channel shift (change in online share since the same period a year before, September 2023)\",−30.0 points,,"))
            // Five contacts at half £2.59 and half £0.09 would have cost £6.70, against £10.45.
            #expect(yearBefore.contains("\"Saved by channel shift (against the channel mix of the same period a year before, September 2023)\",−£3.75,,"))
            #expect(yearBefore.contains("Online self-service share of contacts,20.0%,0.0%,'+20.0 points"), "the comparison stays the previous period")

            // The year from April 2023: a quarter online. At that mix the five would have cost £9.83.
            let chosen = try await key("&base-from=2023-04-01&base-to=2024-03-31")
            #expect(chosen.contains("\"Online self-service share of contacts in the baseline, 1 April 2023 to 31 March 2024\",25.0%,,"))
            #expect(chosen.contains("Channel shift (change in online share since 1 April 2023 to 31 March 2024),−5.0 points,,"))
            #expect(chosen.contains("Saved by channel shift (against the channel mix of 1 April 2023 to 31 March 2024),−£0.62,,"))
            let typed = try await browser.get("/staff/performance?" + Self.september
                + "&base-from-day=1&base-from-month=4&base-from-year=2023&base-to-day=31&base-to-month=3&base-to-year=2024")
            #expect(typed.status == .ok && typed.text.contains("Channel shift is measured against 1 April 2023 to 31 March 2024."))
            #expect(typed.text.contains("&amp;base-from=2023-04-01&amp;base-to=2024-03-31\">Last 12 months</a>"), "the period links keep the baseline")
            #expect(typed.text.contains("<input type=\"hidden\" name=\"base-from\" value=\"2023-04-01\">"), "so does the period form")

            let unreal = try await browser.get("/staff/performance?" + Self.september + "&base-from-day=31&base-from-month=2&base-from-year=2023")
            #expect(unreal.status == .unprocessableContent)
            #expect(unreal.text.contains("Enter a real date for the start of the baseline") && unreal.text.contains("Enter a real date for the end of the baseline"))
            #expect(unreal.text.contains("href=\"#base-from\"") && unreal.text.contains("Channel shift is measured against the previous period, August 2024."))
            let backwards = try await browser.get("/staff/performance?" + Self.september + "&base-from=2024-03-31&base-to=2023-04-01")
            #expect(backwards.status == .unprocessableContent && backwards.text.contains("The end of the baseline must be the same as or after its start"))
            let tooLong = try await browser.get("/staff/performance?" + Self.september + "&base-from=2020-01-01&base-to=2024-03-31")
            #expect(tooLong.status == .unprocessableContent && tooLong.text.contains("Choose a baseline of up to two years"))
        }
    }

    @Test("Dates that are not a period are shown with every problem, over the last whole month", arguments: TestDatabase.available)
    func badDates(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, _ in
            try await ServiceAdministrationTests.signInAsManager(browser)
            let unreal = try await browser.get("/staff/performance?from-day=31&from-month=2&from-year=2024&to-day=&to-month=&to-year=")
            #expect(unreal.status == .unprocessableContent)
            #expect(unreal.text.contains("There is a problem") && unreal.text.contains("href=\"#from\""))
            #expect(unreal.text.contains("Enter a real date for the start of the period") && unreal.text.contains("Enter a real date for the end of the period"))
            #expect(unreal.text.contains("value=\"31\""), "what was typed is shown again")
            #expect(unreal.text.contains("<details class=\"fd-details\" open>"), "the dates are not hidden behind their problem")
            let backwards = try await browser.get("/staff/performance?from-day=30&from-month=9&from-year=2024&to-day=1&to-month=9&to-year=2024")
            #expect(backwards.status == .unprocessableContent && backwards.text.contains("The end of the period must be the same as or after its start"))
            let tooLong = try await browser.get("/staff/performance?from=2020-01-01&to=2024-12-31")
            #expect(tooLong.status == .unprocessableContent && tooLong.text.contains("Choose a period of up to two years"))
            let chosen = try await browser.get("/staff/performance?from-day=1&from-month=9&from-year=2024&to-day=30&to-month=9&to-year=2024")
            #expect(chosen.status == .ok && chosen.text.contains("September 2024, compared with August 2024"))
            #expect(try await browser.get("/staff/performance.csv?from=2024-09-30&to=2024-09-01&table=key-figures").status == .badRequest)
        }
    }

    @Test("A councillor sees the figures but not the records behind them; an advisor sees neither", arguments: TestDatabase.available)
    func permissions(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await Self.recordContacts(database)
            _ = try await StaffAccountRepository(database: database, hasher: PasswordHasher(cost: 4)).create(
                StaffAccount(councilID: DemoCouncil.council.id, email: "councillor@kingsmere.example", displayName: "Cllr Rhys Ward", role: .councillor),
                password: DemoCouncil.password)
            try await browser.postForm("/staff/sign-in", [("email", "councillor@kingsmere.example"), ("password", DemoCouncil.password)])
            let page = try await browser.get("/staff/performance?" + Self.september)
            #expect(page.status == .ok && page.text.contains("Contacts by channel"))
            #expect(!page.text.contains("/staff/performance/contacts") && !page.text.contains("/staff/performance/cases"))
            #expect(!page.text.contains("/staff/performance.csv"), "downloads need the export permission")
            #expect(try await browser.get("/staff/performance/contacts?" + Self.september).status == .forbidden)
            #expect(try await browser.get("/staff/performance/cases?" + Self.september).status == .forbidden)
            #expect(try await browser.get("/staff/performance.csv?" + Self.september + "&table=channels").status == .forbidden)

            let advisor = BrowserLikeClient(browser.client)
            try await AdvisorDesktopTests.signIn(advisor, as: "advisor")
            #expect(try await advisor.get("/staff/performance").status == .forbidden)
        }
    }

    @Test("An administrator sets the cost per contact: checked as typed, used by cost to serve, audited, and put back",
          arguments: TestDatabase.available)
    func channelCosts(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await Self.recordContacts(database)
            let manager = BrowserLikeClient(browser.client)
            try await ServiceAdministrationTests.signInAsManager(manager)
            #expect(try await manager.get("/staff/performance/costs").status == .forbidden)
            #expect(!(try await manager.get("/staff/performance").text.contains("/staff/performance/costs")))

            try await signInAsAdministrator(browser)
            #expect(try await browser.get("/staff/performance").text.contains("href=\"/staff/performance/costs\""))
            let form = try await browser.get("/staff/performance/costs").text
            #expect(form.contains("Blank: £2.59, the published benchmark") && form.contains("Blank: what a phone call costs"))

            let bad = try await browser.postForm("/staff/performance/costs", [("cost-phone", "two pounds"), ("cost-email", "1500")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("Enter the cost of a contact by phone in pounds and pence") && bad.text.contains("must be £1,000 or less"))
            #expect(try await ChannelCostRepository(database: database).own(councilID: DemoCouncil.council.id).isEmpty, "nothing saved")

            let saved = try await browser.postForm("/staff/performance/costs", [("cost-phone", "£3.00"), ("cost-online", "")])
            #expect(saved.headers[.location] == "/staff/performance/costs?saved=The%20costs%20have%20been%20saved")
            #expect(try await browser.get("/staff/performance/costs").text.contains("value=\"3.00\""))
            #expect(try await browser.get("/staff/performance.csv?" + Self.september + "&table=cost").status == .forbidden,
                    "administrators set the costs; downloading reports is the managers'")
            let key = Self.csvLines(try await manager.get("/staff/performance.csv?" + Self.september + "&table=cost"))
            // Four calls at £3.00 and one online request at the benchmark's £0.09.
            #expect(key.contains("Phone,£3.00,4,£12.00") && key.contains("Online self-service,£0.09,1,£0.09"))
            let audit = try await browser.get("/staff/audit").text
            #expect(audit.contains("cost per contact: phone £3.00; the published benchmark for the rest"))

            #expect(try await browser.postForm("/staff/performance/costs/reset", []).status == .seeOther)
            #expect(try await ChannelCostRepository(database: database).costs(councilID: DemoCouncil.council.id) == .defaults)
        }
    }

    @Test("The public page's figures are kept for their lifetime per council, then worked out again")
    func publishedFiguresAreKept() async throws {
        let cache = PublishedFiguresCache(lifetime: 600)
        let council = UUID(), other = UUID(), start = Date(timeIntervalSince1970: 1_790_000_000)
        let counter = Counter()
        func make() async -> PublishedFiguresCache.Entry {
            let made = await counter.next()
            let figures = PublishedFigures(standards: [:], complaints: ComplaintFigures(combining: []),
                                           informationRequests: InformationRequestFigures(combining: []), calls: CallFigures([]),
                                           satisfaction: SatisfactionFigures(ratings: [1: made], pagesUseful: 0, pagesNotUseful: 0))
            return .init(month: .month(containing: LocalDate("2026-10-01")!), lastMonth: figures, lastYear: figures)
        }
        func made(_ entry: (PublishedFiguresCache.Entry, Date)) -> Int { entry.0.lastMonth.satisfaction.ratings[1] ?? 0 }
        #expect(made(try await cache.figures(councilID: council, now: start, make: make)) == 1)
        #expect(made(try await cache.figures(councilID: council, now: start.addingTimeInterval(599), make: make)) == 1, "kept")
        #expect(made(try await cache.figures(councilID: other, now: start.addingTimeInterval(1), make: make)) == 2, "each council its own")
        let later = try await cache.figures(councilID: council, now: start.addingTimeInterval(600), make: make)
        #expect(made(later) == 3 && later.1 == start.addingTimeInterval(600), "worked out again, and dated then")
    }

    actor Counter {
        var count = 0
        func next() -> Int {
            count += 1
            return count
        }
    }

    @Test("The public page shows each published standard and how last month went, from the records", arguments: TestDatabase.available)
    func publicPage(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let services = try await ServiceRepository(database: database).all(councilID: DemoCouncil.council.id)
            let service = try unwrap(services.first { $0.isActive })
            let page = try await browser.get("/our-performance")
            #expect(page.status == .ok)
            #expect(page.text.contains("Our performance") && page.text.contains(service.standard.statement.htmlEscaped))
            #expect(page.text.contains("href=\"/complaints-report\"") && page.text.contains("href=\"/our-performance\""), "linked from the footer")
            #expect(!services.filter { !$0.isActive }.contains { page.text.contains(">\($0.name.htmlEscaped)<") }, "withdrawn services are not listed")
        }
    }
}

private extension String {
    var htmlEscaped: String {
        replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }
}
