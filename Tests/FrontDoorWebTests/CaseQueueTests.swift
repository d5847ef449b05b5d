import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Work queues")
struct CaseQueueTests {
    @Test("Filtered, sorted and paged queues; a manager assigns cases in bulk, each on its timeline", arguments: TestDatabase.available)
    func queue(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let resident = BrowserLikeClient(browser.client)
            let reference = try await CasePageTests.residentSends(resident, database)
            // A second request, a missed bin at 14 Willow Crescent (Castlefield ward).
            let base = try ServiceFormJourneyTests.draftBase(try await resident.postForm("/services/missed-bin/start", []).headers[.location])
            try await resident.postForm(base + "/bin", [("bin", "food")])
            try await resident.postForm(base + "/collection-day", [("collection-day-day", "3"), ("collection-day-month", "11"), ("collection-day-year", "2026")])
            try await resident.postForm(base + "/out-by-7", [("out-by-7", "yes")])
            try await resident.postForm(base + "/address", [("action", "choose"), ("address-lookup", "KM2 4QT"), ("address-uprn", "100023336956")])
            try await resident.postForm(base + "/details", [])
            try await resident.postForm(base, [])

            try await browser.postForm("/staff/sign-in", [("email", "manager@kingsmere.example"), ("password", DemoCouncil.password)])
            let all = try await browser.get("/staff/queue").text
            #expect(all.contains("2 cases.") && all.contains(reference) && all.contains("Assign the cases ticked"))
            let bins = try await browser.get("/staff/queue?service=missed-bin").text
            #expect(bins.contains("1 case.") && !bins.contains(reference))
            let ward = try await browser.get("/staff/queue?ward=Castlefield").text
            #expect(ward.contains("1 case.") && !ward.contains(reference), "the ward comes from the address's UPRN")
            // As the filter form sends a ward with a space and an apostrophe.
            let stAnnes = try await browser.get("/staff/queue?ward=St+Anne%27s").text
            #expect(stAnnes.contains("No cases match.") && stAnnes.contains(#"<option value="St Anne&#39;s" selected>"#))
            #expect(try await browser.get("/staff/queue?status=resolved").text.contains("No cases match."))
            let badAge = try await browser.get("/staff/queue?older-than=lots")
            #expect(badAge.status == .ok && badAge.text.contains("Enter the age in whole days, like 10"))

            let item = try unwrap(try await CaseRepository(database: database).find(reference: CaseReference(reference)!, councilID: DemoCouncil.council.id))
            let nobody = try await browser.postForm("/staff/queue/assign", [("assign-to", "")])
            #expect(nobody.status == .unprocessableContent && nobody.text.contains("Select at least one case to assign"))
            let assigned = try await browser.postForm("/staff/queue/assign", [("case", item.id.uuidString), ("assign-to", DemoCouncil.staff[1].id.uuidString)])
            #expect(assigned.headers[.location] == "/staff/queue?assigned=1%20case")
            let mine = try await browser.get("/staff/queue?officer=\(DemoCouncil.staff[1].id.uuidString)").text
            #expect(mine.contains("1 case.") && mine.contains("Sam Patel"))
            #expect(try await browser.get("/staff/queue?officer=unassigned").text.contains("1 case."))
            let after = try unwrap(try await CaseRepository(database: database).find(id: item.id, councilID: DemoCouncil.council.id))
            #expect(after.officerID == DemoCouncil.staff[1].id && after.version == item.version + 1)
            #expect(try await browser.get("/staff/cases/" + reference).text.contains("Assigned to Sam Patel"))
        }
    }

    @Test("Pages of fifty, with links that keep the filters")
    func paging() async throws {
        try await withDemoDeployment(database: .sqlite) { browser, database in
            try await CaseQueueTests.openMany(55, database)
            try await browser.postForm("/staff/sign-in", [("email", "manager@kingsmere.example"), ("password", DemoCouncil.password)])
            let first = try await browser.get("/staff/queue?sort=reference&service=street-light").text
            #expect(first.contains("55 cases, page 1 of 2.") && first.contains("FD-") )
            #expect(first.contains("sort=reference") && first.contains("page=2"))
            let second = try await browser.get("/staff/queue?sort=reference&service=street-light&page=2").text
            #expect(second.contains("page 2 of 2") && second.components(separatedBy: "name=\"case\"").count - 1 == 5)
        }
    }

    static func openMany(_ count: Int, _ database: Database) async throws {
        for _ in 0..<count {
            _ = try await sendStreetLightReport(database, answers: ["location-description": ["Outside the library"], "fault": ["out"]])
        }
    }
}
