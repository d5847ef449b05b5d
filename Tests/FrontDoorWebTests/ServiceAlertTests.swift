import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing

@Suite("Service alerts: published by managers, shown on every page and to advisors, sent to the residents who asked")
struct ServiceAlertTests {
    static let council = DemoCouncil.council
    static let margaret = DemoCouncil.customers[0], tomasz = DemoCouncil.customers[1], dylan = DemoCouncil.customers[2]

    static func service(_ code: String, _ database: Database) async throws -> CouncilService {
        try unwrap(try await ServiceRepository(database: database).find(code: ServiceCode(code)!, councilID: council.id))
    }

    static func notifications(_ customer: Customer, _ database: Database) async throws -> [StoredNotification] {
        try await NotificationOutbox(database: database).all(customerID: customer.id).filter { $0.event == .serviceAlert }
    }

    @Test("A manager publishes an alert: every page shows it, subscribers it reaches are sent it once on their channel, withdrawing takes it down",
          arguments: TestDatabase.available)
    func publishAndWithdraw(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let alerts = ServiceAlertRepository(database: database)
            let missedBin = try await Self.service("missed-bin", database), streetLight = try await Self.service("street-light", database)
            let ward = try unwrap(try await alerts.ward(of: Self.margaret))
            let otherWard = try unwrap(try await GazetteerRepository(database: database).wards(councilID: Self.council.id).first { $0 != ward })
            // Margaret: missed bins near her. Tomasz: everything, anywhere. Dylan: street lights only.
            // A fourth subscription, for missed bins in another ward, is not reached.
            try await alerts.replaceSubscriptions(customerID: Self.margaret.id, councilID: Self.council.id,
                                                  with: [.init(serviceID: missedBin.id, ward: ward), .init(serviceID: nil, ward: ward)], at: Date())
            try await alerts.replaceSubscriptions(customerID: Self.tomasz.id, councilID: Self.council.id, with: [.init(serviceID: nil, ward: nil)], at: Date())
            try await alerts.replaceSubscriptions(customerID: Self.dylan.id, councilID: Self.council.id,
                                                  with: [.init(serviceID: streetLight.id, ward: nil), .init(serviceID: missedBin.id, ward: otherWard)], at: Date())

            try await browser.postForm("/staff/sign-in", [("email", "manager@kingsmere.example"), ("password", DemoCouncil.password)])
            #expect(try await browser.get("/staff").text.contains("href=\"/staff/alerts\""))
            let refused = try await browser.postForm("/staff/alerts", [("title", ""), ("message", String(repeating: "x", count: 1001)),
                                                                      ("duration", "forever"), ("service", UUID().uuidString), ("ward", "Atlantis")])
            #expect(refused.status == .unprocessableContent)
            for message in ["Enter a short title", "The message must be 1,000 characters or fewer", "Select how long the alert shows",
                            "Select a service from the list", "Select a ward from the list"] {
                #expect(refused.text.contains(message), "missing: \(message)")
            }
            #expect(try await alerts.all(councilID: Self.council.id).isEmpty)

            let published = try await browser.postForm("/staff/alerts", [
                ("title", "Bin collections delayed in \(ward) ward"), ("message", "Crews are a day behind. Leave your bin out until it is emptied."),
                ("service", missedBin.id.uuidString.lowercased()), ("ward", ward), ("duration", "today"), ("tell-subscribers", "yes"),
            ])
            #expect(published.headers[.location] == "/staff/alerts?published=2")
            let alert = try unwrap(try await alerts.all(councilID: Self.council.id).first)
            #expect(alert.isLive(at: Date()) && alert.subscribersTold == 2 && alert.publishedBy == "Jo Evans")
            #expect(alert.endsAt == ServiceAlert.Duration.endOfToday.endsAt(publishedAt: alert.startsAt))

            // Once each, on the channel each asked for, with the words the council chose.
            let toMargaret = try await Self.notifications(Self.margaret, database)
            #expect(toMargaret.count == 1 && toMargaret.first?.channel == .letter)
            #expect(toMargaret.first?.body.contains("Crews are a day behind.") == true)
            #expect(toMargaret.first?.body.contains("Report a missed bin collection in \(ward) ward") == true)
            #expect(toMargaret.first?.body.contains("/account/alerts") == true)
            let toTomasz = try await Self.notifications(Self.tomasz, database)
            #expect(toTomasz.count == 1 && toTomasz.first?.channel == .sms && toTomasz.first?.body.hasPrefix("Kingsmere Borough Council: Bin collections delayed") == true)
            #expect(try await Self.notifications(Self.dylan, database).isEmpty)

            let trail = try await AuditTrail(database: database).events(councilID: Self.council.id)
            #expect(trail.contains { $0.kind == .serviceAlertPublished && $0.subject.contains(alert.id.uuidString) })

            // Residents see it on every page, in their language's banner; advisors see it too.
            let resident = BrowserLikeClient(browser.client)
            for path in ["/", "/services", "/services/missed-bin", "/account/sign-in"] {
                let page = try await resident.get(path).text
                #expect(page.contains("Bin collections delayed in \(ward) ward") && page.contains("Service alerts"), "not on \(path)")
            }
            #expect(try await resident.get("/?lang=cy").text.contains("Rhybuddion gwasanaeth"))
            #expect(try await browser.get("/staff/customers").text.contains("Crews are a day behind."))
            #expect(try await browser.get("/staff/alerts").text.contains("Sent to 2"))

            let path = "/staff/alerts/\(alert.id.uuidString.lowercased())/withdraw"
            #expect(try await browser.postForm(path, []).headers[.location] == "/staff/alerts?withdrawn=1")
            #expect(try await browser.postForm(path, []).headers[.location] == "/staff/alerts", "a second withdrawal changes nothing")
            #expect(!(try await resident.get("/").text.contains("Bin collections delayed")))
            #expect(try await alerts.live(councilID: Self.council.id).isEmpty)

            let advisor = BrowserLikeClient(browser.client)
            try await advisor.postForm("/staff/sign-in", [("email", "advisor@kingsmere.example"), ("password", DemoCouncil.password)])
            #expect(try await advisor.get("/staff/alerts").status == .forbidden)
            #expect(try await advisor.postForm("/staff/alerts", [("title", "x"), ("message", "y"), ("duration", "today")]).status == .forbidden)
        }
    }

    @Test("An alert published without sending tells nobody; one that has ended is no longer shown", arguments: TestDatabase.available)
    func quietAndEnded(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let alerts = ServiceAlertRepository(database: database)
            try await alerts.replaceSubscriptions(customerID: Self.tomasz.id, councilID: Self.council.id, with: [.init(serviceID: nil, ward: nil)], at: Date())
            let quiet = try await alerts.publish(
                ServiceAlert(councilID: Self.council.id, title: "Phone lines busy", message: "Please use the website if you can.", serviceID: nil,
                             ward: nil, startsAt: Date(), endsAt: nil, publishedBy: "Jo Evans"),
                council: Self.council, tellSubscribers: false, serviceName: "all our services", area: "the whole area", link: "", at: Date())
            #expect(quiet.subscribersTold == 0)
            #expect(try await Self.notifications(Self.tomasz, database).isEmpty)
            _ = try await alerts.publish(
                ServiceAlert(councilID: Self.council.id, title: "Yesterday's road closure", message: "Now open.", serviceID: nil, ward: nil,
                             startsAt: Date() - 86_400, endsAt: Date() - 3600, publishedBy: "Jo Evans"),
                council: Self.council, tellSubscribers: false, serviceName: "", area: "", link: "", at: Date() - 86_400)
            let page = try await browser.get("/").text
            #expect(page.contains("Phone lines busy") && !page.contains("Yesterday's road closure"))
            #expect(try await alerts.live(councilID: Self.council.id).map(\.title) == ["Phone lines busy"])
        }
    }

    @Test("A resident chooses alerts in My Account: services, near them or anywhere, or none", arguments: TestDatabase.available)
    func residentChoosesAlerts(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await ResidentJourney.signedInResident(browser, database)
            let customer = try unwrap(try await database.sql.select().column("id").from("customers").where("email", .equal, "ann@example.com")
                .first(decoding: IDRow.self))
            #expect(try await browser.get("/account").text.contains("href=\"/account/alerts\""))
            let page = try await browser.get("/account/alerts").text
            #expect(page.contains("Which services do you want alerts about?") && page.contains("Add your address"))

            let missedBin = try await Self.service("missed-bin", database), pothole = try await Self.service("pothole", database)
            let saved = try await browser.postForm("/account/alerts", [("services", missedBin.id.uuidString.lowercased()),
                                                                       ("services", pothole.id.uuidString.lowercased())])
            #expect(saved.headers[.location] == "/account/alerts?saved=1")
            let alerts = ServiceAlertRepository(database: database)
            #expect(Set(try await alerts.subscriptions(customerID: customer.id)) == [.init(serviceID: missedBin.id, ward: nil), .init(serviceID: pothole.id, ward: nil)])
            let again = try await browser.get("/account/alerts?saved=1").text
            #expect(again.contains("Your alert choices have been saved"))
            #expect(again.contains("value=\"\(missedBin.id.uuidString.lowercased())\" checked"))

            #expect(try await browser.postForm("/account/alerts", [("services", "all")]).headers[.location] == "/account/alerts?saved=1")
            #expect(try await alerts.subscriptions(customerID: customer.id) == [.init(serviceID: nil, ward: nil)])

            let unknown = try await browser.postForm("/account/alerts", [("services", UUID().uuidString)])
            #expect(unknown.status == .unprocessableContent && unknown.text.contains("Select services from the list"))
            #expect(try await alerts.subscriptions(customerID: customer.id) == [.init(serviceID: nil, ward: nil)], "a refused choice changes nothing")

            #expect(try await browser.postForm("/account/alerts", []).headers[.location] == "/account/alerts?stopped=1")
            #expect(try await alerts.subscriptions(customerID: customer.id).isEmpty)

            // With an address the gazetteer knows, "only where I live" becomes a choice, kept as the ward.
            let repository = CustomerRepository(database: database, hasher: PasswordHasher(cost: 4))
            var ann = try unwrap(try await repository.find(id: customer.id, councilID: Self.council.id))
            ann.address = Self.margaret.address
            try await repository.updateProfile(ann, at: Date())
            let ward = try unwrap(try await alerts.ward(of: ann))
            let near = try await browser.get("/account/alerts").text
            #expect(near.contains("Only in \(ward) ward, where you live") && !near.contains("Add your address"))
            #expect(try await browser.postForm("/account/alerts", [("services", "all"), ("area", "near")]).headers[.location] == "/account/alerts?saved=1")
            #expect(try await alerts.subscriptions(customerID: customer.id) == [.init(serviceID: nil, ward: ward)])
            #expect(try await browser.get("/account/alerts").text.contains("value=\"near\" checked"))
            #expect(try await browser.postForm("/account/alerts", [("services", "all"), ("area", "anywhere")]).headers[.location] == "/account/alerts?saved=1")
            #expect(try await alerts.subscriptions(customerID: customer.id) == [.init(serviceID: nil, ward: nil)])
        }
    }

    struct IDRow: Decodable { var id: UUID }
}
