import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The portal's way in: home page, service groups, all services and search")
struct PortalPagesTests {
    @Test("The home page has the search box, the top tasks in their order and the groups that have services", arguments: TestDatabase.available)
    func home(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, _ in
            let page = try await browser.get("/").text
            #expect(page.contains("action=\"/search\" method=\"get\"") && page.contains("type=\"search\""))
            let order = ["Report a missed bin collection", "Report fly-tipping", "Report a pothole or damaged road",
                         "Book a bulky waste collection", "Report a council housing repair"].compactMap { page.range(of: $0)?.lowerBound }
            #expect(order.count == 5 && order == order.sorted(), "top tasks come in their rank order")
            for href in ["/browse/waste", "/browse/streets", "/browse/parking", "/browse/complaints-and-feedback", "/services", "/reports"] {
                #expect(page.contains("href=\"\(href)\""), "\(href)")
            }
            #expect(!page.contains("/browse/adult-social-care"), "a group with no services is not offered")
            #expect(page.contains("Sign in") && page.contains("create an account"))
        }
    }

    @Test("A group's page lists its services with what each is for; all services come by group; unknown groups are not found",
          arguments: TestDatabase.available)
    func groups(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, _ in
            let waste = try await browser.get("/browse/waste").text
            for name in ["Report a missed bin collection", "Book a bulky waste collection", "Order a new or replacement bin",
                         "Tell us if your bin was not emptied"] {
                #expect(waste.contains(name), "\(name)")
            }
            #expect(!waste.contains("Report a pothole"))
            #expect(try await browser.get("/browse/nonsense").status == .notFound)
            #expect(try await browser.get("/browse/adult-social-care").status == .notFound)
            let all = try await browser.get("/services").text
            #expect(all.contains("id=\"waste\"") && all.contains("id=\"parking\"") && all.contains("href=\"/services/blue-badge\""))
        }
    }

    @Test("Search finds services from plurals, synonyms and typos, says when it corrected the words, and helps when nothing is found",
          arguments: TestDatabase.available)
    func search(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let typo = try await browser.get("/search?q=wheely+bins").text
            #expect(typo.contains("href=\"/services/missed-bin\"") && typo.contains("We searched for <strong>wheelie bins</strong> instead"))
            #expect(typo.contains("value=\"wheely bins\""), "the box keeps what was typed")
            #expect(typo.contains("We aim to collect missed bins within 2 working days"), "each result says its standard")
            let synonym = try await browser.get("/search?q=rubbish").text
            #expect(synonym.contains("href=\"/services/missed-bin\"") && !synonym.contains("We searched for"))
            let nothing = try await browser.get("/search?q=xylophone").text
            #expect(nothing.contains("0 results for ‘xylophone’") && nothing.contains("see all our services") && nothing.contains("01632 960 000"))
            let empty = try await browser.get("/search?q=").text
            #expect(empty.contains("Search our services") && !empty.contains("results for"))
            let hostile = try await browser.get("/search?q=%22bin%20OR%20NEAR(%3Cscript%3E")
            #expect(hostile.status == .ok && !hostile.text.contains("<script>"))

            let services = ServiceRepository(database: database)
            var bin = try unwrap(try await services.find(code: ServiceCode("missed-bin")!, councilID: DemoCouncil.council.id))
            bin.isActive = false
            try await services.update(bin, at: Date())
            #expect(!(try await browser.get("/search?q=missed+bin").text.contains("href=\"/services/missed-bin\"")), "inactive services are not offered")
            #expect(!(try await browser.get("/").text.contains("href=\"/services/missed-bin\"")))
        }
    }

    @Test("Under a council's path prefix every portal link keeps the prefix", arguments: TestDatabase.available)
    func prefixed(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, _ in
            let home = try await browser.get("/c/kingsmere/").text
            #expect(home.contains("action=\"/c/kingsmere/search\"") && home.contains("href=\"/c/kingsmere/browse/waste\""))
            let found = try await browser.get("/c/kingsmere/search?q=bins").text
            #expect(found.contains("href=\"/c/kingsmere/services/missed-bin\""))
        }
    }
}
