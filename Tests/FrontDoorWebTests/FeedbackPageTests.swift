import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
@testable import FrontDoorWeb
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Compliments and comments on the case page: which service, and passed to its team")
struct FeedbackPageTests {
    static func team(_ name: String, _ database: Database) async throws -> Team {
        try unwrap(try await TeamRepository(database: database).all(councilID: DemoCouncil.council.id).first { $0.name == name }, name)
    }

    static func service(_ code: String, _ database: Database) async throws -> CouncilService {
        try unwrap(try await ServiceRepository(database: database).find(code: ServiceCode(code)!, councilID: DemoCouncil.council.id), code)
    }

    static func stored(_ item: Case, _ database: Database) async throws -> Case {
        try unwrap(try await CaseRepository(database: database).find(id: item.id, councilID: item.councilID), "the case")
    }

    @Test("A complaints officer passes a compliment to the missed-bin team; wrong choices and stale pages change nothing",
          arguments: TestDatabase.available)
    func passOn(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let compliment = try unwrap(try await sendDemoForm(database, code: "compliment", answers: ["what": ["The crew came back the same day"]]))
            try await ComplaintPageTests.signIn(browser, ComplaintPageTests.priya)
            let path = "/staff/cases/" + compliment.reference.description
            let page = try await browser.get(path).text
            #expect(page.contains(">Compliment</h2>") && page.contains("Not recorded yet") && page.contains("Customer services"))
            #expect(page.contains("Pass it to the service team"))
            #expect(!page.contains(">Make a complaint</option>") && page.contains(">Report a missed bin collection</option>"),
                    "feedback is about ordinary services, not about complaining")

            let complaintService = try await Self.service("complaint", database)
            for chosen in ["", UUID().uuidString, "not-an-id", complaintService.id.uuidString] {
                let refused = try await browser.postForm(path + "/feedback/service", [("feedback-service", chosen), ("version", String(compliment.version))])
                #expect(refused.status == .unprocessableContent && refused.text.contains("Select the service it is about"), "\(chosen)")
                #expect(refused.text.contains("href=\"#feedback-service\""), "the error summary links to the list")
            }
            #expect((try await Self.stored(compliment, database)).version == compliment.version, "nothing was saved")

            let missedBin = try await Self.service("missed-bin", database)
            let passed = try await browser.postForm(path + "/feedback/service", [("feedback-service", missedBin.id.uuidString),
                                                                                 ("version", String(compliment.version))])
            #expect(passed.headers[.location] == path + "?saved=1")
            let moved = try await Self.stored(compliment, database)
            #expect(moved.teamID == (try await Self.team("Waste and recycling", database)).id)
            let after = try await browser.get(path).text
            #expect(after.contains("Waste and recycling") && after.contains("About Report a missed bin collection: passed to Waste and recycling"))

            let stale = try await browser.postForm(path + "/feedback/service", [("feedback-service", (try await Self.service("pothole", database)).id.uuidString),
                                                                                ("version", String(compliment.version))])
            #expect(stale.status == .conflict && stale.text.contains("This case changed while you were looking at it"))
            #expect((try await Self.stored(compliment, database)).teamID == moved.teamID)
        }
    }

    @Test("Only compliments and comments have the section; an officer of another team sees it without the form and is refused",
          arguments: TestDatabase.available)
    func whoAndWhich(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let complaint = try unwrap(try await sendDemoForm(database, code: "complaint", answers: ["about": ["Bins left out"], "put-right": ["Bring them in"]]))
            let comment = try unwrap(try await sendDemoForm(database, code: "comment", answers: ["comment": ["Open the library on Sundays"]]))
            let highways = try await Self.team("Highways and street scene", database)
            let officer = StaffAccount(councilID: DemoCouncil.council.id, email: "roads@kingsmere.example", displayName: "Rhys Bell", role: .backOfficeOfficer)
            try await StaffAccountRepository(database: database, hasher: PasswordHasher(cost: 4)).create(officer, password: DemoCouncil.password)
            try await TeamRepository(database: database).setTeams(of: officer.id, to: [highways.id], on: database.sql)

            try await ComplaintPageTests.signIn(browser, ComplaintPageTests.priya)
            let complaintPath = "/staff/cases/" + complaint.reference.description
            #expect(!(try await browser.get(complaintPath).text.contains("feedback-heading")))
            let library = try await Self.service("join-library", database)
            #expect(try await browser.postForm(complaintPath + "/feedback/service", [("feedback-service", library.id.uuidString),
                                                                                     ("version", String(complaint.version))]).status == .notFound)

            let roads = BrowserLikeClient(browser.client)
            try await ComplaintPageTests.signIn(roads, officer)
            let commentPath = "/staff/cases/" + comment.reference.description
            let seen = try await roads.get(commentPath).text
            #expect(seen.contains(">Comment</h2>") && !seen.contains("feedback-service"), "seen, but held by Customer services")
            #expect(try await roads.postForm(commentPath + "/feedback/service", [("feedback-service", library.id.uuidString),
                                                                                 ("version", String(comment.version))]).status == .forbidden)
            #expect((try await Self.stored(comment, database)).version == comment.version)
        }
    }
}
