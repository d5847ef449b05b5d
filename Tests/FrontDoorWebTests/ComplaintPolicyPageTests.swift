import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("A council's complaints policy, and which process a service's requests follow")
struct ComplaintPolicyPageTests {
    /// The corporate policy's form, filled in: acknowledge within `acknowledge`, then each stage's name, days and longest extension.
    static func corporate(acknowledge: String, stages: [(String, String, String)], differentOfficer: Bool = true) -> [(String, String)] {
        var fields = [("corporate-acknowledge", acknowledge)]
        for (index, stage) in stages.enumerated() {
            fields += [("corporate-stage-\(index + 1)-name", stage.0), ("corporate-stage-\(index + 1)-days", stage.1),
                       ("corporate-stage-\(index + 1)-extension", stage.2)]
        }
        return fields + (differentOfficer ? [("corporate-different-officer", "yes")] : [])
    }

    @Test("An administrator sets a three-stage policy for new complaints, told it departs from the code; bad numbers save nothing; the standard comes back",
          arguments: TestDatabase.available)
    func policy(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await signInAsAdministrator(browser)
            let complaints = ComplaintRepository(database: database)
            let council = DemoCouncil.council.id
            let page = try await browser.get("/staff/complaint-policy").text
            #expect(page.contains("The Ombudsmen&#39;s complaint handling code&#39;s timescales.") || page.contains("The Ombudsmen's complaint handling code's timescales."))
            #expect(page.contains(#"value="Stage 1""#) && page.contains(#"value="20""#) && page.contains("Stage 3 (optional)"))

            let bad = try await browser.postForm("/staff/complaint-policy/corporate", Self.corporate(
                acknowledge: "0", stages: [("Stage 1", "ten", "10"), ("", "20", "20"), ("Stage 3", "200", "")]))
            #expect(bad.status == .unprocessableContent)
            for message in ["Enter stage 1&#39;s working days to respond", "Enter a name for stage 2", "Acknowledgement must be due within 1 to 20 working days"] {
                #expect(bad.text.contains(message) || bad.text.contains(message.replacingOccurrences(of: "&#39;", with: "'")), "\(message)")
            }
            #expect(bad.text.contains(#"value="ten""#), "what was typed is shown again")
            #expect(try await complaints.policy(councilID: council, type: .corporate) == .complaintHandlingCode, "a refused form saves nothing")

            let tooLong = try await browser.postForm("/staff/complaint-policy/corporate", Self.corporate(acknowledge: "5", stages: [("Stage 1", "200", "0")]))
            #expect(tooLong.status == .unprocessableContent && tooLong.text.contains("response must be due within 1 to 100 working days"))

            let saved = try await browser.postForm("/staff/complaint-policy/corporate", Self.corporate(
                acknowledge: "3", stages: [("Stage 1", "15", "5"), ("Stage 2", "20", "10"), ("Stage 3", "25", "")]))
            #expect(saved.headers[.location] == "/staff/complaint-policy?saved=The%20policy%20has%20been%20saved")
            let stored = try await complaints.policy(councilID: council, type: .corporate)
            #expect(stored.acknowledgementWorkingDays == 3 && stored.differentOfficerEachStage && stored.countsFromAcknowledgement)
            #expect(stored.stages == [.init(name: "Stage 1", responseWorkingDays: 15, longestExtensionWorkingDays: 5),
                                      .init(name: "Stage 2", responseWorkingDays: 20, longestExtensionWorkingDays: 10),
                                      .init(name: "Stage 3", responseWorkingDays: 25, longestExtensionWorkingDays: 0)])
            #expect(try await browser.get("/staff/complaint-policy").text.contains("This policy departs from the Ombudsmen"))
            #expect(try await complaints.policy(councilID: council, type: .childrensSocialCare) == .childrensSocialCare, "the other type is untouched")

            let events = try await AuditTrail(database: database).events(councilID: council, limit: 20)
            #expect(events.contains { $0.kind == .councilSettingChanged && $0.subject.contains("Stage 3 25 (+0)") })

            #expect(try await browser.postForm("/staff/complaint-policy/corporate/reset", []).status == .seeOther)
            #expect(try await complaints.policy(councilID: council, type: .corporate) == .complaintHandlingCode)
            #expect(try await browser.postForm("/staff/complaint-policy/no-such-type", []).status == .notFound)
        }
    }

    @Test("Only administrators keep the policy", arguments: TestDatabase.available)
    func onlyAdministrators(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await browser.postForm("/staff/sign-in", [("email", DemoCouncil.staff[3].email), ("password", DemoCouncil.password)])
            #expect(try await browser.get("/staff/complaint-policy").status == .forbidden)
            #expect(try await browser.postForm("/staff/complaint-policy/corporate", Self.corporate(acknowledge: "1", stages: [("Only", "1", "0")])).status == .forbidden)
            #expect(try await ComplaintRepository(database: database).policy(councilID: DemoCouncil.council.id, type: .corporate) == .complaintHandlingCode)
        }
    }

    @Test("A manager chooses the process a service's new requests follow; a form that does not say leaves it as it was",
          arguments: TestDatabase.available)
    func serviceProcess(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await ServiceAdministrationTests.signInAsManager(browser)
            let services = ServiceRepository(database: database), processes = ServiceProcessRepository(database: database)
            let council = DemoCouncil.council.id
            let enquiry = try #require(try await services.find(code: ServiceCode("general-enquiry")!, councilID: council))
            let page = try await browser.get("/staff/services/general-enquiry").text
            #expect(page.contains("How its requests are handled") && page.contains(#"<option value="standard" selected>"#))
            #expect(try await browser.get("/staff/services/foi-request").text.contains(#"<option value="foi" selected>"#))

            let fields = ServiceDetailsFormFields.of(enquiry)
            let bad = try await browser.postForm("/staff/services/general-enquiry", fields + [("process", "telepathy")])
            #expect(bad.status == .unprocessableContent && bad.text.contains("Select how its requests are handled from the list"))
            #expect(try await processes.process(serviceID: enquiry.id) == .standard)

            #expect(try await browser.postForm("/staff/services/general-enquiry", fields + [("process", "comment")]).status == .seeOther)
            #expect(try await processes.process(serviceID: enquiry.id) == .comment)
            #expect(try await browser.postForm("/staff/services/general-enquiry", fields).status == .seeOther)
            #expect(try await processes.process(serviceID: enquiry.id) == .comment, "a form without the box leaves the process alone")
            let events = try await AuditTrail(database: database).events(councilID: council, limit: 20)
            #expect(events.contains { $0.kind == .serviceChanged && $0.subject == "service general-enquiry now handled as comments" })
        }
    }
}
