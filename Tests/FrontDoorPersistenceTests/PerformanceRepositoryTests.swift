import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import Testing

/// Every figure the performance dashboard counts, tested against a small hand-built month on
/// both databases. The month is July 2026, in British Summer Time, so a UK midnight is 23:00 UTC
/// the day before: a count taken in UTC would put the records at the edges in the wrong month.
///
/// Kingsmere (the demo council) and Otherton share a contact centre. Kingsmere's records, UK time:
///
/// | When                | Contacts                                        | Cases (form, by whom, ward)                       | Resolved                  |
/// |---------------------|-------------------------------------------------|---------------------------------------------------|---------------------------|
/// | 15 Jun 11:00        | phone, general enquiry, resolved, value          |                                                   |                           |
/// | 24 Jun 10:00        | (online: its case)                               | K8 street light, online, Castlefield              |                           |
/// | 30 Jun 23:59:59     | phone, missed bin, resolved, value; (online)     | K5 street light, online, Castlefield              | K8, met                   |
/// | 1 Jul 00:00         | phone, missed bin, resolved, value; (online)     | K1 street light, online, Castlefield              | K5, met                   |
/// | 8 Jul 10:00         | (phone: its case)                                | K2 street light, advisor by phone, Marshside      |                           |
/// | 9 Jul 10:00 / 11:00 | (face to face: its case)                         | K3 general enquiry, advisor face to face, no ward | K2, met (due 15 Jul)      |
/// | 10 Jul 11:00        | phone, missed bin, resolved, value               |                                                   |                           |
/// | 13 Jul 10:00        | (online: its case)                               | K7 street light, online, Castlefield              |                           |
/// | 14 / 15 Jul 10:00   |                                                  |                                                   | K7, met; then reopened    |
/// | 15 Jul 11:00        | phone, street light, handed off, failure         |                                                   |                           |
/// | 20 Jul              | face to face, no service, signposted, avoidable  |                                                   | K1, missed (due 8 Jul)    |
/// | 31 Jul 23:59:59     | web chat, council tax, resolved, value; (email)  | K4 missed bin, by email (no form), no ward        |                           |
/// | 1 Aug 00:00         | phone, missed bin, resolved, value; (online)     | K6 street light, online                           | K3                        |
///
/// Otherton, in July: one online street light report (resolved on time, rated 5), one phone
/// contact, one answered call and one page answer.
@Suite("Performance counts: every figure from a small hand-built month")
struct PerformanceRepositoryTests {
    static func utc(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }

    /// UK wall-clock time on a July or June 2026 day (summer time throughout).
    static func uk(_ day: String, _ hour: Int, _ minute: Int = 0) -> Date {
        LocalDate(day)!.start().addingTimeInterval(Double(hour * 3600 + minute * 60))
    }

    static let juneEnds = utc("2026-06-30T22:59:59Z")      // 30 June 23:59:59 BST
    static let julyStarts = utc("2026-06-30T23:00:00Z")    // 1 July 00:00 BST
    static let julyEnds = utc("2026-07-31T22:59:59Z")      // 31 July 23:59:59 BST
    static let augustStarts = utc("2026-07-31T23:00:00Z")  // 1 August 00:00 BST

    static let july = ReportingPeriod.month(containing: LocalDate("2026-07-01")!)
    static let june = july.previous

    static let kingsmere = DemoCouncil.council
    static let margaret = DemoCouncil.customers[0], tomasz = DemoCouncil.customers[1], dylan = DemoCouncil.customers[2]
    static let sam = DemoCouncil.staff[1]
    static let officer = CaseRepository.Actor(id: DemoCouncil.staff[2].id, name: "Jo Evans")
    /// Beside Willow Crescent (Castlefield), and by Mill Lane (Marshside), in the demo gazetteer.
    static let castlefield = ["location-latitude": ["52.2119"], "location-longitude": ["-0.9913"], "fault": ["out"]]
    static let marshside = ["location-latitude": ["52.19807"], "location-longitude": ["-0.97943"], "fault": ["flickering"]]

    static func otherton() throws -> Council {
        try makeCouncil(slug: "otherton", name: "Otherton District Council")
    }

    // MARK: Building records the way the product does

    struct NotSaved: Error, CustomStringConvertible { var description: String }

    static func saved(_ result: CaseProgress.Result) throws -> Case {
        guard case .saved(let item) = result else { throw NotSaved(description: "\(result)") }
        return item
    }

    static func saved(_ result: CaseSectionResult) throws -> Case {
        guard case .saved(let item) = result else { throw NotSaved(description: "\(result)") }
        return item
    }

    static func service(_ code: String, of council: Council, _ database: Database) async throws -> CouncilService {
        try unwrap(try await ServiceRepository(database: database).find(code: ServiceCode(code)!, councilID: council.id), "the \(code) service")
    }

    /// A demo service, its form and its process, copied to `council` and owned by `team`.
    static func copyDemoService(_ code: String, to council: Council, team: Team, _ database: Database) async throws -> CouncilService {
        var service = try unwrap(DemoCatalogue.services.first { $0.code.value == code }, "the demo \(code) service")
        (service.id, service.councilID, service.owningTeamID) = (UUID(), council.id, team.id)
        try await ServiceRepository(database: database).create(service, at: Date())
        if let fields = DemoForms.forms.first(where: { $0.code == code })?.fields {
            _ = try await ServiceFormRepository(database: database).saveNewVersion(of: service.id, fields: fields, at: Date())
        }
        if let process = DemoForms.processes.first(where: { $0.code == code })?.process {
            try await ServiceProcessRepository(database: database).set(process, serviceID: service.id, councilID: council.id)
        }
        return service
    }

