import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import SQLKit
import Testing

/// The synthetic year the dashboard benchmark runs on: a small one here (3,000 contacts, 800
/// cases, 300 customers over November 2025 to October 2026), with the shape of the large one.
@Suite("A synthetic council's year")
struct SyntheticYearTests {
    static let councilID = UUID(uuidString: "5E7C0000-0000-4000-8000-00000000A11A")!
    static let plan = SyntheticYear.Plan(contacts: 3_000, cases: 800, customers: 300, seed: 7, firstMonth: LocalDate("2025-11-01")!)

    static func council() throws -> Council {
        try Council(id: councilID, slug: CouncilSlug("synthetic"), name: "Synthetic County Council", nation: .englandAndWales,
                    contact: CouncilContact(email: "contact@synthetic.example", phone: "01632 960 001", address: "County Hall",
                                            websiteURL: "https://synthetic.example", openingHours: "Monday to Friday, 8:30am to 5:30pm"))
    }

    /// A fresh database of `kind` holding the small plan's year.
    static func withYear<R: Sendable>(_ kind: TestDatabase, _ body: (Database, SyntheticYear.Written) async throws -> R) async throws -> R {
        try await kind.withMigratedDatabase { database in
            try await CouncilRepository(database: database).create(try council())
            let written = try await SyntheticYear(database: database).write(councilID: councilID, plan: plan)
            return try await body(database, written)
        }
    }

    struct CaseFacts: Decodable, Sendable {
        var id: UUID
        var reference: String
        var channel: String
        var service_id: UUID
        var submission_id: UUID?
        var customer_id: UUID?
        var status: String
        var received_at: Date
        var resolved_at: Date?
        var standard_met: Bool?
    }

    static func cases(_ database: Database) async throws -> [CaseFacts] {
        try await database.sql.select().columns("id", "reference", "channel", "service_id", "submission_id", "customer_id", "status", "received_at",
                                                "resolved_at", "standard_met")
            .from("cases").where("council_id", .equal, councilID).orderBy("reference").all(decoding: CaseFacts.self)
    }

    struct ContactFacts: Decodable, Sendable {
        var channel: String
        var service_id: UUID?
        var outcome: String
        var demand: String
        var recorded_at: Date
    }

    static func contacts(_ database: Database) async throws -> [ContactFacts] {
        try await database.sql.select().columns("channel", "service_id", "outcome", "demand", "recorded_at")
            .from("contacts").where("council_id", .equal, councilID).orderBy("recorded_at").orderBy("channel").all(decoding: ContactFacts.self)
    }

