import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import Testing

@Suite("Cases of a service with a process start it: a complaint its first stage, an information request its legal clock")
struct CaseProcessIntakeTests {
    /// 12:00 UK time on a date.
    static func noon(_ iso: String) throws -> Date {
        try #require(LocalDate(iso)).start().addingTimeInterval(12 * 3600)
    }

    @Test("A complaint opens stage 1 under the council's policy: acknowledge in 5 working days, respond 10 after that",
          arguments: TestDatabase.available)
    func complaint(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            // Thursday 2 April 2026: Good Friday (3rd) and Easter Monday (6th) are not working days.
            let item = try #require(try await sendDemoForm(database, code: "complaint", answers: [
                "about": ["The bin crew left my bin in the road three weeks running"], "put-right": ["Bring it back to the kerb"],
            ], at: try Self.noon("2026-04-02")))
            let complaint = try #require(try await ComplaintRepository(database: database).find(caseID: item.id))
            #expect(complaint.type == .corporate && complaint.policy == .complaintHandlingCode)
            #expect(complaint.stages.map(\.number) == [1] && complaint.stages[0].requestedOn == LocalDate("2026-04-02"))
            // Working days after Thu 2 Apr: Tue 7, Wed 8, Thu 9, Fri 10, Mon 13 (5th) → acknowledge by 13 April;
            // 10 working days after that: 14,15,16,17,20,21,22,23,24,27 → respond by 27 April.
            #expect(item.acknowledgeBy == LocalDate("2026-04-13"))
            #expect(item.resolveBy == .date(LocalDate("2026-04-27")!))
            let stored = try #require(try await CaseRepository(database: database).find(id: item.id, councilID: DemoCouncil.council.id))
            #expect(stored.acknowledgeBy == item.acknowledgeBy && stored.resolveBy == item.resolveBy, "the case carries the stage's dates")
        }
    }

    @Test("A council's own policy applies to complaints made after it is saved; earlier ones keep theirs", arguments: TestDatabase.available)
    func policyChange(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let complaints = ComplaintRepository(database: database)
            let before = try #require(try await sendDemoForm(database, code: "complaint", answers: ["about": ["Late"], "put-right": ["Sorry"]],
                                                             at: try Self.noon("2026-03-02")))
            let ownPolicy = ComplaintPolicy(acknowledgementWorkingDays: 3, countsFromAcknowledgement: true, stages: [
                .init(name: "Stage 1", responseWorkingDays: 15, longestExtensionWorkingDays: 5),
                .init(name: "Stage 2", responseWorkingDays: 20, longestExtensionWorkingDays: 10),
                .init(name: "Stage 3", responseWorkingDays: 25, longestExtensionWorkingDays: 0),
            ], differentOfficerEachStage: true)
            try await complaints.save(ownPolicy, councilID: DemoCouncil.council.id, type: .corporate, at: Date())
            #expect(try await complaints.policy(councilID: DemoCouncil.council.id, type: .corporate) == ownPolicy)
            #expect(try await complaints.policy(councilID: DemoCouncil.council.id, type: .childrensSocialCare) == .childrensSocialCare)
            let after = try #require(try await sendDemoForm(database, code: "complaint", answers: ["about": ["Late"], "put-right": ["Sorry"]],
                                                            at: try Self.noon("2026-03-02")))
            #expect(try await complaints.find(caseID: before.id)?.policy == .complaintHandlingCode)
            #expect(try await complaints.find(caseID: after.id)?.policy == ownPolicy)
            // Mon 2 March 2026: 3 working days → Thu 5 March; 15 more → Thu 26 March.
            #expect(after.acknowledgeBy == LocalDate("2026-03-05") && after.resolveBy == .date(LocalDate("2026-03-26")!))
        }
    }

    @Test("A freedom of information request is due on the twentieth working day, counting every UK nation's bank holidays",
          arguments: TestDatabase.available)
    func informationRequest(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            // Received Monday 9 March 2026. St Patrick's Day (Tue 17 March) is a Northern Ireland bank holiday, so it is not a
            // working day for an English council's FOI clock either: 10–13 (4), 16 (5), 18–20 (8), 23–27 (13), 30, 31 (15),
            // 1, 2 April (17); Good Friday 3 and Easter Monday 6 are skipped; 7, 8, 9 (20) → Thursday 9 April.
            let item = try #require(try await sendDemoForm(database, code: "foi-request", answers: [
                "information": ["How many potholes were repaired in 2025?"], "format": ["email"],
            ], at: try Self.noon("2026-03-09")))
            let request = try #require(try await InformationRequestRepository(database: database).find(caseID: item.id))
            #expect(request.kind == .freedomOfInformation && request.receivedOn == LocalDate("2026-03-09") && !request.identityCheckNeeded)
            #expect(item.resolveBy == .date(LocalDate("2026-04-09")!))
            #expect(request.statutoryClock?.statutoryDue(calendar: .allNations(try ShippedBankHolidays.load())) == LocalDate("2026-04-09"))
        }
    }

    @Test("A compliment and an ordinary request start nothing extra")
    func ordinary() async throws {
        try await TestDatabase.sqlite.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let compliment = try #require(try await sendDemoForm(database, code: "compliment", answers: ["what": ["Sam on the phone was brilliant"]]))
            #expect(try await ServiceProcessRepository(database: database).process(serviceID: compliment.serviceID) == .compliment)
            #expect(try await ComplaintRepository(database: database).find(caseID: compliment.id) == nil)
            #expect(try await InformationRequestRepository(database: database).find(caseID: compliment.id) == nil)
            let report = try #require(try await sendStreetLightReport(database))
            #expect(try await ServiceProcessRepository(database: database).process(serviceID: report.serviceID) == .standard)
        }
    }

    @Test("A subject access request waits for the identity check; until then its case is due a calendar month from receipt")
    func subjectAccess() async throws {
        try await TestDatabase.sqlite.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let service = try #require(try await ServiceRepository(database: database).find(code: ServiceCode("general-enquiry")!, councilID: DemoCouncil.council.id))
            try await ServiceProcessRepository(database: database).set(.subjectAccess, serviceID: service.id, councilID: DemoCouncil.council.id)
            // Received Saturday 31 January 2026: a month on has no 31 February, so 28 February, a Saturday → Monday 2 March.
            let item = try #require(try await sendDemoForm(database, code: "general-enquiry", answers: [
                "question": ["Please send me every record you hold about me"], "reply-by": ["email"],
            ], at: try Self.noon("2026-01-31")))
            let request = try #require(try await InformationRequestRepository(database: database).find(caseID: item.id))
            #expect(request.kind == .subjectAccess && request.identityCheckNeeded && request.identityVerifiedOn == nil)
            #expect(request.subjectAccessClock?.state(calendar: .council(nation: .englandAndWales, bankHolidays: try ShippedBankHolidays.load()))
                    == .awaitingIdentity)
            #expect(item.resolveBy == .date(LocalDate("2026-03-02")!))
        }
    }
}
