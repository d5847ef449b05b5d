import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Notification wording: each event on each channel, changed, previewed and put back")
struct NotificationTemplateTests {
    static let path = "/staff/notifications/case-received/sms"

    @Test("A manager previews, is refused an unknown placeholder, saves, and goes back to the default; advisors cannot",
          arguments: TestDatabase.available)
    func editAndPreview(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await browser.postForm("/staff/sign-in", [("email", "manager@kingsmere.example"), ("password", DemoCouncil.password)])
            #expect(try await browser.get("/staff").text.contains("href=\"/staff/notifications\""))
            let list = try await browser.get("/staff/notifications").text
            #expect(list.contains("Request received") && list.contains("href=\"\(Self.path)\"") && !list.contains(">Changed<"))

            let page = try await browser.get(Self.path).text
            #expect(page.contains("This is the default wording."))
            #expect(page.contains("Kingsmere Borough Council: we have your request FD-2026-000123 (Report a missed bin collection)."),
                    "the preview fills the example values")
            #expect(page.contains("characters, 1 text message"))

            let unknown = try await browser.postForm(Self.path, [("body", "Hello ((name)), your ((pet)) is ready"), ("action", "preview")])
            #expect(unknown.status == .unprocessableContent && unknown.text.contains("((pet)) is not available in this message"))
            let long = try await browser.postForm(Self.path, [("body", String(repeating: "Bins ", count: 200)), ("action", "save")])
            #expect(long.status == .unprocessableContent && long.text.contains("The text message is too long"))
            let templates = NotificationTemplateRepository(database: database)
            #expect(try await templates.current(councilID: DemoCouncil.council.id, event: .caseReceived, channel: .sms).changedBy == nil)

            let welsh = try await browser.postForm(Self.path, [("body", "Diolch ((name)) – cyfeirnod ((reference)). Gŵyl"), ("action", "preview")])
            #expect(welsh.status == .ok && welsh.text.contains("Preview (not saved)") && welsh.text.contains("Diolch Margaret Okafor – cyfeirnod FD-2026-000123"))
            #expect(welsh.text.contains("1 text message (a character outside the basic text alphabet"), "ŵ and – make it Unicode")
            let saved = try await browser.postForm(Self.path, [("body", "Thanks ((name)): ((reference)) is with us."), ("action", "save")])
            #expect(saved.headers[.location] == Self.path + "?saved=1")
            let current = try await templates.current(councilID: DemoCouncil.council.id, event: .caseReceived, channel: .sms)
            #expect(current.template.body == "Thanks ((name)): ((reference)) is with us." && current.changedBy == "Jo Evans")
            #expect(try await browser.get("/staff/notifications").text.contains(">Changed<"))

            #expect(try await browser.postForm(Self.path + "/reset", []).headers[.location] == Self.path + "?reset=1")
            #expect(try await templates.current(councilID: DemoCouncil.council.id, event: .caseReceived, channel: .sms).changedBy == nil)
            #expect(try await browser.get("/staff/notifications/case-received/pigeon").status == .notFound)

            let advisor = BrowserLikeClient(browser.client)
            try await advisor.postForm("/staff/sign-in", [("email", "advisor@kingsmere.example"), ("password", DemoCouncil.password)])
            #expect(try await advisor.get("/staff/notifications").status == .forbidden)
        }
    }
}