    /// Otherton, with a team and a customer, and the demo services named copied to it.
    static func makeOtherton(copying codes: [String], _ database: Database) async throws -> (council: Council, team: Team, customer: Customer, services: [CouncilService]) {
        let council = try otherton()
        try await CouncilRepository(database: database).create(council)
        let team = Team(councilID: council.id, name: "Street scene")
        try await TeamRepository(database: database).create(team, at: Date())
        let customer = makeCustomer(council: council, name: "Bea Walker", email: "bea.walker@residents.example")
        try await CustomerRepository(database: database, hasher: PasswordHasher(cost: 4)).create(customer, passwordHash: nil)
        var services: [CouncilService] = []
        for code in codes { services.append(try await copyDemoService(code, to: council, team: team, database)) }
        return (council, team, customer, services)
    }

    /// Sends `service`'s form as the form journey does: by the customer online, or by an advisor
    /// for them on the channel they came by. Returns the case it opened.
    static func send(_ service: CouncilService, for customerID: UUID, answers: [String: [String]], at now: Date,
                     by advisor: StaffAccount? = nil, on channel: ServiceChannel = .online, _ database: Database) async throws -> Case {
        let form = try unwrap(try await ServiceFormRepository(database: database).latest(of: service.id), "the \(service.code.value) form")
        let drafts = FormDraftRepository(database: database)
        let filler: FormDraft.Filler = advisor.map { .staff(staffID: $0.id, forCustomerID: customerID) } ?? .resident(customerID: customerID)
        let draft = try await drafts.start(councilID: service.councilID, serviceID: service.id, formVersion: form.version, filler: filler,
                                           channel: advisor == nil ? .online : channel, at: now)
        try await drafts.saveAnswers(FormSubmission(answers), draftID: draft.id, at: now)
        let filled = try unwrap(try await drafts.find(id: draft.id), "the draft")
        let rules = CaseRules.council(nation: .englandAndWales, bankHolidays: try ShippedBankHolidays.load(), closures: [], settings: .standard).intake
        let advisorName = advisor?.displayName
        let made = try await drafts.submit(filled, answers: form.check(filled.answers), asked: FormJourney(form: form, submission: filled.answers).questions,
                                           at: now, then: { submitted, db in
            try await CaseRepository.open(for: submitted, form: form, service: service, rules: rules, customerName: nil,
                                          submittedByName: advisorName, on: db)
        })
        return try unwrap(made?.1, "the case opened by the \(service.code.value) form")
    }

    /// An email to one of Kingsmere's service addresses, received through the email channel.
    static func email(to address: String, subject: String, at now: Date, _ database: Database) async throws -> Case {
        let intake = EmailIntake(database: database, storage: LocalFolderStorage(folder: NSTemporaryDirectory() + "fd-performance-\(UUID().uuidString)"),
                                 bankHolidays: try ShippedBankHolidays.load(),
                                 requestLink: { council, reference in "https://\(council.slug.value).example/requests/\(reference)" })
        let raw = ["From: Ann Example <ann@example.org>", "To: \(address)", "Subject: \(subject)", "Message-ID: <\(UUID().uuidString)@example.org>",
                   "Content-Type: text/plain; charset=utf-8", "", "It was not collected.", ""].joined(separator: "\r\n")
        guard case .opened(let reference, _) = try await intake.receive(InboundEmail.parse(Data(raw.utf8)), at: now) else {
            throw NotSaved(description: "the email opened no case")
        }
        return try unwrap(try await CaseRepository(database: database).find(reference: reference, councilID: kingsmere.id), "the emailed case")
    }

    static func move(_ item: Case, _ action: CaseAction, council: Council = kingsmere, at now: Date, _ database: Database) async throws -> Case {
        try saved(try await CaseProgress(database: database, bankHolidays: try ShippedBankHolidays.load())
            .apply(action, to: item, council: council, seenVersion: item.version, by: officer, message: "", at: now))
    }

    static func contact(_ channel: Contact.Channel, about service: CouncilService?, _ outcome: Contact.Outcome, _ demand: Contact.Demand,
                        at now: Date, council: UUID = kingsmere.id, _ database: Database) async throws {
        let advisor = council == kingsmere.id ? sam : nil
        try await ContactRepository(database: database).record(Contact(
            councilID: council, customerID: nil, channel: channel, serviceID: service?.id, outcome: outcome, demand: demand, durationMinutes: 4,
            notes: "Asked about \(service?.name ?? "opening hours")", staffID: advisor?.id, staffName: advisor?.displayName ?? "Advisor", recordedAt: now))
    }

