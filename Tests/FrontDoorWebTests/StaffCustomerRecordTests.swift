import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import FrontDoorWeb
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing

@Suite("Staff reading a customer's record, every view audited")
struct StaffCustomerRecordTests {
    static let margaret = DemoCouncil.customers[0]

    @Test("An advisor finds a customer by email and reads the record; the view is in the audit trail", arguments: TestDatabase.available)
    func viewIsAudited(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await browser.postForm("/staff/sign-in", [("email", "advisor@kingsmere.example"), ("password", DemoCouncil.password)])
            #expect(try await browser.get("/staff").text.contains(#"href="/staff/customers""#))
            let search = try await browser.get("/staff/customers?email=MARGARET.OKAFOR%40residents.example").text
            #expect(search.contains("Margaret Okafor") && search.contains("/staff/customers/\(Self.margaret.id.uuidString)"))
            let before = try await AuditTrail(database: database).events(councilID: DemoCouncil.council.id).count

            let record = try await browser.get("/staff/customers/\(Self.margaret.id.uuidString)")
            #expect(record.status == .ok)
            for shown in ["Margaret Okafor", "Large print", "Hard of hearing", "14 Willow Crescent", "KM2 4QT", "UPRN 100023336956", "Letter"] {
                #expect(record.text.contains(shown), "missing: \(shown)")
            }
            let events = try await AuditTrail(database: database).events(councilID: DemoCouncil.council.id)
            #expect(events.count == before + 1)
            let viewed = try #require(events.first)
            #expect(viewed.kind == .customerRecordViewed && viewed.actor == "advisor@kingsmere.example")
            #expect(viewed.subject.contains(Self.margaret.id.uuidString))
        }
    }

    @Test("One box finds a customer by name, phone, postcode or address; no match says so and suggests another detail",
          arguments: TestDatabase.available)
    func search(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, _ in
            try await browser.postForm("/staff/sign-in", [("email", "advisor@kingsmere.example"), ("password", DemoCouncil.password)])
            let record = "/staff/customers/\(Self.margaret.id.uuidString)"
            for typed in ["okafor", "Marg+Oka", "01632+960+417", "%2B44+1632+960417", "km2+4qt", "willow+crescent"] {
                let page = try await browser.get("/staff/customers?q=" + typed).text
                #expect(page.contains(record) && page.contains("Margaret Okafor"), "\(typed)")
            }
            let none = try await browser.get("/staff/customers?q=zebedee").text
            #expect(none.contains("No customer matches ‘zebedee’") && !none.contains("<table"))
            let box = try await browser.get("/staff/customers").text
            #expect(box.contains("Name, email, phone, postcode, address or case reference") && !box.contains("role=\"status\""))
        }
    }

    @Test("Roles without customer access are refused; unknown and other councils' ids are not found", arguments: TestDatabase.available)
    func refusals(database kind: TestDatabase) async throws {
        try await withTestApplication(database: kind, prepare: { database in
            try await seedDemoCouncil(database)
            let other = try makeCouncil(slug: "otherton", name: "Otherton Council")
            try await CouncilRepository(database: database).create(other)
            try await CustomerRepository(database: database, hasher: PasswordHasher(cost: 4))
                .create(Customer(id: UUID(uuidString: "00000000-0000-4000-8000-00000000abcd")!, councilID: other.id,
                                 name: "Other Person", email: "other@residents.example", createdAt: Date()), passwordHash: nil)
        }) { client in
            let advisor = BrowserLikeClient(client)
            try await advisor.postForm("/c/kingsmere/staff/sign-in", [("email", "advisor@kingsmere.example"), ("password", DemoCouncil.password)])
            #expect(try await advisor.get("/c/kingsmere/staff/customers/00000000-0000-4000-8000-00000000abcd").status == .notFound)
            #expect(try await advisor.get("/c/kingsmere/staff/customers/\(UUID())").status == .notFound)
            #expect(try await advisor.get("/c/kingsmere/staff/customers/not-an-id").status == .notFound)

            let admin = BrowserLikeClient(client)
            try await admin.postForm("/c/kingsmere/staff/sign-in", [("email", "manager@kingsmere.example"), ("password", DemoCouncil.password)])
            #expect(try await admin.get("/c/kingsmere/staff/customers/\(Self.margaret.id.uuidString)").status == .ok, "managers may view customers")
        }
    }

    @Test("Administrators run the system and do not read residents' records")
    func administratorsRefused() async throws {
        try await withDemoDeployment(database: .sqlite) { browser, _ in
            try await signInAsAdministrator(browser)
            #expect(try await browser.get("/staff/customers/\(Self.margaret.id.uuidString)").status == .forbidden)
        }
    }
}
