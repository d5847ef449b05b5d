import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
@testable import FrontDoorWeb
import HummingbirdTesting
import Testing

@Suite("The dashboard across the councils of a shared service")
struct SharedServiceDashboardTests {
    static let september = PerformanceDashboardTests.september
    static let partnershipName = "Kingsmere and Westbury Customer Services"

    struct Deployment {
        var westbury: Council
        var partnership: SharedService
        var notOurs: SharedService
    }

    /// Kingsmere's month (`PerformanceDashboardTests.recordContacts`), and Westbury's: two online
    /// contacts and a visit in September 2024 at its own £10.00 a visit, one call in August.
    /// A second partnership (Westbury and Eastwick) is not Kingsmere's.
    static func twoCouncils(_ database: Database) async throws -> Deployment {
        try await PerformanceDashboardTests.recordContacts(database)
        let councils = CouncilRepository(database: database)
        let westbury = try makeCouncil(slug: "westbury", name: "Westbury District Council")
        let eastwick = try makeCouncil(slug: "eastwick", name: "Eastwick Borough Council")
        try await councils.create(westbury)
        try await councils.create(eastwick)
        let contacts = ContactRepository(database: database)
        func contact(_ channel: Contact.Channel, _ at: String) -> Contact {
            Contact(councilID: westbury.id, customerID: nil, channel: channel, serviceID: nil, outcome: .resolvedFirstTime, demand: .value,
                    durationMinutes: nil, notes: "", staffID: nil, staffName: "Ola Nowak", recordedAt: PerformanceDashboardTests.instant(at))
        }
        for made in [contact(.online, "2024-09-03T10:00:00Z"), contact(.online, "2024-09-04T10:00:00Z"),
                     contact(.faceToFace, "2024-09-05T10:00:00Z"), contact(.phone, "2024-08-05T10:00:00Z")] {
            try await contacts.record(made)
        }
        try await ChannelCostRepository(database: database).save([.faceToFace: 1_000], councilID: westbury.id, at: Date())
        let shared = SharedServiceRepository(database: database)
        let partnership = try SharedService(name: partnershipName, councilIDs: [DemoCouncil.council.id, westbury.id])
        let notOurs = try SharedService(name: "Westbury and Eastwick Revenues", councilIDs: [westbury.id, eastwick.id])
        try await shared.create(partnership)
        try await shared.create(notOurs)
        return Deployment(westbury: westbury, partnership: partnership, notOurs: notOurs)
    }

    static func scope(_ service: SharedService) -> String { "&scope=" + service.id.uuidString.lowercased() }

    @Test("A manager switches to the shared service: every figure counts both councils, each at its own costs, and links to no records",
          arguments: TestDatabase.available)
    func managerSeesSharedService(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await ServiceAdministrationTests.signInAsManager(browser)
            let deployment = try await Self.twoCouncils(database)
            // Two councils now: each is reached under its own address.
            let base = "/c/kingsmere/staff/performance"
            let scope = Self.scope(deployment.partnership)

            let own = try await browser.get(base + "?" + Self.september)
            #expect(own.status == .ok)
            #expect(own.text.contains("aria-label=\"Whose figures\""))
            let escapedScope = scope.replacingOccurrences(of: "&", with: "&amp;")
            #expect(own.text.contains("href=\"\(base)?from=2024-09-01&amp;to=2024-09-30&amp;by=service\(escapedScope)\">\(Self.partnershipName)</a>"))
            #expect(!own.text.contains("Westbury and Eastwick Revenues"), "only the shared services Kingsmere belongs to")
            let yearBefore = try await browser.get(base + "?" + Self.september + "&baseline=year-before")
            #expect(yearBefore.text.contains("by=service\(escapedScope)&amp;baseline=year-before\">\(Self.partnershipName)</a>"),
                    "switching keeps the channel-shift baseline")
            let ownKey = PerformanceDashboardTests.csvLines(try await browser.get(base + ".csv?" + Self.september + "&table=key-figures"))
            #expect(ownKey.contains("\"Contacts, all channels\",5,2,'+150.0%"), "Kingsmere's own figures are Kingsmere's alone")

