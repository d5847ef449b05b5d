import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
@testable import FrontDoorWeb
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing

@Suite("Information requests on the case page: the legal clock, its pauses and extension, what was withheld, the response and the disclosure log")
struct InformationRequestPageTests {
    static let sam = DemoCouncil.staff[1], jo = DemoCouncil.staff[2], owen = DemoCouncil.staff[4]

    static let foiQuestion = "How many missed bin reports did the council receive each month in 2025, by ward? Mine at 4 Elm Road was missed twice."

    /// Sends a request online from the resident's own account; returns the new case's reference.
    static func residentAsks(_ service: String, _ pages: [(String, [(String, String)])], as resident: BrowserLikeClient,
                             _ database: Database) async throws -> String {
        let customer = try #require(try await CustomerRepository(database: database, hasher: PasswordHasher(cost: 4))
            .find(email: "ann@example.com", councilID: DemoCouncil.council.id))
        let earlier = Set(try await CaseRepository(database: database).all(customerID: customer.id).map(\.reference.description))
        let base = try ServiceFormJourneyTests.draftBase(try await resident.postForm("/services/\(service)/start", []).headers[.location])
        for (page, fields) in pages {
            let answered = try await resident.postForm(base + "/" + page, fields)
            #expect(answered.status == .seeOther, "the \(page) page takes the answer")
        }
        #expect(try await resident.postForm(base, []).status == .seeOther, "the request is sent")
        let now = try await CaseRepository(database: database).all(customerID: customer.id).map(\.reference.description)
        return try unwrap(now.first { !earlier.contains($0) }, "the new case")
    }

    /// Ann, signed in, asks for information under FOI; returns the reference and her browser.
    static func residentAsksFOI(_ browser: BrowserLikeClient, _ database: Database) async throws -> (String, BrowserLikeClient) {
        let resident = BrowserLikeClient(browser.client)
        try await ResidentJourney.signedInResident(resident, database)
        return (try await foi(as: resident, database), resident)
    }

    static func foi(as resident: BrowserLikeClient, _ database: Database) async throws -> String {
        try await residentAsks("foi-request", [("information", [("information", foiQuestion)]), ("format", [("format", "email")])],
                               as: resident, database)
    }

    static func stored(_ reference: String, _ database: Database) async throws -> (Case, InformationRequestRepository.Request) {
        let item = try unwrap(try await CaseRepository(database: database).find(reference: CaseReference(reference)!, councilID: DemoCouncil.council.id))
        return (item, try unwrap(try await InformationRequestRepository(database: database).find(caseID: item.id), "the information request"))
    }

    static func signIn(_ browser: BrowserLikeClient, _ account: StaffAccount) async throws {
        try await browser.postForm("/staff/sign-in", [("email", account.email), ("password", DemoCouncil.password)])
    }

    /// The demo council's calendars for statutory clocks, as the product counts them.
    static func calendars(_ database: Database) async throws -> StatutoryCalendars {
        try await CouncilCalendarRepository(database: database, shipped: try ShippedBankHolidays.load())
            .rules(for: DemoCouncil.council).statutoryCalendars
    }

    /// The three boxes of a date input.
    static func date(_ id: String, _ day: LocalDate?) -> [(String, String)] {
        [(id + "-day", day.map { String($0.day) } ?? ""), (id + "-month", day.map { String($0.month) } ?? ""),
         (id + "-year", day.map { String($0.year) } ?? "")]
    }

    static func due(_ clock: SubjectAccessClock, _ calendar: WorkingDayCalendar) -> LocalDate? {
        if case .running(let due, _) = clock.state(calendar: calendar) { return due }
        return nil
    }

    @Test("FOI: due on the twentieth working day; clarification stops the clock and restarts it; withheld information; the response; the disclosure log without the requester",
          arguments: TestDatabase.available)
    func freedomOfInformation(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let (reference, resident) = try await Self.residentAsksFOI(browser, database)
            try await Self.signIn(browser, Self.owen)
            let path = "/staff/cases/" + reference, section = path + "/information-request"
            let calendar = try await Self.calendars(database).informationRequests
            let today = LocalDate(Date())
            let twentieth = calendar.adding(workingDays: 20, to: today)
            var (item, request) = try await Self.stored(reference, database)
            #expect(request.kind == .freedomOfInformation && request.receivedOn == today && item.resolveBy == .date(twentieth))

            let page = try await browser.get(path).text
            #expect(page.contains("Freedom of Information request") && page.contains("By \(CaseDates.date(twentieth)) (the twentieth working day)"))
            #expect(page.contains("Ask for clarification") && page.contains("Send the response"))
            let generic = try await browser.postForm(path, [("next", "resolve"), ("version", String(item.version))])
            #expect(generic.status == .unprocessableContent
                    && generic.text.contains("An information request is paused, answered and extended in its own section"))
            #expect(try await Self.stored(reference, database).0.status == item.status, "the generic resolve changes nothing")

            // Asking for clarification stops the clock, and the requester sees the question.
            let noQuestion = try await browser.postForm(section + "/clarify", [("clarification-question", "  "), ("version", String(item.version))])
            #expect(noQuestion.status == .unprocessableContent && noQuestion.text.contains("Enter what the requester needs to clarify"))
            #expect(try await Self.stored(reference, database).1.clarifications.isEmpty, "a refusal stores nothing")
            let question = "Which wards do you mean: all of them, or only those in the north of the borough?"
            #expect(try await browser.postForm(section + "/clarify", [("clarification-question", question), ("version", String(item.version))])
                .headers[.location] == path + "?saved=1")
            (item, request) = try await Self.stored(reference, database)
            #expect(item.status == .awaitingCustomer && request.clarifications == [.init(askedOn: today)])
            #expect(request.statutoryClock?.state(on: today, calendar: calendar) == .awaitingClarification(since: today))
            #expect(try await resident.get("/account/requests/" + reference).text.contains(question), "the question is on the requester's timeline")
            #expect(try await browser.get(path).text.contains("Clock stopped: waiting for clarification"))

            // The requester took a week to reply: the request arrived, and the question was asked, seven days ago.
            let weekAgo = today.adding(days: -7)
            try await database.sql.update("information_requests").set("received_on", to: SQLBind(weekAgo.description))
                .where("case_id", .equal, item.id).run()
            try await database.sql.update("information_request_pauses").set("from_on", to: SQLBind(weekAgo.description))
                .where("case_id", .equal, item.id).run()

            let blank = try await browser.postForm(section + "/clarified", Self.date("clarified-on", nil) + [("version", String(item.version))])
            #expect(blank.status == .unprocessableContent && blank.text.contains("Enter the date the clarification arrived"))
            let future = try await browser.postForm(section + "/clarified", Self.date("clarified-on", today.adding(days: 1))
                                                    + [("version", String(item.version))])
            #expect(future.status == .unprocessableContent && future.text.contains("The date the clarification arrived must be today or in the past"))
            let beforeAsked = try await browser.postForm(section + "/clarified", Self.date("clarified-on", weekAgo.adding(days: -1))
                                                         + [("version", String(item.version))])
            #expect(beforeAsked.status == .unprocessableContent && beforeAsked.text.contains("The date must be on or after"))
            #expect(try await Self.stored(reference, database).1.clarifications[0].answeredOn == nil, "refusals change nothing")
            #expect(try await browser.postForm(section + "/clarified", Self.date("clarified-on", today) + [("version", String(item.version))])
                .headers[.location] == path + "?saved=1")
            (item, request) = try await Self.stored(reference, database)
            #expect(item.status == .inProgress && request.clarifications == [.init(askedOn: weekAgo, answeredOn: today)])
            let restarted = try unwrap(request.statutoryClock).state(on: today, calendar: calendar)
            #expect(restarted == .running(due: twentieth, statutory: twentieth), "the twenty working days count again from the clarification")
            #expect(item.resolveBy == .date(twentieth) && twentieth != calendar.adding(workingDays: 20, to: weekAgo))

            // Withheld information, each with its exemption.
            let withheld = WithheldItemRepository(database: database)
            let noTest = try await browser.postForm(section + "/withheld", [
                ("withheld-description", "Unit rates in the waste contract"), ("exemption", "s43(2)"), ("public-interest", ""),
                ("version", String(item.version))])
            #expect(noTest.status == .unprocessableContent && noTest.text.contains("Record the public interest test"))
            let eirOnly = try await browser.postForm(section + "/withheld", [
                ("withheld-description", "Unit rates in the waste contract"), ("exemption", "12(4)(a)"),
                ("public-interest", "Disclosure would harm the next tender."), ("version", String(item.version))])
            #expect(eirOnly.status == .unprocessableContent && eirOnly.text.contains("Select the exemption or exception from the list"),
                    "an EIR exception is no answer to an FOI request")
            #expect(try await withheld.all(caseID: item.id).isEmpty, "refusals record nothing")
            #expect(try await browser.postForm(section + "/withheld", [
                ("withheld-description", "Unit rates in the waste contract"), ("exemption", "s43(2)"),
                ("public-interest", "Disclosure would harm the next tender."), ("version", String(item.version))]).headers[.location] == path + "?saved=1")
            let recorded = try await withheld.all(caseID: item.id)
            let commercial = try unwrap(Exemption.find("s43(2)"))
            #expect(recorded.map(\.item) == [WithheldItem(description: "Unit rates in the waste contract", exemption: commercial,
                                                          publicInterestTest: "Disclosure would harm the next tender.")])

            // The response answers the request.
            let noResponse = try await browser.postForm(section + "/respond", [("information-response", ""), ("version", String(item.version))])
            #expect(noResponse.status == .unprocessableContent && noResponse.text.contains("Enter the response sent to the requester"))
            #expect(try await Self.stored(reference, database).1.answeredOn == nil)
            let response = "Dear Ann Jones, the council received 1,204 missed bin reports in 2025; the table by ward is attached."
            #expect(try await browser.postForm(section + "/respond", [("information-response", response), ("version", String(item.version))])
                .headers[.location] == path + "?saved=1")
            (item, request) = try await Self.stored(reference, database)
            #expect(item.status == .resolved && request.answeredOn == today && request.responseText == response)
            let answered = try await browser.get(path).text
            #expect(answered.contains("(on time)") && answered.contains("Publish on the disclosure log"))

            // The disclosure log: only after the redaction is confirmed, and never the requester.
            let publicLog = BrowserLikeClient(browser.client)
            let redactedRequest = "How many missed bin reports did the council receive each month in 2025, by ward?"
            let redactedResponse = "The council received 1,204 missed bin reports in 2025; the table by ward is attached."
            let unconfirmed = try await browser.postForm(section + "/publish", [
                ("disclosure-request", redactedRequest), ("disclosure-response", redactedResponse), ("version", String(item.version))])
            #expect(unconfirmed.status == .unprocessableContent
                    && unconfirmed.text.contains("Confirm that personal data and withheld information have been removed"))
            #expect(try await Self.stored(reference, database).1.disclosurePublishedAt == nil)
            #expect(!(try await publicLog.get("/disclosure-log").text.contains(reference)), "nothing is published unconfirmed")
            #expect(try await browser.postForm(section + "/publish", [
                ("disclosure-request", redactedRequest), ("disclosure-response", redactedResponse), ("redaction-confirmed", "yes"),
                ("version", String(item.version))]).headers[.location] == path + "?saved=1")
            (item, request) = try await Self.stored(reference, database)
            #expect(request.disclosurePublishedAt != nil && request.disclosureRequest == redactedRequest)
            let entries = try await DisclosureLogRepository(database: database).published(councilID: DemoCouncil.council.id)
            #expect(entries.map(\.reference.description) == [reference] && entries.first?.exemptions.map(\.code) == ["s43(2)"])
            let log = try await publicLog.get("/disclosure-log")
            #expect(log.status == .ok, "the log is public: no sign-in")
            #expect(log.text.contains(reference) && log.text.contains(redactedRequest) && log.text.contains(redactedResponse))
            #expect(log.text.contains("Section 43(2): commercial interests"))
            #expect(!log.text.contains("Ann Jones") && !log.text.contains("Elm Road"), "never the requester or their personal data")

            #expect(try await browser.postForm(section + "/unpublish", [("version", String(item.version))]).headers[.location] == path + "?saved=1")
            #expect(try await Self.stored(reference, database).1.disclosurePublishedAt == nil)
            #expect(try await DisclosureLogRepository(database: database).published(councilID: DemoCouncil.council.id).isEmpty)
            let after = try await publicLog.get("/disclosure-log").text
            #expect(!after.contains(reference) && !after.contains(redactedResponse))
        }
    }

    @Test("The requester's reply from My Account is the clarification: the clock runs again from the day it came", arguments: TestDatabase.available)
    func replyIsTheClarification(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let (reference, resident) = try await Self.residentAsksFOI(browser, database)
            try await Self.signIn(browser, Self.owen)
            let path = "/staff/cases/" + reference
            var (item, _) = try await Self.stored(reference, database)
            #expect(try await browser.postForm(path + "/information-request/clarify", [
                ("clarification-question", "Which years do you mean?"), ("version", String(item.version))]).status == .seeOther)
            let today = LocalDate(Date())

            #expect(try await resident.postForm("/account/requests/\(reference)/reply", [("reply", "2024 and 2025, please."), ("version", String(item.version + 1))])
                .status == .seeOther)
            let request: InformationRequestRepository.Request
            (item, request) = try await Self.stored(reference, database)
            let calendar = try await Self.calendars(database).informationRequests
            #expect(item.status == .inProgress && request.clarifications == [.init(askedOn: today, answeredOn: today)])
            #expect(item.resolveBy == .date(calendar.adding(workingDays: 20, to: today)), "due on the twentieth working day after the reply")
            #expect(!(try await browser.get(path).text.contains("Record the clarification")), "nothing is left for the officer to record")
        }
    }

    @Test("A fees notice stops the FOI clock until the fee is paid, and the days it stood still are added on", arguments: TestDatabase.available)
    func feesNotice(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let (reference, resident) = try await Self.residentAsksFOI(browser, database)
            try await Self.signIn(browser, Self.owen)
            let path = "/staff/cases/" + reference, section = path + "/information-request"
            let calendar = try await Self.calendars(database).informationRequests
            let today = LocalDate(Date())
            var (item, request) = try await Self.stored(reference, database)
            let before = try unwrap(request.statutoryClock).statutoryDue(calendar: calendar)
            #expect(item.resolveBy == .date(before))

            let notMoney = try await browser.postForm(section + "/fees", [("fee-amount", "abc"), ("version", String(item.version))])
            #expect(notMoney.status == .unprocessableContent && notMoney.text.contains("Enter the fee in pounds and pence"))
            #expect(notMoney.text.contains("value=\"abc\""), "what was typed is shown again")
            #expect(try await Self.stored(reference, database).1.feesNotices.isEmpty, "a refusal stores nothing")

            #expect(try await browser.postForm(section + "/fees", [("fee-amount", "45.00"), ("version", String(item.version))])
                .headers[.location] == path + "?saved=1")
            (item, request) = try await Self.stored(reference, database)
            let payBy = StatutoryRequestClock.FeesNotice(givenOn: today).payBy
            #expect(item.status == .awaitingCustomer && request.feesNotices == [.init(givenOn: today, amountPence: 4500)])
            #expect(request.statutoryClock?.state(on: today, calendar: calendar) == .awaitingFee(since: today, payBy: payBy))
            #expect(try await browser.get(path).text.contains("Clock stopped: fees notice given"))
            #expect(try await resident.get("/account/requests/" + reference).text.contains("Answering your request will cost £45.00"))

            let future = try await browser.postForm(section + "/fee-paid", Self.date("fee-paid-on", today.adding(days: 1)) + [("version", String(item.version))])
            #expect(future.status == .unprocessableContent && future.text.contains("The date the fee was paid must be today or in the past"))
            #expect(try await browser.postForm(section + "/fee-paid", Self.date("fee-paid-on", today) + [("version", String(item.version))])
                .headers[.location] == path + "?saved=1")
            (item, request) = try await Self.stored(reference, database)
            #expect(item.status == .inProgress && request.feesNotices.first?.paidOn == today)
            // The working days from the notice to the payment, both included, are disregarded: today, when it is one.
            let expected = calendar.adding(workingDays: 20 + (calendar.isWorkingDay(today) ? 1 : 0), to: today)
            #expect(item.resolveBy == .date(expected))
            #expect(calendar.isWorkingDay(today) ? expected > before : expected == before, "the due date is pushed back by the days the clock stood still")
        }
    }

    @Test("An FOI extension: no further than 20 working days after the usual date, told with its reason, and only once; the generic extension is refused",
          arguments: TestDatabase.available)
    func extensionOfTime(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let (reference, resident) = try await Self.residentAsksFOI(browser, database)
            try await Self.signIn(browser, Self.owen)
            let path = "/staff/cases/" + reference, section = path + "/information-request"
            let calendar = try await Self.calendars(database).informationRequests
            let today = LocalDate(Date())
            let statutory = calendar.adding(workingDays: 20, to: today)
            let furthest = calendar.adding(workingDays: 20, to: statutory)
            var (item, request) = try await Self.stored(reference, database)
            let reason = "We are weighing the public interest in releasing the contract figures"

            let generic = try await browser.postForm(path + "/extend", [("extra-days", "5"), ("extension-reason", "More time"), ("version", String(item.version))])
            #expect(generic.status == .unprocessableContent && generic.text.contains("An information request is extended in its own section"))

            let noReason = try await browser.postForm(section + "/extend", Self.date("extended-until", furthest)
                                                      + [("information-extension-reason", ""), ("version", String(item.version))])
            #expect(noReason.status == .unprocessableContent && noReason.text.contains("Enter the reason, which the requester is told"))
            let tooFar = try await browser.postForm(section + "/extend", Self.date("extended-until", furthest.adding(days: 1))
                                                    + [("information-extension-reason", reason), ("version", String(item.version))])
            #expect(tooFar.status == .unprocessableContent && tooFar.text.contains(
                "The new date must be after \(statutory.description) and no later than \(furthest.description) (20 further working days)"))
            (item, request) = try await Self.stored(reference, database)
            #expect(request.extendedUntil == nil && request.extensionToldOn == nil && item.resolveBy == .date(statutory), "refusals change nothing")

            let chosen = calendar.adding(workingDays: 10, to: statutory)
            #expect(try await browser.postForm(section + "/extend", Self.date("extended-until", chosen)
                                               + [("information-extension-reason", reason), ("version", String(item.version))])
                .headers[.location] == path + "?saved=1")
            (item, request) = try await Self.stored(reference, database)
            #expect(request.extendedUntil == chosen && request.extensionToldOn == today && request.extensionReason == reason)
            #expect(item.resolveBy == .date(chosen))
            #expect(try await browser.get(path).text.contains("By \(CaseDates.date(chosen)) (extended from \(CaseDates.date(statutory)))"))
            #expect(try await resident.get("/account/requests/" + reference).text.contains(reason), "the requester is told why")

            let again = try await browser.postForm(section + "/extend", Self.date("extended-until", furthest)
                                                   + [("information-extension-reason", "Still weighing it"), ("version", String(item.version))])
            #expect(again.status == .unprocessableContent && again.text.contains("This request has been extended already"))
            #expect(try await Self.stored(reference, database).1.extendedUntil == chosen)
        }
    }

    @Test("Subject access: the clock starts with the identity check, runs a month, and is extended by months", arguments: TestDatabase.available)
    func subjectAccess(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let resident = BrowserLikeClient(browser.client)
            try await ResidentJourney.signedInResident(resident, database)
            let reference = try await Self.residentAsks("subject-access", [
                ("information", [("information", "The records of my housing application from 2024.")])], as: resident, database)
            try await Self.signIn(browser, Self.owen)
            let path = "/staff/cases/" + reference, section = path + "/information-request"
            let calendar = try await Self.calendars(database).nation
            let today = LocalDate(Date())
            var (item, request) = try await Self.stored(reference, database)
            #expect(request.kind == .subjectAccess && request.identityCheckNeeded && request.identityVerifiedOn == nil)

            let page = try await browser.get(path).text
            #expect(page.contains("Subject access request") && page.contains("Clock not started: waiting for the identity check"))
            #expect(page.contains("Record the identity check"))
            #expect(!page.contains(section + "/respond") && !page.contains("Send the response"), "nothing can be answered before the clock starts")
            #expect(!page.contains("Record withheld information") && !page.contains("Publish on the disclosure log"), "a person's own data is never published")

            let blank = try await browser.postForm(section + "/identity", Self.date("identity-checked-on", nil) + [("version", String(item.version))])
            #expect(blank.status == .unprocessableContent && blank.text.contains("Enter the date the identity was checked"))
            #expect(try await browser.postForm(section + "/identity", Self.date("identity-checked-on", today) + [("version", String(item.version))])
                .headers[.location] == path + "?saved=1")
            (item, request) = try await Self.stored(reference, database)
            let started = SubjectAccessClock(receivedOn: today, identityCheckNeeded: true, identityVerifiedOn: today)
            let oneMonth = try unwrap(Self.due(started, calendar))
            #expect(request.identityVerifiedOn == today && item.status == .acknowledged && item.resolveBy == .date(oneMonth))
            #expect(request.subjectAccessClock?.state(calendar: calendar) == .running(due: oneMonth, original: oneMonth))
            let running = try await browser.get(path).text
            #expect(running.contains("By \(CaseDates.date(oneMonth)) (one month)") && running.contains("Send the response"))

            let reason = "Your records are held in three archives"
            let threeMonths = try await browser.postForm(section + "/extend", [("extension-months", "3"), ("information-extension-reason", reason),
                                                                               ("version", String(item.version))])
            #expect(threeMonths.status == .unprocessableContent && threeMonths.text.contains("Extend by one or two months"))
            #expect(try await Self.stored(reference, database).1.extendedMonths == nil)
            #expect(try await browser.postForm(section + "/extend", [("extension-months", "1"), ("information-extension-reason", reason),
                                                                     ("version", String(item.version))]).headers[.location] == path + "?saved=1")
            (item, request) = try await Self.stored(reference, database)
            let twoMonths = try unwrap(Self.due(SubjectAccessClock(receivedOn: today, identityCheckNeeded: true, identityVerifiedOn: today,
                                                                   extended: .init(months: 1, reason: reason, toldOn: today)), calendar))
            #expect(request.extendedMonths == 1 && request.extensionToldOn == today && item.resolveBy == .date(twoMonths) && twoMonths > oneMonth)
        }
    }

    @Test("Only an information requests officer may change a request; a complaint has no information request section", arguments: TestDatabase.available)
    func permissions(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let (complaint, resident) = try await ComplaintPageTests.residentComplains(browser, database)
            let reference = try await Self.foi(as: resident, database)
            let section = "/staff/cases/" + reference + "/information-request"
            for account in [Self.sam, Self.jo] {
                let staff = BrowserLikeClient(browser.client)
                try await Self.signIn(staff, account)
                #expect(!(try await staff.get("/staff/cases/" + reference).text.contains("Ask for clarification")), "\(account.displayName) is not offered it")
                let refused = try await staff.postForm(section + "/clarify", [("clarification-question", "Which wards?"), ("version", "1")])
                #expect(refused.status == .forbidden, "\(account.displayName) may not pause the clock")
            }
            let (item, request) = try await Self.stored(reference, database)
            #expect(request.clarifications.isEmpty && item.version == 1)

            try await Self.signIn(browser, Self.owen)
            let notARequest = try await browser.postForm("/staff/cases/" + complaint + "/information-request/respond",
                                                         [("information-response", "Here it is."), ("version", "1")])
            #expect(notARequest.status == .notFound)
        }
    }

    @Test("A resident cannot reopen an answered FOI request: a review is a new request", arguments: TestDatabase.available)
    func noReopen(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let (reference, resident) = try await Self.residentAsksFOI(browser, database)
            try await Self.signIn(browser, Self.owen)
            let response = "The council received 1,204 missed bin reports in 2025."
            #expect(try await browser.postForm("/staff/cases/" + reference + "/information-request/respond", [
                ("information-response", response), ("version", "1")]).status == .seeOther)
            let answered = try await Self.stored(reference, database).0
            #expect(answered.status == .resolved)

            let mine = "/account/requests/" + reference
            let own = try await resident.get(mine).text
            #expect(own.contains(response) && !own.contains("Reopen the request"))
            let reopen = try await resident.postForm(mine + "/reopen", [("reopen-reason", "I wanted it by ward"), ("version", String(answered.version))])
            #expect(reopen.status == .notFound)
            let (item, request) = try await Self.stored(reference, database)
            #expect(item.status == .resolved && item.version == answered.version && request.answeredOn != nil)
        }
    }

    @Test("A change made on a stale page is not saved: 409, and the request is as it was", arguments: TestDatabase.available)
    func staleVersion(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            let (reference, _) = try await Self.residentAsksFOI(browser, database)
            try await Self.signIn(browser, Self.owen)
            let path = "/staff/cases/" + reference, section = path + "/information-request"
            #expect(try await browser.postForm(section + "/clarify", [("clarification-question", "Which wards?"), ("version", "1")])
                .headers[.location] == path + "?saved=1")
            let (before, asked) = try await Self.stored(reference, database)
            #expect(before.version == 2)

            let stale = try await browser.postForm(section + "/clarified", Self.date("clarified-on", LocalDate(Date())) + [("version", "1")])
            #expect(stale.status == .conflict && stale.text.contains("This case changed while you were looking at it"))
            let (item, request) = try await Self.stored(reference, database)
            #expect(item.status == .awaitingCustomer && item.version == 2 && request == asked)
        }
    }
}