    static var london: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .london
        return calendar
    }

    @Test("It writes exactly the planned contacts and cases, each case with its form", arguments: TestDatabase.available)
    func exactCounts(database kind: TestDatabase) async throws {
        let (written, recorded, cases) = try await Self.withYear(kind) { database, written in
            (written, try await SyntheticYear(database: database).recorded(councilID: Self.councilID), try await Self.cases(database))
        }
        #expect(written.contacts == 3_000)
        #expect(written.cases == 800)
        #expect(written.customers == 300)
        #expect(recorded.contacts == 3_000)
        #expect(recorded.cases == 800)
        let withForms = cases.filter { $0.submission_id != nil }.count
        #expect(withForms == 800)
        let references = Set(cases.map(\.reference))
        #expect(references.count == 800)
        let inTheYear = cases.filter { $0.reference.hasPrefix("SY-2025-") || $0.reference.hasPrefix("SY-2026-") }.count
        #expect(inTheYear == 800)
    }

    @Test("Every case made from a form has exactly one case-raised contact on its channel at its received time",
          arguments: TestDatabase.available)
    func caseRaisedContacts(database kind: TestDatabase) async throws {
        let (cases, contacts) = try await Self.withYear(kind) { database, _ in (try await Self.cases(database), try await Self.contacts(database)) }
        let raised = contacts.filter { $0.outcome == Contact.Outcome.caseRaised.rawValue }
        let valueDemand = raised.filter { $0.demand == Contact.Demand.value.rawValue }.count
        #expect(valueDemand == raised.count)
        func key(_ channel: String, _ service: UUID?, _ at: Date) -> String { "\(channel) \(service?.uuidString ?? "-") \(at.timeIntervalSince1970)" }
        let caseKeys = cases.map { key($0.channel, $0.service_id, $0.received_at) }.sorted()
        let contactKeys = raised.map { key($0.channel, $0.service_id, $0.recorded_at) }.sorted()
        #expect(caseKeys == contactKeys)
    }

    @Test("Online's share of contacts rises through the year", arguments: TestDatabase.available)
    func channelShift(database kind: TestDatabase) async throws {
        let contacts = try await Self.withYear(kind) { database, _ in try await Self.contacts(database) }
        let secondQuarter = Self.plan.firstMonth.adding(months: 3).start(), lastQuarter = Self.plan.firstMonth.adding(months: 9).start()
        func onlineShare(_ some: [ContactFacts]) -> Double {
            Double(some.filter { $0.channel == Contact.Channel.online.rawValue }.count) / Double(max(1, some.count))
        }
        let first = onlineShare(contacts.filter { $0.recorded_at < secondQuarter })
        let last = onlineShare(contacts.filter { $0.recorded_at >= lastQuarter })
        #expect((0.40...0.52).contains(first))
        #expect((0.54...0.66).contains(last))
        #expect(last > first)
    }

    @Test("Assisted channels are busiest on Mondays, quiet on Saturdays and closed on Sundays", arguments: TestDatabase.available)
    func weeklyRhythm(database kind: TestDatabase) async throws {
        let contacts = try await Self.withYear(kind) { database, _ in try await Self.contacts(database) }
        let assisted = contacts.filter { $0.channel != Contact.Channel.online.rawValue }
        let weekdays = Dictionary(grouping: assisted) { Self.london.component(.weekday, from: $0.recorded_at) }.mapValues(\.count)
        let (sunday, monday, friday, saturday) = (weekdays[1] ?? 0, weekdays[2] ?? 0, weekdays[6] ?? 0, weekdays[7] ?? 0)
        #expect(monday > 3 * saturday)
        #expect(monday > friday)
        #expect(sunday == 0)
    }

    struct Submission: Decodable, Sendable {
        var submitted_by_staff_id: UUID?
        var channel: String
    }

    @Test("Assisted self-serve (staff sending the resident's form) is a sixth or so of form cases", arguments: TestDatabase.available)
    func assistedSelfServe(database kind: TestDatabase) async throws {
        let submissions = try await Self.withYear(kind) { database, _ in
            try await database.sql.select().columns("submitted_by_staff_id", "channel").from("form_submissions")
                .where("council_id", .equal, Self.councilID).all(decoding: Submission.self)
        }
        let byStaff = submissions.filter { $0.submitted_by_staff_id != nil }
        let share = Double(byStaff.count) / Double(submissions.count)
        #expect((0.12...0.22).contains(share))
        let staffOnline = byStaff.filter { $0.channel == ServiceChannel.online.rawValue }.count
        #expect(staffOnline == 0)
        let residentsOffline = submissions.filter { $0.submitted_by_staff_id == nil && $0.channel != ServiceChannel.online.rawValue }.count
        #expect(residentsOffline == 0)
    }

    @Test("Older cases are finished, most within their standard; some of the last days' are still open", arguments: TestDatabase.available)
    func caseOutcomes(database kind: TestDatabase) async throws {
        let cases = try await Self.withYear(kind) { database, _ in try await Self.cases(database) }
        let finished = cases.filter { $0.resolved_at != nil }
        let met = Double(finished.filter { $0.standard_met == true }.count) / Double(finished.count)
        #expect((0.75...0.95).contains(met))
        let resolvedBeforeReceived = finished.filter { ($0.resolved_at ?? .distantFuture) <= $0.received_at }.count
        #expect(resolvedBeforeReceived == 0)
        let halfway = Self.plan.firstMonth.adding(months: 6).start()
        let older = cases.filter { $0.received_at < halfway }
        let open = Set([CaseStatus.submitted, .acknowledged, .inProgress].map(\.rawValue))
        let olderOpen = older.filter { open.contains($0.status) }.count
        #expect(Double(olderOpen) / Double(older.count) < 0.03)
        let lastWeek = Self.plan.end.adding(days: -7).start()
        let recentOpen = cases.filter { $0.received_at >= lastWeek && $0.resolved_at == nil }.count
        #expect(recentOpen > 0)
    }

    static func digest(_ database: Database) async throws -> [String] {
        let cases = try await Self.cases(database).map {
            "\($0.id) \($0.reference) \($0.service_id) \($0.customer_id?.uuidString ?? "guest") \($0.channel) \($0.status) "
                + "\($0.received_at.timeIntervalSince1970) \($0.resolved_at?.timeIntervalSince1970 ?? 0) \($0.standard_met.map(String.init) ?? "-")"
        }
        let contacts = try await Self.contacts(database).map { "\($0.channel) \($0.outcome) \($0.demand) \($0.recorded_at.timeIntervalSince1970)" }
        return cases + contacts
    }

    @Test("The same seed gives the same year, and a second run adds nothing", arguments: TestDatabase.available)
    func repeatable(database kind: TestDatabase) async throws {
        let first = try await Self.withYear(kind) { database, _ in try await Self.digest(database) }
        let (second, again, recorded) = try await Self.withYear(kind) { database, _ in
            let again = try await SyntheticYear(database: database).write(councilID: Self.councilID, plan: Self.plan)
            return (try await Self.digest(database), again, try await SyntheticYear(database: database).recorded(councilID: Self.councilID))
        }
        #expect(first.count == 3_800)
        #expect(first == second)
        #expect(again.alreadyThere)
        #expect(again.contacts == 0 && again.cases == 0 && again.customers == 0)
        #expect(recorded.contacts == 3_000 && recorded.cases == 800)
    }

    /// What the product's own repositories make of the synthetic rows.
    struct ReadBack: Sendable {
        var cases: [Case]
        var submissionChannelMatches: Bool
        var customerContacts: Int
        var complaintStages: [Int]
        var informationRequestHasClock: Bool
        var calls: CallFigures
        var writtenCalls: Int
        var pagesWithFeedback: Int
    }

    static func readBack(_ database: Database, _ written: SyntheticYear.Written) async throws -> ReadBack {
        let repository = CaseRepository(database: database)
        let facts = try await Self.cases(database)
        var read: [Case] = []
        for fact in facts { read.append(try unwrap(try await repository.find(id: fact.id, councilID: councilID), fact.reference)) }
        let sent = try unwrap(read.first, "a case")
        let submission = try unwrap(try await SubmittedFormRepository(database: database).find(id: try unwrap(sent.submissionID), councilID: councilID))
        let customer = try unwrap(facts.compactMap(\.customer_id).first, "a case with a customer")
        let contacts = try await ContactRepository(database: database).all(customerID: customer, councilID: councilID)
        let services = try await ServiceRepository(database: database).all(councilID: councilID)
        func firstCase(_ code: String) throws -> Case {
            let service = try unwrap(services.first { $0.code.value == code }, code)
            return try unwrap(read.first { $0.serviceID == service.id }, "a case of \(code)")
        }
        let complaint = try unwrap(try await ComplaintRepository(database: database).find(caseID: try firstCase("complaint").id), "a complaint")
        let request = try unwrap(try await InformationRequestRepository(database: database).find(caseID: try firstCase("foi-request").id), "an FOI request")
        let year = DateInterval(start: plan.firstMonth.start(), end: plan.end.start())
        return ReadBack(cases: read, submissionChannelMatches: submission.channel == sent.channel, customerContacts: contacts.count,
                        complaintStages: complaint.stages.map(\.number), informationRequestHasClock: request.statutoryClock != nil,
                        calls: try await CallRepository(database: database).figures(councilID: councilID, period: year), writtenCalls: written.calls,
                        pagesWithFeedback: try await PageFeedbackRepository(database: database).summary(councilID: councilID, since: year.start).count)
    }

    @Test("The product's repositories read back what was written", arguments: TestDatabase.available)
    func productReadsBack(database kind: TestDatabase) async throws {
        let read = try await Self.withYear(kind) { database, written in try await Self.readBack(database, written) }
        #expect(read.cases.count == 800)
        #expect(read.submissionChannelMatches)
        #expect(read.customerContacts > 0)
        #expect(read.complaintStages.first == 1)
        #expect(read.informationRequestHasClock)
        #expect(read.calls.offered == read.writtenCalls)
        #expect(read.calls.abandoned > 0)
        #expect(read.calls.answered > read.calls.abandoned)
        #expect(read.pagesWithFeedback > 0)
    }
}