            let shared = try await browser.get(base + "?" + Self.september + scope)
            #expect(shared.status == .ok)
            #expect(shared.text.contains(">\(Self.partnershipName)</span>"))
            #expect(shared.text.contains("Councils: Kingsmere Borough Council, Westbury District Council."))
            #expect(shared.text.contains("<strong aria-current=\"page\">\(Self.partnershipName)</strong>"))
            #expect(shared.text.contains("<input type=\"hidden\" name=\"scope\" value=\"\(deployment.partnership.id.uuidString.lowercased())\">"),
                    "choosing other dates keeps the shared service")
            let lastMonth = PerformanceQuery.query(.lastWholeMonth(before: LocalDate(Date())), by: .service, scope: deployment.partnership.id)
            #expect(shared.text.contains(base + lastMonth.replacingOccurrences(of: "&", with: "&amp;") + "\">Last month</a>"), "the period links keep it")
            #expect(shared.text.contains("href=\"\(base)?from=2024-09-01&amp;to=2024-09-30&amp;by=service\">Kingsmere Borough Council</a>"),
                    "and Kingsmere's own figures are a link away")
            #expect(!shared.text.contains("/staff/performance/contacts") && !shared.text.contains("/staff/performance/cases"),
                    "the figures link to no records: Westbury's are not Kingsmere's to open")

            let key = PerformanceDashboardTests.csvLines(try await browser.get(base + ".csv?" + Self.september + scope + "&table=key-figures"))
            #expect(key.contains("\"Contacts, all channels\",8,3,'+166.7%"))
            // Kingsmere's one online contact and Westbury's two, of eight.
            #expect(key.contains("Online self-service share of contacts,37.5%,0.0%,'+37.5 points"))
            #expect(key.contains("Face-to-face visits,1,0,No data"))
            // Kingsmere £10.45 and Westbury 2 × £0.09 + £10.00; before, Kingsmere £5.18 and Westbury one call at £2.59.
            #expect(key.contains("Cost to serve,£20.63,£7.77,'+165.5%"))
            // Kingsmere saved £2.50; Westbury's three, at August's mix (all phone), would have cost £7.77 against £10.18.
            #expect(key.contains("Saved by channel shift (against the previous period’s channel mix),£0.09,,"))
            let cost = PerformanceDashboardTests.csvLines(try await browser.get(base + ".csv?" + Self.september + scope + "&table=cost"))
            #expect(cost.contains("Face to face,£10.00,1,£10.00"))
            #expect(cost.contains("Online self-service,£0.09,3,£0.27"))
        }
    }

    @Test("A shared service Kingsmere is not in, or none at all, is not found; a role without the permission is refused",
          arguments: TestDatabase.available)
    func whoMaySee(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            _ = try await StaffAccountRepository(database: database, hasher: PasswordHasher(cost: 4)).create(
                StaffAccount(councilID: DemoCouncil.council.id, email: "councillor@kingsmere.example", displayName: "Cllr Rhys Ward", role: .councillor),
                password: DemoCouncil.password)
            try await ServiceAdministrationTests.signInAsManager(browser)
            let councillor = BrowserLikeClient(browser.client)
            try await councillor.postForm("/staff/sign-in", [("email", "councillor@kingsmere.example"), ("password", DemoCouncil.password)])
            let deployment = try await Self.twoCouncils(database)
            let base = "/c/kingsmere/staff/performance?" + Self.september

            #expect(try await browser.get(base + Self.scope(deployment.notOurs)).status == .notFound)
            #expect(try await browser.get(base + "&scope=" + UUID().uuidString).status == .notFound)
            #expect(try await browser.get(base + "&scope=not-an-id").status == .notFound)
            #expect(try await browser.get("/c/kingsmere/staff/performance.csv?" + Self.september + Self.scope(deployment.notOurs)
                                          + "&table=key-figures").status == .notFound)

            let councillorsOwn = try await councillor.get(base)
            #expect(councillorsOwn.status == .ok && !councillorsOwn.text.contains("Whose figures"), "no choice to offer")
            #expect(try await councillor.get(base + Self.scope(deployment.partnership)).status == .forbidden)
        }
    }

    @Test("Across councils each service and team is named with its council; one council's are named alone", arguments: TestDatabase.available)
    func namesSayWhose(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            let councils = CouncilRepository(database: database)
            let north = try makeCouncil(slug: "north", name: "North Council"), south = try makeCouncil(slug: "south", name: "South Council")
            try await councils.create(north)
            try await councils.create(south)
            let teams = TeamRepository(database: database), services = ServiceRepository(database: database)
            let northTeam = Team(councilID: north.id, name: "Waste"), southTeam = Team(councilID: south.id, name: "Waste")
            try await teams.create(northTeam, at: Date())
            try await teams.create(southTeam, at: Date())
            var bins = try #require(DemoCatalogue.services.first)
            (bins.id, bins.councilID, bins.owningTeamID) = (UUID(), south.id, southTeam.id)
            try await services.create(bins, at: Date())
            let both = try await PerformanceTables.Names.of(councils: [north, south], services: services, teams: teams)
            #expect(both.teams[northTeam.id] == "Waste (North Council)" && both.teams[southTeam.id] == "Waste (South Council)")
            #expect(both.services[bins.id] == bins.name + " (South Council)" && both.teamOfService[bins.id] == southTeam.id)
            let alone = try await PerformanceTables.Names.of(councils: [south], services: services, teams: teams)
            #expect(alone.teams == [southTeam.id: "Waste"] && alone.services == [bins.id: bins.name])
        }
    }
}
