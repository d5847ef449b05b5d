import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("My Account: a resident's requests, their timelines, and what the resident can do to them")
struct ResidentRequestTests {
    static func staffSignsIn(_ browser: BrowserLikeClient) async throws {
        try await browser.postForm("/staff/sign-in", [("email", "manager@kingsmere.example"), ("password", DemoCouncil.password)])
    }

    static func find(_ reference: String, _ database: Database) async throws -> Case {
        try unwrap(try await CaseRepository(database: database).find(reference: try unwrap(CaseReference(reference)), councilID: DemoCouncil.council.id))
    }

    @Test("A resident sees their request and its confirmation email, answers the officer's question on the timeline; nobody else sees it",
          arguments: TestDatabase.available)
    func replyWhenAsked(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let resident = BrowserLikeClient(browser.client)
            let reference = try await CasePageTests.residentSends(resident, database)
            let subjects = try await EmailOutbox(database: database).entries(to: "ann@example.com").map(\.subject)
            #expect(subjects.contains("We have received your request \(reference)"), "the confirmation goes to the outbox with the request")

            #expect(try await resident.get("/account").text.contains(reference), "the account's front page lists the latest requests")
            let list = try await resident.get("/account/requests").text
            #expect(list.contains(reference) && list.contains("Ask a question") && list.contains("Received"))
            let path = "/account/requests/" + reference
            var page = try await resident.get(path).text
            #expect(page.contains("When is the recycling centre open on bank holidays?") && page.contains("Request received: Ask a question"))
            #expect(page.contains("We aim to finish by") && !page.contains("Reply to us"))

            try await Self.staffSignsIn(browser)
            try await browser.postForm("/staff/cases/" + reference, [("next", "ask-customer"), ("message", "Which recycling centre do you mean?"), ("version", "1")])
            page = try await resident.get(path).text
            #expect(page.contains("Reply to us") && page.contains("Which recycling centre do you mean?") && page.contains("Waiting for your reply"))

            let empty = try await resident.postForm(path + "/reply", [("reply", "   "), ("version", "2")])
            #expect(empty.status == .unprocessableContent && empty.text.contains("Enter your reply") && empty.text.contains("href=\"#reply\""))
            let tooLong = try await resident.postForm(path + "/reply", [("reply", String(repeating: "a", count: 2001)), ("version", "2")])
            #expect(tooLong.status == .unprocessableContent && tooLong.text.contains("2,000 characters or fewer"))
            let stale = try await resident.postForm(path + "/reply", [("reply", "Marsh Lane"), ("version", "1")])
            #expect(stale.status == .conflict && stale.text.contains("was updated while you were looking at it"))
            #expect(try await Self.find(reference, database).status == .awaitingCustomer, "refused replies change nothing")

            let replied = try await resident.postForm(path + "/reply", [("reply", "The one on Marsh Lane"), ("version", "2")])
            #expect(replied.headers[.location] == path + "?saved=reply")
            #expect(try await Self.find(reference, database).status == .inProgress, "the reply restarts the clock")
            page = try await resident.get(path + "?saved=reply").text
            #expect(page.contains("Your reply has been sent") && page.contains("<strong>You</strong>") && page.contains("The one on Marsh Lane"))
            #expect(try await browser.get("/staff/cases/" + reference).text.contains("The one on Marsh Lane"), "the officer sees the reply")

            let other = BrowserLikeClient(browser.client)
            try await ResidentJourney.signedInResident(other, database, name: "Bob Smith", email: "bob@example.com")
            #expect(try await other.get(path).status == .notFound)
            #expect(try await other.postForm(path + "/withdraw", [("version", "3")]).status == .notFound)
            #expect(!(try await other.get("/account/requests").text.contains(reference)))
            #expect(try await Self.find(reference, database).status == .inProgress)
        }
    }

    @Test("Once resolved a resident rates it once, and reopens it with a reason; an open request can be withdrawn",
          arguments: TestDatabase.available)
    func rateReopenWithdraw(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let resident = BrowserLikeClient(browser.client)
            let reference = try await CasePageTests.residentSends(resident, database)
            let path = "/account/requests/" + reference
            let early = try await resident.postForm(path + "/rate", [("score", "5"), ("version", "1")])
            #expect(early.status == .unprocessableContent && early.text.contains("once it has been dealt with"))

            try await Self.staffSignsIn(browser)
            try await browser.postForm("/staff/cases/" + reference, [("next", "resolve"), ("message", "The centre opens 9 to 4 on bank holidays."), ("version", "1")])
            let page = try await resident.get(path).text
            #expect(page.contains("How did we do?") && page.contains("Not put right?") && !page.contains("Withdraw this request"))

            let noScore = try await resident.postForm(path + "/rate", [("rating-comment", "Quick"), ("version", "2")])
            #expect(noScore.status == .unprocessableContent && noScore.text.contains("Select how satisfied you are") && noScore.text.contains("Quick"))
            let outOfRange = try await resident.postForm(path + "/rate", [("score", "9"), ("version", "2")])
            #expect(outOfRange.status == .unprocessableContent)
            #expect(try await CaseRepository(database: database).rating(caseID: try await Self.find(reference, database).id) == nil)
            let rated = try await resident.postForm(path + "/rate", [("score", "4"), ("rating-comment", "Quick answer"), ("version", "2")])
            #expect(rated.headers[.location] == path + "?saved=rated")
            let again = try await resident.postForm(path + "/rate", [("score", "1"), ("version", "2")])
            #expect(again.status == .unprocessableContent && again.text.contains("You have already rated this request"))
            let stored = try await CaseRepository(database: database).rating(caseID: try await Self.find(reference, database).id)
            #expect(stored?.score == 4 && stored?.comment == "Quick answer")
            #expect(try await resident.get(path).text.contains("You rated this: Satisfied (4 out of 5)."))
            #expect(try await browser.get("/staff/cases/" + reference).text.contains("4 out of 5, satisfied: Quick answer"))

            let noReason = try await resident.postForm(path + "/reopen", [("reopen-reason", ""), ("version", "2")])
            #expect(noReason.status == .unprocessableContent && noReason.text.contains("Tell us what is still wrong"))
            let reopened = try await resident.postForm(path + "/reopen", [("reopen-reason", "The times are wrong"), ("version", "2")])
            #expect(reopened.headers[.location] == path + "?saved=reopened")
            #expect(try await Self.find(reference, database).status == .inProgress)
            #expect(try await resident.get(path).text.contains("You told us it was not put right: The times are wrong"))

            let withdrawn = try await resident.postForm(path + "/withdraw", [("withdraw-reason", "Found it online"), ("version", "3")])
            #expect(withdrawn.headers[.location] == path + "?saved=withdrawn")
            let after = try await Self.find(reference, database)
            #expect(after.status == .withdrawn && after.closedAt != nil)
            #expect(!(try await resident.get(path).text.contains("Withdraw this request")), "nothing is left to withdraw")
        }
    }

    @Test("Already reported? A resident follows the open report nearby instead of sending their own, and sees only where it stands",
          arguments: TestDatabase.available)
    func followInstead(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await browser.postForm("/staff/sign-in", [("email", "advisor@kingsmere.example"), ("password", DemoCouncil.password)])
            let (_, staffBase) = try await DuplicateCaseTests.reportLight(browser, latitude: "52.2119", longitude: "-0.9913")
            try await browser.postForm(staffBase, [])
            let original = try unwrap(try await CaseRepository(database: database).all(customerID: UUID(uuidString: ServiceFormJourneyTests.margaret)!).first)

            let resident = BrowserLikeClient(browser.client)
            try await ResidentJourney.signedInResident(resident, database)
            let base = try ServiceFormJourneyTests.draftBase(try await resident.postForm("/services/street-light/start", []).headers[.location])
            try await resident.postForm(base + "/location", [("location-latitude", "52.21217"), ("location-longitude", "-0.9913"), ("location-description", "")])
            try await resident.postForm(base + "/column-number", [("column-number", "")])
            try await resident.postForm(base + "/fault", [("fault", "out")])
            try await resident.postMultipart(base + "/photo", [])
            let check = try await resident.get(base).text
            #expect(check.contains("Follow \(original.reference) instead"))

            let unknown = try await resident.postForm(base + "/already-reported/FD-2020-000999", [])
            #expect(unknown.status == .notFound)
            let followed = try await resident.postForm(base + "/already-reported/\(original.reference)", [])
            #expect(followed.headers[.location] == "/account/requests/\(original.reference)?saved=followed")
            #expect(try await ServiceFormJourneyTests.drafts(database) == 0, "the resident's own report is not kept")

            let page = try await resident.get("/account/requests/\(original.reference)?saved=followed").text
            #expect(page.contains("You are following this report") && page.contains("A report you follow"))
            #expect(!page.contains("Request received: Report a street light fault"), "what was said to the reporter stays theirs")
            #expect(!page.contains("Withdraw this request") && !page.contains("What you sent"))
            let list = try await resident.get("/account/requests").text
            #expect(list.contains("Reports you follow") && list.contains(original.reference.description))
            #expect(try await resident.postForm("/account/requests/\(original.reference)/withdraw", [("version", "1")]).status == .notFound)

            #expect(try await resident.postForm("/account/requests/\(original.reference)/unfollow", []).headers[.location] == "/account/requests")
            #expect(try await resident.get("/account/requests/\(original.reference)").status == .notFound)
        }
    }

    @Test("A report joined to another as a duplicate: its resident follows the one it joined", arguments: TestDatabase.available)
    func mergedIntoFollowed(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let firstResident = BrowserLikeClient(browser.client)
            let first = try await CasePageTests.residentSends(firstResident, database)
            let second = BrowserLikeClient(browser.client)
            try await ResidentJourney.signedInResident(second, database, name: "Bob Smith", email: "bob@example.com")
            let base = try ServiceFormJourneyTests.draftBase(try await second.postForm("/services/general-enquiry/start", []).headers[.location])
            try await second.postForm(base + "/question", [("question", "Recycling centre hours on bank holidays?")])
            try await second.postForm(base + "/reply-by", [("reply-by", "email")])
            let sent = try await second.postForm(base, [])
            let secondReference = try unwrap(sent.headers[.location]?.split(separator: "/").last?.split(separator: "?").first.map(String.init))

            try await Self.staffSignsIn(browser)
            // General enquiries carry no location, so the merge form is not offered; the route still
            // joins reports of one service, which these are.
            let merged = try await browser.postForm("/staff/cases/\(secondReference)/merge", [("into", first), ("version", "1")])
            #expect(merged.headers[.location] == "/staff/cases/\(first)?saved=1")
            let list = try await second.get("/account/requests").text
            #expect(list.contains("Reports you follow") && list.contains(first))
            #expect(try await second.get("/account/requests/\(first)").status == .ok)
        }
    }

    @Test("Download your data: the account's details, consents and requests as JSON, without the council's internal notes",
          arguments: TestDatabase.available)
    func downloadData(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let resident = BrowserLikeClient(browser.client)
            let reference = try await CasePageTests.residentSends(resident, database)
            try await Self.staffSignsIn(browser)
            try await browser.postForm("/staff/cases/\(reference)/notes", [("note", "Staff only: check the rota"), ("visibility", "internal")])
            try await browser.postForm("/staff/cases/\(reference)/notes", [("note", "We are checking the rota"), ("visibility", "public")])

            #expect(try await resident.get("/account").text.contains("/account/download-your-data"))
            let download = try await resident.get("/account/download-your-data")
            #expect(download.status == .ok && download.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(download.headers[.contentDisposition] == "attachment; filename=\"your-data-kingsmere.json\"")
            let json = try unwrap(try JSONSerialization.jsonObject(with: Data(download.text.utf8)) as? [String: Any])
            let details = try unwrap(json["details"] as? [String: Any])
            #expect(details["name"] as? String == "Ann Jones" && details["email"] as? String == "ann@example.com")
            let requests = try unwrap(json["requests"] as? [[String: Any]])
            #expect(requests.count == 1 && requests.first?["reference"] as? String == reference)
            let answers = try unwrap(requests.first?["answers"] as? [[String: Any]])
            #expect(answers.contains { ($0["answer"] as? [String])?.contains("When is the recycling centre open on bank holidays?") == true })
            #expect(download.text.contains("We are checking the rota") && !download.text.contains("Staff only: check the rota"))

            let signedOut = try await BrowserLikeClient(browser.client).get("/account/download-your-data")
            #expect(signedOut.status == .seeOther, "only the signed-in resident downloads their own data")
        }
    }
}
