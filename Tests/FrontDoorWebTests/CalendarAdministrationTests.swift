import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Working days and case rules, kept by administrators")
struct CalendarAdministrationTests {
    @Test("Rules are checked and saved; a bank holidays file must be GOV.UK's; closure days count as non-working for new cases",
          arguments: TestDatabase.available)
    func calendar(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await signInAsAdministrator(browser)
            let page = try await browser.get("/staff/calendar").text
            #expect(page.contains("Using the file that comes with FrontDoor") && page.contains(#"value="17:00""#))

            let bad = try await browser.postForm("/staff/calendar/rules", [("cut-off", "5pm"), ("acknowledge", "0"), ("reopen", "400")])
            #expect(bad.status == .unprocessableContent)
            for message in ["The cut-off must be a time of day", "Acknowledgement must be within 1 to 20 working days", "The reopening window must be from 0 to 365 days"] {
                #expect(bad.text.contains(message), "\(message)")
            }
            #expect(try await browser.postForm("/staff/calendar/rules", [("cut-off", "16:30"), ("acknowledge", "2"), ("reopen", "14")]).status == .seeOther)
            let calendars = CouncilCalendarRepository(database: database, shipped: try ShippedBankHolidays.load())
            #expect(try await calendars.settings(councilID: DemoCouncil.council.id)
                == CaseRules.Settings(cutOffMinutes: 16 * 60 + 30, acknowledgeWithinWorkingDays: 2, reopenWindowDays: 14))

            let notGovUK = try await browser.postMultipart("/staff/calendar/bank-holidays", [], files: [
                .init(field: "bank-holidays", fileName: "holidays.json", contentType: "application/json", data: Data(#"{"holidays": []}"#.utf8))])
            #expect(notGovUK.status == .unprocessableContent && notGovUK.text.contains("The file was not used"))
            let shippedFile = try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Sources/FrontDoorPersistence/Resources/BankHolidays/bank-holidays.json"))
            let uploaded = try await browser.postMultipart("/staff/calendar/bank-holidays", [], files: [
                .init(field: "bank-holidays", fileName: "bank-holidays.json", contentType: "application/json", data: shippedFile)])
            #expect(uploaded.status == .seeOther)
            #expect(try await browser.get("/staff/calendar").text.contains("Using the file uploaded for this council"))

            let weekend = try await browser.postForm("/staff/calendar/closures", [("closure-day", "28"), ("closure-month", "11"), ("closure-year", "2026"), ("reason", "Stocktake")])
            #expect(weekend.status == .unprocessableContent && weekend.text.contains("That date is a weekend"))
            #expect(try await browser.postForm("/staff/calendar/closures", [("closure-day", "31"), ("closure-month", "2"), ("closure-year", "2027"), ("reason", "")])
                .text.contains("Enter a real date"))

            // Close the day a new request would be acknowledged by: new cases skip it.
            let council = try unwrap(try await CouncilRepository(database: database).find(slug: DemoCouncil.council.slug))
            let now = Date()
            let before = try await calendars.rules(for: council).intake.acknowledgeBy(receivedAt: now)
            let added = try await browser.postForm("/staff/calendar/closures", [("closure-day", String(before.day)), ("closure-month", String(before.month)),
                                                                               ("closure-year", String(before.year)), ("reason", "Staff training day")])
            #expect(added.status == .seeOther)
            #expect(try await browser.get("/staff/calendar").text.contains("Staff training day"))
            let after = try await calendars.rules(for: council).intake.acknowledgeBy(receivedAt: now)
            #expect(after > before)
            let reference = try await CasePageTests.residentSends(BrowserLikeClient(browser.client), database)
            let opened = try unwrap(try await CaseRepository(database: database).find(reference: CaseReference(reference)!, councilID: council.id))
            #expect(opened.acknowledgeBy == after || opened.acknowledgeBy > after, "the closure day does not count")

            #expect(try await browser.postForm("/staff/calendar/closures/remove", [("day", before.description)]).status == .seeOther)
            #expect(!(try await browser.get("/staff/calendar").text.contains("Staff training day")))
        }
    }

    @Test("Only administrators keep the calendar")
    func permissions() async throws {
        try await withDemoDeployment(database: .sqlite) { browser, _ in
            try await browser.postForm("/staff/sign-in", [("email", "manager@kingsmere.example"), ("password", DemoCouncil.password)])
            #expect(try await browser.get("/staff/calendar").status == .forbidden)
            #expect(try await browser.postForm("/staff/calendar/closures/remove", [("day", "2026-12-29")]).status == .forbidden)
        }
    }
}