    static func rate(_ item: Case, _ score: Int, at now: Date, _ database: Database) async throws {
        #expect(try await CaseRepository(database: database).rate(CaseRating(caseID: item.id, score: score, comment: "", ratedAt: now),
                                                                  customerID: item.customerID))
    }

    // MARK: The month

    struct Month: Sendable {
        var otherton: Council
        var othertonTeam: UUID
        var streetLight, missedBin, generalEnquiry, councilTaxMove, othertonStreetLight: CouncilService
        var highways, waste, customerServices: UUID
    }

    /// A fresh database of `kind` holding the month in the table above.
    static func withMonth(_ kind: TestDatabase, _ body: (Database, Month) async throws -> Void) async throws {
        try await kind.withMigratedDatabase { database in
            try await body(database, try await buildMonth(database))
        }
    }

    static func buildMonth(_ database: Database) async throws -> Month {
        try await seedDemoCouncil(database)
        let (otherton, othertonTeam, bea, othertonServices) = try await makeOtherton(copying: ["street-light"], database)
        let othertonStreetLight = othertonServices[0]
        let streetLight = try await service("street-light", of: kingsmere, database)
        let missedBin = try await service("missed-bin", of: kingsmere, database)
        let generalEnquiry = try await service("general-enquiry", of: kingsmere, database)
        let councilTaxMove = try await service("council-tax-move", of: kingsmere, database)

        // Cases, each with the contact its sending recorded.
        let k8 = try await send(streetLight, for: margaret.id, answers: castlefield, at: uk("2026-06-24", 10), database)
        let k5 = try await send(streetLight, for: margaret.id, answers: castlefield, at: juneEnds, database)
        let k1 = try await send(streetLight, for: margaret.id, answers: castlefield, at: julyStarts, database)
        let k2 = try await send(streetLight, for: tomasz.id, answers: marshside, at: uk("2026-07-08", 10), by: sam, on: .phone, database)
        let k3 = try await send(generalEnquiry, for: dylan.id, answers: ["question": ["When is the tip open?"], "reply-by": ["email"]],
                                at: uk("2026-07-09", 11), by: sam, on: .faceToFace, database)
        var k7 = try await send(streetLight, for: margaret.id, answers: castlefield, at: uk("2026-07-13", 10), database)
        _ = try await email(to: "missed-bin@kingsmere.example", subject: "Bin not collected", at: julyEnds, database)
        _ = try await send(streetLight, for: margaret.id, answers: castlefield, at: augustStarts, database)
        let b1 = try await send(othertonStreetLight, for: bea.id, answers: castlefield, at: uk("2026-07-14", 10), database)

        // Resolutions against the standard (street lights: 5 working days).
        _ = try await move(k8, .resolve, at: juneEnds, database)
        _ = try await move(k5, .resolve, at: julyStarts, database)
        _ = try await move(k1, .resolve, at: uk("2026-07-20", 10), database)
        _ = try await move(k2, .resolve, at: uk("2026-07-09", 10), database)
        k7 = try await move(k7, .resolve, at: uk("2026-07-14", 10), database)
        _ = try await move(k7, .reopen, at: uk("2026-07-15", 10), database)
        _ = try await move(k3, .resolve, at: augustStarts, database)
        _ = try await move(b1, .resolve, council: otherton, at: uk("2026-07-15", 10), database)

        // Contacts that raised no case.
        try await contact(.phone, about: generalEnquiry, .resolvedFirstTime, .value, at: uk("2026-06-15", 11), database)
        try await contact(.phone, about: missedBin, .resolvedFirstTime, .value, at: juneEnds, database)
        try await contact(.phone, about: missedBin, .resolvedFirstTime, .value, at: julyStarts, database)
        try await contact(.phone, about: missedBin, .resolvedFirstTime, .value, at: uk("2026-07-10", 11), database)
        try await contact(.phone, about: streetLight, .handedOff, .failure, at: uk("2026-07-15", 11), database)
        try await contact(.faceToFace, about: nil, .signposted, .avoidable, at: uk("2026-07-20", 11), database)
        try await contact(.webChat, about: councilTaxMove, .resolvedFirstTime, .value, at: julyEnds, database)
        try await contact(.phone, about: missedBin, .resolvedFirstTime, .value, at: augustStarts, database)
        try await contact(.phone, about: othertonStreetLight, .resolvedFirstTime, .value, at: uk("2026-07-14", 11), council: otherton.id, database)

        // Calls, event by event as the telephony platform reports them.
        let calls = CallRepository(database: database)
        func event(_ id: String, _ kind: CallEvent.Kind, _ at: Date, wait: Int? = nil, council: UUID = kingsmere.id) async throws {
            try await calls.record(CallEvent(callID: id, kind: kind, occurredAt: at, queue: "general", waitSeconds: wait), councilID: council)
        }
        // Answered after 30 seconds (reported by the platform), at the first moment of July.
        try await event("K-1", .ringing, julyStarts)
        try await event("K-1", .answered, julyStarts.addingTimeInterval(30), wait: 30)
        try await event("K-1", .ended, julyStarts.addingTimeInterval(300))
        // Answered a minute after it rang (no wait reported: taken from the times).
        try await event("K-2", .ringing, uk("2026-07-10", 9))
        try await event("K-2", .answered, uk("2026-07-10", 9, 1))
        try await event("K-2", .ended, uk("2026-07-10", 9, 5))
        // Abandoned after two minutes: its wait is not an answered call's.
        try await event("K-3", .ringing, uk("2026-07-10", 10))
        try await event("K-3", .ended, uk("2026-07-10", 10, 2))
        // Still ringing at the last second of July.
        try await event("K-4", .ringing, julyEnds)
        // Answered (the platform reporting a 90-second wait) and still going.
        try await event("K-5", .ringing, uk("2026-07-20", 14))
        try await event("K-5", .answered, uk("2026-07-20", 14, 1), wait: 90)
        // Either side of July.
        try await event("K-6", .ringing, juneEnds)
        try await event("K-6", .answered, juneEnds.addingTimeInterval(999), wait: 999)
        try await event("K-6", .ended, juneEnds.addingTimeInterval(1_200))
        try await event("K-7", .ringing, augustStarts)
        try await event("K-7", .ended, augustStarts.addingTimeInterval(60))
        try await event("O-1", .ringing, uk("2026-07-14", 12), council: otherton.id)
        try await event("O-1", .answered, uk("2026-07-14", 12, 2), wait: 120, council: otherton.id)
        try await event("O-1", .ended, uk("2026-07-14", 12, 10), council: otherton.id)

        // Ratings, counted when given (whenever the case came in or was resolved).
        try await rate(k8, 5, at: juneEnds, database)
        try await rate(k5, 5, at: julyStarts, database)
        try await rate(k2, 4, at: uk("2026-07-12", 18), database)
        try await rate(k3, 3, at: uk("2026-07-25", 18), database)
        try await rate(k1, 2, at: julyEnds, database)
        try await rate(k7, 1, at: augustStarts, database)
        try await rate(b1, 5, at: uk("2026-07-16", 18), database)

        // "Is this page useful?" answers; one made on no council's pages.
        let answers: [(council: UUID?, useful: Bool, at: Date)] = [
            (kingsmere.id, true, juneEnds), (kingsmere.id, true, julyStarts), (kingsmere.id, true, uk("2026-07-15", 12)),
            (kingsmere.id, true, uk("2026-07-20", 12)), (kingsmere.id, false, julyEnds), (kingsmere.id, false, augustStarts),
            (otherton.id, true, uk("2026-07-14", 12)), (nil, true, uk("2026-07-15", 12)),
        ]
        for answer in answers {
            _ = try await PageFeedbackRepository(database: database).record(councilID: answer.council, pagePath: "/services/street-light",
                                                                            useful: answer.useful, at: answer.at)
        }

        return Month(otherton: otherton, othertonTeam: othertonTeam.id, streetLight: streetLight, missedBin: missedBin, generalEnquiry: generalEnquiry,
                     councilTaxMove: councilTaxMove, othertonStreetLight: othertonStreetLight,
                     highways: try unwrap(streetLight.owningTeamID), waste: try unwrap(missedBin.owningTeamID),
                     customerServices: try unwrap(generalEnquiry.owningTeamID))
    }

    static func total(_ counts: [ContactFigures.Count], where include: (ContactFigures.Count) -> Bool) -> Int {
        counts.filter(include).reduce(0) { $0 + $1.contacts }
    }

    static func total(_ rows: [PerformanceCounts.Received], where include: (PerformanceCounts.Received) -> Bool) -> Int {
        rows.filter(include).reduce(0) { $0 + $1.cases }
    }

    static func total(_ rows: [PerformanceCounts.Resolved], where include: (PerformanceCounts.Resolved) -> Bool) -> Int {
        rows.filter(include).reduce(0) { $0 + $1.cases }
    }

    // MARK: The figures

    @Test("The month runs from the first UK midnight in July to the last second before August's")
    func boundaries() {
        #expect(Self.july.interval.start == Self.julyStarts && Self.july.interval.end == Self.augustStarts)
        #expect(Self.june.first == LocalDate("2026-06-01") && Self.june.interval.end == Self.julyStarts)
        #expect(Self.uk("2026-07-01", 0) == Self.julyStarts, "the builders' UK times are summer time")
    }

    // July: the five contacts logged (phone 3, face to face 1, web chat 1) and the five cases'
    // (online 2, phone 1, face to face 1, email 1). Of the 8 with staff: 3 resolved at first
    // contact, 1 failure demand, 1 avoidable. June: two phone contacts and two online requests.
    @Test("Contacts are counted by channel, outcome, demand and service, UK midnight to UK midnight", arguments: TestDatabase.available)
    func contacts(database kind: TestDatabase) async throws {
        try await Self.withMonth(kind) { database, month in
            let repository = PerformanceRepository(database: database)
            let counts = try await repository.contacts(councilIDs: [Self.kingsmere.id], period: Self.july)
            let figures = ContactFigures(counts)
            #expect(figures.total == 10)
            #expect(figures.byChannel == [.phone: 4, .faceToFace: 2, .webChat: 1, .email: 1, .online: 2])
            #expect(figures.assisted == 8 && figures.resolvedFirstTime == 3 && figures.failureDemand == 1 && figures.avoidable == 1)
            #expect(figures.resolvedFirstTimePercentage == 37.5 && figures.failureDemandPercentage == 12.5 && figures.onlinePercentage == 20)
            #expect(Self.total(counts) { $0.outcome == .caseRaised } == 5)
            #expect(Self.total(counts) { $0.outcome == .caseRaised && $0.demand != .value } == 0, "a request sent is value demand")
            #expect(Self.total(counts) { $0.outcome == .handedOff } == 1 && Self.total(counts) { $0.outcome == .signposted } == 1)
            #expect(Self.total(counts) { $0.serviceID == month.missedBin.id } == 3)
            #expect(Self.total(counts) { $0.serviceID == month.streetLight.id } == 4)
            #expect(Self.total(counts) { $0.serviceID == month.generalEnquiry.id } == 1)
            #expect(Self.total(counts) { $0.serviceID == month.councilTaxMove.id } == 1)
            #expect(Self.total(counts) { $0.serviceID == nil } == 1)
            // The two phone calls about missed bins resolved first time, one at the first moment of July, share a row.
            #expect(counts.contains(ContactFigures.Count(serviceID: month.missedBin.id, channel: .phone, outcome: .resolvedFirstTime,
                                                         demand: .value, contacts: 2)))

            let before = ContactFigures(try await repository.contacts(councilIDs: [Self.kingsmere.id], period: Self.june))
            #expect(before.total == 4 && before.byChannel == [.phone: 2, .online: 2])
            #expect(figures.channelShift(from: before) == -30)
        }
    }

    // July: K1, K7 (online forms, Castlefield), K2 (advisor by phone, Marshside), K3 (advisor
    // face to face, no ward), K4 (email, no form, no ward). June: K8 and K5.
    @Test("Cases received are counted through a form or not, by staff or not, by team, ward and channel", arguments: TestDatabase.available)
    func received(database kind: TestDatabase) async throws {
        try await Self.withMonth(kind) { database, month in
            let repository = PerformanceRepository(database: database)
            let rows = try await repository.received(councilIDs: [Self.kingsmere.id], period: Self.july)
            let counts = PerformanceCounts(contacts: [], received: rows, resolved: [], wards: [], calls: CallFigures([]),
                                           satisfaction: SatisfactionFigures(ratings: [:], pagesUseful: 0, pagesNotUseful: 0))
            #expect(counts.caseFigures.received == CaseFigures.Received(cases: 5, throughForms: 4, throughFormsByStaff: 2))
            #expect(counts.caseFigures.received.assistedSelfServePercentage == 50)
            #expect(Self.total(rows) { $0.channel == .online } == 2 && Self.total(rows) { $0.channel == .phone } == 1)
            #expect(Self.total(rows) { $0.channel == .faceToFace } == 1)
            #expect(Self.total(rows) { $0.channel == .email && !$0.throughForm } == 1)
            #expect(Self.total(rows) { $0.teamID == month.highways } == 3)
            #expect(Self.total(rows) { $0.teamID == month.customerServices } == 1 && Self.total(rows) { $0.teamID == month.waste } == 1)
            #expect(Self.total(rows) { $0.serviceID == month.streetLight.id } == 3)

            let wards = Dictionary(uniqueKeysWithValues: try await repository.wards(councilIDs: [Self.kingsmere.id], period: Self.july).map { ($0.ward, $0.received) })
            #expect(wards == ["Castlefield": .init(cases: 2, throughForms: 2, throughFormsByStaff: 0),
                              "Marshside": .init(cases: 1, throughForms: 1, throughFormsByStaff: 1),
                              nil: .init(cases: 2, throughForms: 1, throughFormsByStaff: 1)])

            let before = try await repository.received(councilIDs: [Self.kingsmere.id], period: Self.june)
            #expect(Self.total(before) { _ in true } == 2 && Self.total(before) { $0.throughForm && $0.channel == .online } == 2)
            let wardsBefore = try await repository.wards(councilIDs: [Self.kingsmere.id], period: Self.june)
            #expect(wardsBefore.map(\.ward) == ["Castlefield"] && wardsBefore.map(\.received.cases) == [2])
        }
    }

    // July: K5 (received in June, resolved at the first moment of July: met), K1 (missed), K2
    // (met). K7 was resolved and reopened, so it has no outcome; K3 was resolved in August.
    @Test("Cases resolved in the month count against their standard; one with no outcome is left out", arguments: TestDatabase.available)
    func resolved(database kind: TestDatabase) async throws {
        try await Self.withMonth(kind) { database, month in
            let repository = PerformanceRepository(database: database)
            let rows = try await repository.resolved(councilIDs: [Self.kingsmere.id], period: Self.july)
            let figures = PerformanceCounts(contacts: [], received: [], resolved: rows, wards: [], calls: CallFigures([]),
                                            satisfaction: SatisfactionFigures(ratings: [:], pagesUseful: 0, pagesNotUseful: 0)).caseFigures
            #expect(figures.standard == CaseFigures.Standard(resolved: 3, met: 2))
            #expect(figures.standardByService == [month.streetLight.id: CaseFigures.Standard(resolved: 3, met: 2)])
            #expect(Self.total(rows) { $0.met && $0.channel == .phone } == 1 && Self.total(rows) { $0.channel == .online } == 2)
            let wards = Dictionary(uniqueKeysWithValues: try await repository.wards(councilIDs: [Self.kingsmere.id], period: Self.july).map { ($0.ward, $0.standard) })
            #expect(wards["Castlefield"] == CaseFigures.Standard(resolved: 2, met: 1) && wards["Marshside"] == CaseFigures.Standard(resolved: 1, met: 1))
            #expect(rows.allSatisfy { $0.teamID == month.highways })

            let before = try await repository.resolved(councilIDs: [Self.kingsmere.id], period: Self.june)
            #expect(before.map(\.cases) == [1] && before.map(\.met) == [true])
        }
    }

    // July: K-1 (30 s), K-2 (60 s), K-5 (90 s, still going) answered; K-3 abandoned after 120 s;
    // K-4 still ringing. June: K-6, answered after 999 s.
    @Test("Calls offered, answered and abandoned; ringing calls are neither; the wait is averaged over answered calls only",
          arguments: TestDatabase.available)
    func calls(database kind: TestDatabase) async throws {
        try await Self.withMonth(kind) { database, _ in
            let repository = PerformanceRepository(database: database)
            let july = try await repository.calls(councilIDs: [Self.kingsmere.id], period: Self.july)
            #expect(july == CallFigures(offered: 5, answered: 3, abandoned: 1, averageWaitSeconds: 60))
            #expect(july.abandonmentRate == 0.2)
            let june = try await repository.calls(councilIDs: [Self.kingsmere.id], period: Self.june)
            #expect(june == CallFigures(offered: 1, answered: 1, abandoned: 0, averageWaitSeconds: 999))
        }
    }

    // July: ratings of 5, 4, 3 and 2 (the 5 at the first moment of July); pages: 3 useful, 1 not.
    // June: a 5 and a useful page, at its last second. The rating of 1 and the last "no" fall in August.
    @Test("Ratings by score and page answers count in the month they were given", arguments: TestDatabase.available)
    func satisfaction(database kind: TestDatabase) async throws {
        try await Self.withMonth(kind) { database, _ in
            let repository = PerformanceRepository(database: database)
            let july = try await repository.satisfaction(councilIDs: [Self.kingsmere.id], period: Self.july)
            #expect(july == SatisfactionFigures(ratings: [5: 1, 4: 1, 3: 1, 2: 1], pagesUseful: 3, pagesNotUseful: 1))
            #expect(july.satisfiedPercentage == 50 && july.averageScore == 3.5 && july.pagesUsefulPercentage == 75)
            let june = try await repository.satisfaction(councilIDs: [Self.kingsmere.id], period: Self.june)
            #expect(june == SatisfactionFigures(ratings: [5: 1], pagesUseful: 1, pagesNotUseful: 0))
        }
    }

    @Test("A shared service counts both councils together, and neither council's figures hold the other's", arguments: TestDatabase.available)
    func twoCouncils(database kind: TestDatabase) async throws {
        try await Self.withMonth(kind) { database, month in
            let repository = PerformanceRepository(database: database)
            let kingsmere = try await repository.counts(councilIDs: [Self.kingsmere.id], period: Self.july)
            let otherton = try await repository.counts(councilIDs: [month.otherton.id], period: Self.july)
            let both = try await repository.counts(councilIDs: [Self.kingsmere.id, month.otherton.id], period: Self.july)

            // Otherton alone: its report's contact and the phone call logged, its one case, call and answers.
            #expect(otherton.contactFigures.total == 2 && otherton.contactFigures.byChannel == [.online: 1, .phone: 1])
            #expect(otherton.contacts.allSatisfy { $0.serviceID == month.othertonStreetLight.id })
            #expect(otherton.received == [PerformanceCounts.Received(serviceID: month.othertonStreetLight.id, teamID: month.othertonTeam,
                                                                     channel: .online, throughForm: true, cases: 1)])
            #expect(otherton.resolved.map(\.cases) == [1] && otherton.resolved.map(\.met) == [true])
            #expect(otherton.calls == CallFigures(offered: 1, answered: 1, abandoned: 0, averageWaitSeconds: 120))
            #expect(otherton.satisfaction == SatisfactionFigures(ratings: [5: 1], pagesUseful: 1, pagesNotUseful: 0))
            #expect(!kingsmere.contacts.contains { $0.serviceID == month.othertonStreetLight.id })
            #expect(!kingsmere.received.contains { $0.serviceID == month.othertonStreetLight.id })

            // Together: the rows of each, and figures from their sums.
            #expect(Set(both.contacts) == Set(kingsmere.contacts).union(otherton.contacts))
            #expect(Set(both.received) == Set(kingsmere.received).union(otherton.received))
            #expect(Set(both.resolved) == Set(kingsmere.resolved).union(otherton.resolved))
            // Wards are names, so the same ward in two councils is one row of their sums.
            #expect(otherton.wards == [PerformanceCounts.Ward(ward: nil, received: .init(cases: 1, throughForms: 1, throughFormsByStaff: 0),
                                                              standard: .init(resolved: 1, met: 1))])
            #expect(both.wards.first { $0.ward == nil }?.received.cases == 3)
            #expect(both.contactFigures.total == 12 && both.contactFigures.resolvedFirstTime == 4 && both.contactFigures.assisted == 9)
            #expect(both.caseFigures.received == CaseFigures.Received(cases: 6, throughForms: 5, throughFormsByStaff: 2))
            #expect(both.caseFigures.standard == CaseFigures.Standard(resolved: 4, met: 3))
            // (30 + 60 + 90 + 120) / 4 answered calls.
            #expect(both.calls == CallFigures(offered: 6, answered: 4, abandoned: 1, averageWaitSeconds: 75))
            #expect(both.satisfaction == SatisfactionFigures(ratings: [5: 2, 4: 1, 3: 1, 2: 1], pagesUseful: 4, pagesNotUseful: 1))
            #expect(both.satisfaction.satisfiedPercentage == 60 && both.satisfaction.pagesUsefulPercentage == 80)
        }
    }

    @Test("A month with nothing in it counts nothing and has no averages", arguments: TestDatabase.available)
    func emptyMonth(database kind: TestDatabase) async throws {
        try await Self.withMonth(kind) { database, month in
            let counts = try await PerformanceRepository(database: database)
                .counts(councilIDs: [Self.kingsmere.id, month.otherton.id], period: ReportingPeriod.month(containing: LocalDate("2025-07-01")!))
            #expect(counts.contacts.isEmpty && counts.received.isEmpty && counts.resolved.isEmpty && counts.wards.isEmpty)
            #expect(counts.calls == CallFigures([]))
            #expect(counts.satisfaction == SatisfactionFigures(ratings: [:], pagesUseful: 0, pagesNotUseful: 0))
        }
    }

    // MARK: Complaints and information requests

    static let today = LocalDate("2026-08-05")!
    static let resident = CaseRepository.Actor(id: nil, name: "The resident")

    static func answer(on day: String) -> ComplaintStage.Response {
        .init(respondedOn: LocalDate(day)!, outcome: .upheld, remedies: [.apology], rootCause: "The crew missed the street", text: "We are sorry.")
    }

    /// Kingsmere's complaints (the Ombudsmen's code: acknowledge within 5 working days, answer
    /// stage 1 within 10 of the acknowledgement and stage 2 within 20; no bank holidays in July):
    ///
    /// - P: sent 1 Jul, acknowledged 2 Jul, due 16 Jul, answered 10 Jul: on time, closed at stage 1.
    /// - Q: sent 1 Jul, acknowledged 2 Jul, due 16 Jul, answered 20 Jul: late, closed at stage 1.
    /// - U: sent 6 Jul, acknowledged 6 Jul, due 20 Jul, answered 17 Jul: on time, closed at stage 1.
    /// - R: stage 1 answered in June; escalated 6 Jul, acknowledged 7 Jul, due 4 Aug, answered 28 Jul: on time, closed at stage 2.
    /// - S: sent 22 Jun, never acknowledged: due to be acknowledged 29 Jun, answered 13 Jul; unanswered, so late in July.
    /// - T: sent 27 Jul, acknowledged 28 Jul, due 11 Aug: not yet due.
    ///
    /// Otherton's one complaint: sent 1 Jul, acknowledged 2 Jul, answered 3 Jul, closed.
    @Test("Complaints: each stage answered on time, and complaints resolved at stage 1, for each council and together",
          arguments: TestDatabase.available)
    func complaints(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let (otherton, _, bea, othertonServices) = try await Self.makeOtherton(copying: ["complaint"], database)
            let complaint = try await Self.service("complaint", of: Self.kingsmere, database)
            let stages = ComplaintProgress(database: database, bankHolidays: try ShippedBankHolidays.load())
            let form = ["about": ["The bin crew left my bin in the road"], "put-right": ["Bring it back to the kerb"]]

            func complain(_ day: String, in service: CouncilService? = nil, by customer: UUID = Self.margaret.id) async throws -> Case {
                try await Self.send(service ?? complaint, for: customer, answers: form, at: Self.uk(day, 10), database)
            }
            func acknowledge(_ item: Case, on day: String, council: Council = Self.kingsmere) async throws -> Case {
                try Self.saved(try await stages.acknowledge(item, council: council, officerID: nil, seenVersion: item.version, by: Self.officer,
                                                            message: "", notice: nil, at: Self.uk(day, 10)))
            }
            func respond(_ item: Case, on day: String, council: Council = Self.kingsmere) async throws -> Case {
                try Self.saved(try await stages.respond(item, council: council, response: Self.answer(on: day), seenVersion: item.version,
                                                        by: Self.officer, notice: nil, at: Self.uk(day, 10)))
            }

            _ = try await respond(try await acknowledge(try await complain("2026-07-01"), on: "2026-07-02"), on: "2026-07-10")
            _ = try await respond(try await acknowledge(try await complain("2026-07-01"), on: "2026-07-02"), on: "2026-07-20")
            _ = try await respond(try await acknowledge(try await complain("2026-07-06"), on: "2026-07-06"), on: "2026-07-17")
            var r = try await respond(try await acknowledge(try await complain("2026-06-01"), on: "2026-06-01"), on: "2026-06-12")
            r = try Self.saved(try await stages.escalate(r, council: Self.kingsmere, reason: "Nothing changed", seenVersion: r.version,
                                                         by: Self.resident, notice: nil, at: Self.uk("2026-07-06", 10)))
            _ = try await respond(try await acknowledge(r, on: "2026-07-07"), on: "2026-07-28")
            _ = try await complain("2026-06-22")
            _ = try await acknowledge(try await complain("2026-07-27"), on: "2026-07-28")
            let theirs = try await complain("2026-07-01", in: othertonServices[0], by: bea.id)
            _ = try await respond(try await acknowledge(theirs, on: "2026-07-02", council: otherton), on: "2026-07-03", council: otherton)

            let repository = PerformanceRepository(database: database)
            let calendar = WorkingDayCalendar.council(nation: .englandAndWales, bankHolidays: try ShippedBankHolidays.load())
            let kingsmere = try await repository.complaints(councilID: Self.kingsmere.id, period: Self.july, calendar: calendar, today: Self.today)
            // Stage 1: P and U on time, Q late, S overdue. Stage 2: R on time. Closed: P, Q, U at stage 1; R at stage 2.
            #expect(kingsmere.stages.map(\.number) == [1, 2])
            #expect(kingsmere.stages.map(\.due) == [4, 1] && kingsmere.stages.map(\.answeredOnTime) == [2, 1])
            #expect(kingsmere.stages.map(\.onTimePercentage) == [50, 100])
            #expect(kingsmere.closed == 4 && kingsmere.resolvedAtStageOne == 3 && kingsmere.resolvedAtStageOnePercentage == 75)

            let others = try await repository.complaints(councilID: otherton.id, period: Self.july, calendar: calendar, today: Self.today)
            #expect(others.stages.map(\.due) == [1] && others.stages.map(\.answeredOnTime) == [1])
            #expect(others.closed == 1 && others.resolvedAtStageOne == 1)

            let together = ComplaintFigures(combining: [kingsmere, others])
            #expect(together.stages.map(\.due) == [5, 1] && together.stages.map(\.answeredOnTime) == [3, 1])
            #expect(together.stages.first?.onTimePercentage == 60 && together.resolvedAtStageOnePercentage == 80)
        }
    }

    /// Kingsmere's requests, counted on every UK nation's bank holidays (Monday 13 July is one in
    /// Northern Ireland):
    ///
    /// - F1: received 1 Jul, due 30 Jul, answered 30 Jul: within.
    /// - F2: received 2 Jul, due 31 Jul, answered 29 Jul: within.
    /// - F3: received 1 Jun, due 29 Jun, answered 1 Jul: late, counted in July.
    /// - F4: received 10 Jun, due 8 Jul, unanswered: late, counted in July.
    /// - F5: received 15 Jul, due 12 Aug: not yet due.
    /// - A subject access request received 1 Jul and answered 20 Jul: not FOI, left out.
    ///
    /// Otherton's one request: received 1 Jul, answered 30 Jul: within.
    @Test("Information requests answered within 20 working days, for each council and together; subject access left out",
          arguments: TestDatabase.available)
    func informationRequests(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let (otherton, _, bea, othertonServices) = try await Self.makeOtherton(copying: ["foi-request"], database)
            let foi = try await Self.service("foi-request", of: Self.kingsmere, database)
            let subjectAccess = try await Self.service("subject-access", of: Self.kingsmere, database)
            let progress = InformationRequestProgress(database: database, bankHolidays: try ShippedBankHolidays.load())
            let form = ["information": ["How many potholes were repaired in 2025?"], "format": ["email"]]

            func request(_ day: String, in service: CouncilService? = nil, by customer: UUID = Self.margaret.id) async throws -> Case {
                try await Self.send(service ?? foi, for: customer, answers: form, at: Self.uk(day, 10), database)
            }
            func respond(_ item: Case, on day: String, council: Council = Self.kingsmere) async throws {
                _ = try Self.saved(try await progress.respond(item, council: council, response: "The figures are attached.", seenVersion: item.version,
                                                              by: Self.officer, notice: nil, at: Self.uk(day, 10)))
            }

            try await respond(try await request("2026-07-01"), on: "2026-07-30")
            try await respond(try await request("2026-07-02"), on: "2026-07-29")
            try await respond(try await request("2026-06-01"), on: "2026-07-01")
            _ = try await request("2026-06-10")
            _ = try await request("2026-07-15")
            let access = try await Self.send(subjectAccess, for: Self.margaret.id, answers: ["information": ["Everything you hold about me"]],
                                             at: Self.uk("2026-07-01", 10), database)
            let checked = try Self.saved(try await progress.verifyIdentity(access, council: Self.kingsmere, verifiedOn: LocalDate("2026-07-01")!,
                                                                          seenVersion: access.version, by: Self.officer, notice: nil,
                                                                          at: Self.uk("2026-07-01", 11)))
            try await respond(checked, on: "2026-07-20")
            try await respond(try await request("2026-07-01", in: othertonServices[0], by: bea.id), on: "2026-07-30", council: otherton)

            let repository = PerformanceRepository(database: database)
            let calendar = WorkingDayCalendar.allNations(try ShippedBankHolidays.load())
            let kingsmere = try await repository.informationRequests(councilID: Self.kingsmere.id, period: Self.july, calendar: calendar, today: Self.today)
            #expect(kingsmere.due == 4 && kingsmere.answeredWithinTwentyWorkingDays == 2)
            #expect(kingsmere.withinTwentyWorkingDaysPercentage == 50)
            let others = try await repository.informationRequests(councilID: otherton.id, period: Self.july, calendar: calendar, today: Self.today)
            #expect(others.due == 1 && others.answeredWithinTwentyWorkingDays == 1)
            let together = InformationRequestFigures(combining: [kingsmere, others])
            #expect(together.due == 5 && together.withinTwentyWorkingDaysPercentage == 60)
        }
    }
}
