import FrontDoorPersistence
import FrontDoorTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The service catalogue for staff")
struct ServiceCataloguePageTests {
    @Test("Staff see every service by group with its standard, team and channels", arguments: TestDatabase.available)
    func catalogue(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, _ in
            try await browser.postForm("/staff/sign-in", [("email", "advisor@kingsmere.example"), ("password", DemoCouncil.password)])
            #expect(try await browser.get("/staff").text.contains(#"href="/staff/services""#))
            let page = try await browser.get("/staff/services").text
            for shown in ["<caption class=\"fd-table__caption fd-table__caption--m\">Waste</caption>", "Report a missed bin collection",
                          "We aim to collect missed bins within 2 working days (2 working days)", "Waste and recycling",
                          "Online (digital only)", "Complaints and feedback"] {
                #expect(page.contains(shown), "missing: \(shown)")
            }
            #expect(page.components(separatedBy: "<tr class=\"fd-table__row\">").count - 1
                    >= DemoCatalogue.services.count, "a row for every service (plus the head rows)")
        }
    }

    @Test("Signed out, the catalogue page sends people to sign in")
    func signedOut() async throws {
        try await withDemoDeployment(database: .sqlite) { browser, _ in
            let response = try await browser.get("/staff/services")
            #expect(response.status == .seeOther && response.headers[.location] == "/staff/sign-in?return=/staff/services")
        }
    }
}
