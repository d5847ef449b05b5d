import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
@testable import FrontDoorWeb
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Complaints on the case page and in My Account: stages, officers, responses, escalation, learning, the Ombudsman")
struct ComplaintPageTests {
    static let jo = DemoCouncil.staff[2], priya = DemoCouncil.staff[3]

    /// A resident's online complaint, sent; returns its reference and the resident's browser.
    static func residentComplains(_ browser: BrowserLikeClient, _ database: Database) async throws -> (String, BrowserLikeClient) {
        let resident = BrowserLikeClient(browser.client)
        try await ResidentJourney.signedInResident(resident, database)
        let base = try ServiceFormJourneyTests.draftBase(try await resident.postForm("/services/complaint/start", []).headers[.location])
        try await resident.postForm(base + "/about", [("about", "The bin crew left my street's bins in the road three weeks running.")])
        try await resident.postForm(base + "/put-right", [("put-right", "Return the bins to the kerb.")])
        try await resident.postForm(base, [])
        let customer = try #require(try await CustomerRepository(database: database, hasher: PasswordHasher(cost: 4))
            .find(email: "ann@example.com", councilID: DemoCouncil.council.id))
        let opened = try unwrap(try await CaseRepository(database: database).all(customerID: customer.id).first)
        return (opened.reference.description, resident)
    }

    static func stored(_ reference: String, _ database: Database) async throws -> (Case, ComplaintRepository.Complaint) {
        let item = try unwrap(try await CaseRepository(database: database).find(reference: CaseReference(reference)!, councilID: DemoCouncil.council.id))
        return (item, try unwrap(try await ComplaintRepository(database: database).find(caseID: item.id)))
    }

    static func signIn(_ browser: BrowserLikeClient, _ account: StaffAccount) async throws {
        try await browser.postForm("/staff/sign-in", [("email", account.email), ("password", DemoCouncil.password)])
    }

    @Test("Both stages: acknowledged with an officer, answered with outcome and remedy, escalated by the resident, a fresh officer for stage 2",
          arguments: TestDatabase.available)
    func bothStages(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let (reference, resident) = try await Self.residentComplains(browser, database)
            try await Self.signIn(browser, Self.priya)
            let path = "/staff/cases/" + reference
            let page = try await browser.get(path).text
            #expect(page.contains("Complaint: stage 1 of 2") && page.contains("Acknowledge the complaint"))
            #expect(!page.contains("Resolve it") && !page.contains(">Extend the deadline<"), "the ordinary forms leave stages to the complaint section")
            let generic = try await browser.postForm(path, [("next", "resolve"), ("version", "1")])
            #expect(generic.status == .unprocessableContent && generic.text.contains("A complaint is acknowledged, answered and escalated in its complaint section"))

            let noOfficer = try await browser.postForm(path + "/complaint/acknowledge", [("complaint-officer", ""), ("version", "1")])
            #expect(noOfficer.status == .unprocessableContent && noOfficer.text.contains("Select the officer who will handle this stage"))
            #expect(try await browser.postForm(path + "/complaint/acknowledge", [("complaint-officer", Self.jo.id.uuidString), ("version", "1")])
                .headers[.location] == path + "?saved=1")
            var (item, complaint) = try await Self.stored(reference, database)
            #expect(item.status == .acknowledged && complaint.stages[0].officerID == Self.jo.id && complaint.stages[0].acknowledgedOn != nil)

            let empty = try await browser.postForm(path + "/complaint/respond", [("version", String(item.version))])
            #expect(empty.status == .unprocessableContent && empty.text.contains("Select the outcome"))
            let noRemedy = try await browser.postForm(path + "/complaint/respond", [
                ("version", String(item.version)), ("outcome", "upheld"), ("root-cause", "Crew rota short"), ("response-text", "We are sorry.")])
            #expect(noRemedy.status == .unprocessableContent && noRemedy.text.contains("Select the remedy for an upheld complaint"))
            #expect(noRemedy.text.contains("Crew rota short"), "what was typed is shown again")
            let badAmount = try await browser.postForm(path + "/complaint/respond", [
                ("version", String(item.version)), ("outcome", "upheld"), ("remedies", "financial"), ("financial-amount", "fifty"),
                ("root-cause", "Crew rota short"), ("response-text", "We are sorry.")])
            #expect(badAmount.status == .unprocessableContent && badAmount.text.contains("Enter the amount in pounds and pence"))
            #expect(try await Self.stored(reference, database).1.stages[0].response == nil, "refusals change nothing")
            #expect(try await browser.postForm(path + "/complaint/respond", [
                ("version", String(item.version)), ("outcome", "upheld"), ("remedies", "apology"), ("remedies", "financial"), ("financial-amount", "50.00"),
                ("root-cause", "Crew rota short"), ("response-text", "We are sorry: the crew will return bins to the kerb.")]).status == .seeOther)
            (item, complaint) = try await Self.stored(reference, database)
            #expect(item.status == .resolved && complaint.stages[0].response?.financialRemedyPence == 5000
                    && complaint.stages[0].response?.remedies == [.apology, .financial])
            let answered = try await browser.get(path).text
            #expect(answered.contains("Financial remedy of £50.00") && answered.contains("Upheld"))

            // The resident escalates from My Account (a complaint is escalated, not reopened).
            let mine = "/account/requests/" + reference
            let own = try await resident.get(mine).text
            #expect(own.contains("Not happy with our response?") && own.contains("stage 2") && !own.contains("Reopen the request"))
            #expect(try await resident.postForm(mine + "/reopen", [("reopen-reason", "Still wrong"), ("version", String(item.version))]).status == .notFound)
            let noReason = try await resident.postForm(mine + "/escalate", [("escalation-reason", " "), ("version", String(item.version))])
            #expect(noReason.status == .unprocessableContent && noReason.text.contains("Tell us why our response did not put things right"))
            #expect(try await resident.postForm(mine + "/escalate", [("escalation-reason", "The bins were left in the road again."),
                                                                       ("version", String(item.version))])
                .headers[.location] == mine + "?saved=escalated")
            #expect(try await resident.get(mine + "?saved=escalated").text.contains("Your complaint has been escalated"))
            (item, complaint) = try await Self.stored(reference, database)
            #expect(item.status == .inProgress && complaint.stages.count == 2 && complaint.stages[1].reason == "The bins were left in the road again.")

            let stageTwo = try await browser.get(path).text
            #expect(stageTwo.contains("Complaint: stage 2 of 2") && stageTwo.contains("Someone who did not handle an earlier stage"))
            let officerChoices = try unwrap(stageTwo.components(separatedBy: "id=\"complaint-officer\"").dropFirst().first?
                .components(separatedBy: "</select>").first)
            #expect(officerChoices.contains("Priya Shah") && !officerChoices.contains("Jo Evans"), "stage 1's officer is not offered")
            let sameOfficer = try await browser.postForm(path + "/complaint/acknowledge", [("complaint-officer", Self.jo.id.uuidString),
                                                                                        ("version", String(item.version))])
            #expect(sameOfficer.status == .unprocessableContent
                    && sameOfficer.text.contains("An officer who handled an earlier stage cannot handle stage 2"))
            #expect(try await browser.postForm(path + "/complaint/acknowledge", [("complaint-officer", Self.priya.id.uuidString),
                                                                               ("version", String(item.version))]).status == .seeOther)
            (item, complaint) = try await Self.stored(reference, database)
            #expect(complaint.stages[1].officerID == Self.priya.id)
            #expect(try await browser.postForm(path + "/complaint/respond", [
                ("version", String(item.version)), ("outcome", "not-upheld"), ("root-cause", "Collections were made on the scheduled days."),
                ("response-text", "Having looked again, the crews returned the bins each week.")]).status == .seeOther)
            (item, complaint) = try await Self.stored(reference, database)
            #expect(item.status == .resolved && complaint.stages[1].response?.outcome == .notUpheld)
            let last = try await browser.get(path).text
            #expect(!last.contains("Escalate the complaint"), "two stages is the last under the code")
            let tooFar = try await resident.postForm(mine + "/escalate", [("escalation-reason", "Again"), ("version", String(item.version))])
            #expect(tooFar.status == .unprocessableContent && tooFar.text.contains("is the last stage"))
            #expect(try await resident.get(mine).text.contains("Having looked again, the crews returned the bins each week."))
        }
    }

    @Test("Only those who handle complaints may change one; extension is checked; a stale page saves nothing", arguments: TestDatabase.available)
    func permissionsAndExtension(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let (reference, _) = try await Self.residentComplains(browser, database)
            let path = "/staff/cases/" + reference
            let advisor = BrowserLikeClient(browser.client)
            try await Self.signIn(advisor, DemoCouncil.staff[1])
            #expect(!(try await advisor.get(path).text.contains("Acknowledge the complaint")))
            #expect(try await advisor.postForm(path + "/complaint/acknowledge", [("complaint-officer", Self.jo.id.uuidString), ("version", "1")])
                .status == .forbidden)

            try await Self.signIn(browser, Self.priya)
            let noDays = try await browser.postForm(path + "/complaint/extend", [("complaint-extra-days", ""), ("complaint-extension-reason", ""), ("version", "1")])
            #expect(noDays.status == .unprocessableContent && noDays.text.contains("Enter the extra working days")
                    && noDays.text.contains("Enter the reason, which the resident is told"))
            let tooMany = try await browser.postForm(path + "/complaint/extend", [("complaint-extra-days", "11"),
                                                                                ("complaint-extension-reason", "Waiting for the crew's records"), ("version", "1")])
            #expect(tooMany.status == .unprocessableContent && tooMany.text.contains("Extend by 1 to 10 working days"))
            #expect(try await browser.postForm(path + "/complaint/extend", [("complaint-extra-days", "5"),
                                                                          ("complaint-extension-reason", "Waiting for the crew's records"), ("version", "1")])
                .status == .seeOther)
            let (item, complaint) = try await Self.stored(reference, database)
            #expect(complaint.stages[0].extended?.workingDays == 5 && item.version == 2)
            let events = try await CaseRepository(database: database).events(caseID: item.id, includingInternal: false)
            #expect(events.contains { $0.text.contains("We need more time to respond to your complaint: Waiting for the crew's records") },
                    "the resident is told why and the new date")
            let stale = try await browser.postForm(path + "/complaint/acknowledge", [("complaint-officer", Self.jo.id.uuidString), ("version", "1")])
            #expect(stale.status == .conflict && stale.text.contains("This case changed while you were looking at it"))
            #expect(try await Self.stored(reference, database).1.stages[0].acknowledgedOn == nil)
        }
    }

    @Test("Learning actions are owned, due, done and published to \"You said, we did\"; an Ombudsman referral is recorded with its decision",
          arguments: TestDatabase.available)
    func learningAndOmbudsman(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let (reference, _) = try await Self.residentComplains(browser, database)
            try await Self.signIn(browser, Self.priya)
            let path = "/staff/cases/" + reference
            let subject = try await ServiceRepository(database: database).find(code: ServiceCode("missed-bin")!, councilID: DemoCouncil.council.id)
            #expect(try await browser.postForm(path + "/complaint/subject", [("about-service", UUID().uuidString)]).status == .unprocessableContent)
            let complaints = try await ServiceRepository(database: database).find(code: ServiceCode("complaint")!, councilID: DemoCouncil.council.id)
            #expect(try await browser.postForm(path + "/complaint/subject", [("about-service", try unwrap(complaints).id.uuidString)])
                .status == .unprocessableContent, "a complaint is about an ordinary service, not about complaining")
            #expect(try await browser.postForm(path + "/complaint/subject", [("about-service", try unwrap(subject).id.uuidString)]).status == .seeOther)

            let badDate = try await browser.postForm(path + "/complaint/learning", [
                ("you-said", "Bins were left in the road."), ("we-did", "Crews are briefed to return bins to the kerb."),
                ("learning-owner", Self.jo.id.uuidString), ("learning-due-day", "31"), ("learning-due-month", "2"), ("learning-due-year", "2027")])
            #expect(badDate.status == .unprocessableContent && badDate.text.contains("Enter a real date"))
            #expect(badDate.text.contains("Crews are briefed to return bins to the kerb."), "what was typed is kept")
            let noOwner = try await browser.postForm(path + "/complaint/learning", [("you-said", ""), ("we-did", "x"), ("learning-owner", "")])
            #expect(noOwner.status == .unprocessableContent && noOwner.text.contains("Enter what the resident told us")
                    && noOwner.text.contains("Select who owns the action"))
            #expect(try await browser.postForm(path + "/complaint/learning", [
                ("you-said", "Bins were left in the road."), ("we-did", "Crews are briefed to return bins to the kerb."),
                ("learning-owner", Self.jo.id.uuidString), ("learning-due-day", "26"), ("learning-due-month", "2"), ("learning-due-year", "2027")])
                .status == .seeOther)
            let (item, _) = try await Self.stored(reference, database)
            var action = try unwrap(try await LearningActionRepository(database: database).all(caseID: item.id).first)
            #expect(action.ownerID == Self.jo.id && action.dueOn == LocalDate(year: 2027, month: 2, day: 26) && !action.published)
            let actionPath = path + "/complaint/learning/" + action.id.uuidString.lowercased()
            let early = try await browser.postForm(actionPath, [("step", "publish")])
            #expect(early.status == .unprocessableContent && early.text.contains("Mark the learning action as done before publishing it"),
                    "only a finished action is published")
            #expect(!(try await browser.get("/you-said-we-did").text.contains("Crews are briefed")))
            #expect(try await browser.postForm(actionPath, [("step", "done")]).status == .seeOther)
            #expect(try await browser.postForm(actionPath, [("step", "publish")]).status == .seeOther)
            action = try unwrap(try await LearningActionRepository(database: database).all(caseID: item.id).first)
            #expect(action.completedOn != nil && action.published)
            let published = try await browser.get("/you-said-we-did").text
            #expect(published.contains("Crews are briefed to return bins to the kerb.") && published.contains("Report a missed bin collection"))
            #expect(!published.contains("Ann Jones"), "never who complained")
            #expect(try await browser.postForm(actionPath, [("step", "unpublish")]).status == .seeOther)
            #expect(!(try await browser.get("/you-said-we-did").text.contains("Crews are briefed")))

            let noReference = try await browser.postForm(path + "/complaint/ombudsman", [
                ("ombudsman", "local-government"), ("ombudsman-reference", ""), ("ombudsman-referred-day", "2"), ("ombudsman-referred-month", "11"),
                ("ombudsman-referred-year", "2026")])
            #expect(noReference.status == .unprocessableContent && noReference.text.contains("Enter the Ombudsman&#39;s reference"))
            let decisionWithoutDate = try await browser.postForm(path + "/complaint/ombudsman", [
                ("ombudsman", "local-government"), ("ombudsman-reference", "26 001 234"), ("ombudsman-referred-day", "2"),
                ("ombudsman-referred-month", "11"), ("ombudsman-referred-year", "2026"), ("ombudsman-decision", "maladministration")])
            #expect(decisionWithoutDate.status == .unprocessableContent
                    && decisionWithoutDate.text.contains("Enter the decision and the date it was made together"))
            #expect(try await OmbudsmanReferralRepository(database: database).find(caseID: item.id) == nil, "refusals change nothing")
            #expect(try await browser.postForm(path + "/complaint/ombudsman", [
                ("ombudsman", "local-government"), ("ombudsman-reference", "26 001 234"), ("ombudsman-referred-day", "2"),
                ("ombudsman-referred-month", "11"), ("ombudsman-referred-year", "2026"), ("ombudsman-decision", "partial-maladministration"),
                ("ombudsman-decided-day", "20"), ("ombudsman-decided-month", "11"), ("ombudsman-decided-year", "2026"),
                ("ombudsman-remedy", "Apologise and pay £100")]).status == .seeOther)
            let referral = try unwrap(try await OmbudsmanReferralRepository(database: database).find(caseID: item.id))
            #expect(referral.reference == "26 001 234" && referral.decision == .partialMaladministration
                    && referral.decidedOn == LocalDate(year: 2026, month: 11, day: 20))
            let page = try await browser.get(path).text
            #expect(page.contains("Fault found in part") && page.contains("Update the referral"))
            #expect(try await CaseRepository(database: database).events(caseID: item.id, includingInternal: true)
                .contains { $0.visibility == .internal && $0.text.contains("Ombudsman referral recorded") })
        }
    }

    @Test("The annual report counts by service, stage and outcome in HTML and CSV; a year it does not offer is a 400", arguments: TestDatabase.available)
    func annualReport(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let (reference, _) = try await Self.residentComplains(browser, database)
            try await Self.signIn(browser, Self.priya)
            let path = "/staff/cases/" + reference
            try await browser.postForm(path + "/complaint/acknowledge", [("complaint-officer", Self.jo.id.uuidString), ("version", "1")])
            try await browser.postForm(path + "/complaint/respond", [("version", "2"), ("outcome", "partly-upheld"), ("remedies", "apology"),
                                                                     ("root-cause", "Rota"), ("response-text", "Sorry.")])
            let year = FinancialYear(containing: LocalDate(Date()))
            let page = try await browser.get("/complaints-report").text
            #expect(page.contains("Complaints report \(year)") && page.contains("Complaints by service") && page.contains("Make a complaint"))
            #expect(page.contains("Complaints by stage") && page.contains("Stage 1"))
            let csv = try await browser.get("/complaints-report.csv?year=\(year.startYear)")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            let lines = csv.text.split(separator: "\n").map(String.init)
            #expect(lines.first == "financial_year,breakdown,item,measure,value")
            for line in ["\(year),all,complaints,received,1", "\(year),service,Make a complaint,partly_upheld,1", "\(year),stage,stage 1,responses,1",
                         "\(year),stage,stage 1,answered_on_time,1"] {
                #expect(lines.contains(line), "\(line)")
            }
            #expect(try await browser.get("/complaints-report?year=abc").status == .badRequest)
            #expect(try await browser.get("/complaints-report?year=\(year.startYear + 1)").status == .badRequest)
            let earlier = try await browser.get("/complaints-report.csv?year=\(year.startYear - 1)").text
            #expect(earlier.contains(",all,complaints,received,0"), "nothing received in an earlier year")
        }
    }

    @Test("\"You said, we did\" is in a council's footer, and not on the deployment's own pages, which have no council's learning to show")
    func footerLink() {
        let council = ChromeFactory.chrome(pageTitle: "Home", council: DemoCouncil.council, basePath: "/c/kingsmere")
        #expect(council.footerLinks.contains { $0.href == "/c/kingsmere/you-said-we-did" })
        let deployment = ChromeFactory.chrome(pageTitle: "Home", council: nil, basePath: "")
        #expect(!deployment.footerLinks.contains { $0.href.hasSuffix("/you-said-we-did") })
    }
}
