import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import FrontDoorWeb
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The audit trail for administrators")
struct AuditTrailPageTests {
    /// The demo deployment with the administrator signed in (two-factor set up on the way).
    func withAdmin(_ kind: TestDatabase, _ body: @escaping @Sendable (BrowserLikeClient, Database) async throws -> Void) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await browser.postForm("/staff/sign-in", [("email", "advisor@kingsmere.example"), ("password", "wrong password")])
            // A formula that still passes the email check, as an attacker would type it.
            try await browser.postForm("/staff/sign-in", [("email", "=1+1@evil.example"), ("password", "x")])
            try await signInAsAdministrator(browser)
            try await body(browser, database)
        }
    }

    @Test("Administrators see every event, newest first, in UK date format", arguments: TestDatabase.available)
    func listsEvents(database kind: TestDatabase) async throws {
        try await withAdmin(kind) { browser, _ in
            #expect(try await browser.get("/staff").text.contains(#"href="/staff/audit""#))
            let page = try await browser.get("/staff/audit")
            #expect(page.status == .ok)
            #expect(page.text.contains("Sign-in failed"))
            #expect(page.text.contains("advisor@kingsmere.example"))
            #expect(page.text.contains("Two-factor sign-in set up"))
            #expect(page.text.contains(" at "), "dates read like '22 November 2026 at 5:04pm'")
        }
    }

    @Test("Filtering by what happened and by who narrows the list", arguments: TestDatabase.available)
    func filters(database kind: TestDatabase) async throws {
        try await withAdmin(kind) { browser, _ in
            let failures = try await browser.get("/staff/audit?event=sign-in-failed&actor=ADVISOR")
            let table = try #require(failures.text.range(of: "<table")).lowerBound
            let rows = String(failures.text[table...])
            #expect(rows.contains("advisor@kingsmere.example"))
            #expect(!rows.contains("evil.example"), "other actors are filtered out")
            #expect(!rows.contains("Two-factor sign-in set up"), "other events are filtered out")
            let wildcard = try await browser.get("/staff/audit?actor=%25")
            #expect(wildcard.text.contains("No events match"), "a % in the search is a literal, not a wildcard")
        }
    }

    @Test("The CSV export has a header, neutralises formulas, and is itself recorded", arguments: TestDatabase.available)
    func csvExport(database kind: TestDatabase) async throws {
        try await withAdmin(kind) { browser, database in
            let csv = try await browser.get("/staff/audit.csv")
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.headers[.contentDisposition]?.contains("attachment") == true)
            let lines = csv.text.split(separator: "\n").map(String.init)
            #expect(lines.first == "occurred_at,actor,event,subject,address")
            #expect(lines.contains { $0.contains("'=1+1@evil.example") })
            #expect(!lines.contains { $0.contains(",=1+1") })
            let kinds = try await AuditTrail(database: database).events(councilID: DemoCouncil.council.id).map(\.kind)
            #expect(kinds.first == .auditTrailExported)
        }
    }

    @Test("Staff whose role does not include the audit trail get the 403 page", arguments: ["advisor@kingsmere.example", "manager@kingsmere.example"])
    func otherRolesForbidden(email: String) async throws {
        try await withTestApplication(database: .sqlite) { client in
            let browser = BrowserLikeClient(client)
            try await browser.postForm("/staff/sign-in", [("email", email), ("password", DemoCouncil.password)])
            #expect(!(try await browser.get("/staff").text.contains("/staff/audit")))
            for path in ["/staff/audit", "/staff/audit.csv"] {
                let response = try await browser.get(path)
                #expect(response.status == .forbidden, "\(path)")
                #expect(response.text.contains("You cannot do that"))
                #expect(response.text.contains("your role does not include this"))
            }
        }
    }

    @Test("Spreadsheet formulas are neutralised; ordinary text is untouched",
          arguments: [("=SUM(A1)", "'=SUM(A1)"), ("+44 1632", "'+44 1632"), ("-1", "'-1"), ("@cmd", "'@cmd"), ("admin@kingsmere.example", "admin@kingsmere.example")])
    func spreadsheetSafe(input: String, output: String) {
        #expect(SpreadsheetSafeCell.make(input) == output)
    }

    @Test("UK dates in UK time, either side of the clock change")
    func ukDates() {
        #expect(UKDateFormat.dateAndTime(Date(timeIntervalSince1970: 1_782_900_000)) == "1 July 2026 at 11:00am")
        #expect(UKDateFormat.dateAndTime(Date(timeIntervalSince1970: 1_795_000_000)) == "18 November 2026 at 11:06am")
    }
}
