import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing

@Suite("Background jobs in administration")
struct JobQueuePageTests {
    @Test("An administrator retries a dead job, and the audit trail says so; an advisor can neither see nor change jobs",
          arguments: TestDatabase.available)
    func retryAndDiscard(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let queue = JobQueue(database: database)
            try await queue.enqueue(NewJob(kind: "retired-kind", councilID: DemoCouncil.council.id, runAt: Date() + 3600))
            // Claimed as if an hour on, so that the server's own worker cannot take it first.
            let claimed = try unwrap(try await queue.claim(worker: "test", now: Date() + 7200).first)
            try await queue.fail(claimed, worker: "test", error: "No handler for jobs of kind retired-kind", retryAt: nil,
                                 at: Date() - 3600)

            try await signInAsAdministrator(browser)
            let page = try await browser.get("/staff/jobs").text
            #expect(page.contains("retired-kind") && page.contains("No handler for jobs of kind retired-kind"))
            let path = "/staff/jobs/\(claimed.id.uuidString.lowercased())"
            let retriedFrom = Date() - 60
            #expect(try await browser.postForm(path + "/retry", []).headers[.location] == "/staff/jobs?retried=1")
            // The server's own worker may take it again at once and, having no handler, kill it again;
            // either way the retry queued it afresh, which moved its time to run to now.
            struct Row: Decodable { var run_at: Date }
            let again = try unwrap(try await database.sql.select().column("run_at").from("jobs").where("id", .equal, claimed.id).first(decoding: Row.self))
            #expect(again.run_at >= retriedFrom)
            let trail = try await AuditTrail(database: database).events(councilID: DemoCouncil.council.id)
            #expect(trail.contains { $0.kind == .backgroundJobRetried && $0.subject.contains(claimed.id.uuidString) })

            let advisor = BrowserLikeClient(browser.client)
            try await advisor.postForm("/staff/sign-in", [("email", "advisor@kingsmere.example"), ("password", DemoCouncil.password)])
            #expect(try await advisor.get("/staff/jobs").status == .forbidden)
            #expect(try await advisor.postForm(path + "/discard", []).status == .forbidden)
        }
    }
}
