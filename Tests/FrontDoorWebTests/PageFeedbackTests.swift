import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
@testable import FrontDoorWeb
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Is this page useful? Asked on residents' pages, stored without anything personal, reported to managers")
struct PageFeedbackTests {
    @Test("Paths are stored without queries, and without anything that identifies or opens something", arguments: [
        ("/", "/"), ("/search?q=my+address", "/search"), ("/forms/Zx8_kd93jdKd0s9dk2jdl/address", "/forms/{draft}/address"),
        ("/account/requests/FD-2026-000123", "/account/requests/{reference}"), ("/sent/FD-2026-000001", "/sent/{reference}"),
        ("/services/missed-bin/guest/abcdefghijklmnopqrstuvwxyz012345", "/services/missed-bin/guest/{link}"),
        ("/page-feedback/6f1c2a4e-0d1b-4c39-9a55-3b8e2f1a7e01", "/page-feedback/{id}"),
        ("/account/confirm-email#top", "/account/confirm-email"),
    ])
    func normalised(path: String, stored: String) {
        #expect(PageFeedbackPath.normalise(path) == stored)
    }

    @Test("Paths that are not paths are refused")
    func refused() {
        #expect(PageFeedbackPath.normalise("https://elsewhere.example/") == nil)
        #expect(PageFeedbackPath.normalise("/a b") == nil)
        #expect(PageFeedbackPath.normalise("/" + String(repeating: "a", count: 400)) == nil)
    }

    @Test("A resident answers No and adds a comment; a manager sees it by page and downloads it; staff pages do not ask",
          arguments: TestDatabase.available)
    func answerAndReport(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let home = try await browser.get("/").text
            #expect(home.contains("Is this page useful?") && home.contains("name=\"page\" value=\"/\""))
            #expect(try await browser.get("/search?q=bins").text.contains("name=\"page\" value=\"/search\""))

            let bad = try await browser.postForm("/page-feedback", [("page", "/"), ("useful", "maybe")])
            #expect(bad.status == .badRequest && bad.text.contains("Your answer was not recorded"))
            let answered = try await browser.postForm("/page-feedback", [("page", "/search?q=bins"), ("useful", "no")])
            let thanks = try unwrap(answered.headers[.location])
            #expect(thanks.hasPrefix("/page-feedback/"))
            let thanksPage = try await browser.get(thanks).text
            #expect(thanksPage.contains("What was wrong with the page?") && !thanksPage.contains("Is this page useful?"))
            let empty = try await browser.postForm(thanks, [("comment", " ")])
            #expect(empty.status == .unprocessableContent && empty.text.contains("Enter your comment"))
            #expect(try await browser.postForm(thanks, [("comment", "=HYPERLINK(\"x\") could not find recycling")]).headers[.location] == thanks + "?saved=1")
            #expect(!(try await browser.get(thanks + "?saved=1").text.contains("<textarea")), "one comment per answer")
            try await browser.postForm("/page-feedback", [("page", "/search"), ("useful", "yes")])
            try await browser.postForm("/page-feedback", [("page", "/"), ("useful", "yes")])

            let stored = try await PageFeedbackRepository(database: database).answers(councilID: DemoCouncil.council.id, since: .distantPast)
            #expect(stored.count == 3 && stored.allSatisfy { $0.page_path == "/search" || $0.page_path == "/" })

            try await browser.postForm("/staff/sign-in", [("email", "manager@kingsmere.example"), ("password", DemoCouncil.password)])
            let staffHome = try await browser.get("/staff").text
            #expect(staffHome.contains("/staff/page-feedback") && !staffHome.contains("Is this page useful?</h2>"))
            let report = try await browser.get("/staff/page-feedback").text
            #expect(report.contains("/search") && report.contains("50%") && report.contains("could not find recycling"))
            let csv = try await browser.get("/staff/page-feedback.csv?days=7")
            #expect(csv.headers[.contentDisposition] == "attachment; filename=\"page-feedback-last-7-days.csv\"")
            #expect(csv.text.hasPrefix("answered_at,page,useful,comment") && csv.text.contains("'=HYPERLINK"), "formulas are neutralised")

            let advisor = BrowserLikeClient(browser.client)
            try await advisor.postForm("/staff/sign-in", [("email", "advisor@kingsmere.example"), ("password", DemoCouncil.password)])
            #expect(try await advisor.get("/staff/page-feedback").status == .forbidden)
        }
    }
}
