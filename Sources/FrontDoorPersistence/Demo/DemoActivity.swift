import Foundation
import FrontDoorDomain
import SQLKit

/// A year of the demo council's contacts, calls and "Is this page useful?" answers (the twelve
/// whole months before today's), so the manager's dashboard has trends, channel shift, demand and
/// a cost to serve to show on a first run: people moving online through the year, quieter
/// weekends, failure demand falling. Not part of `DemoSeeder.seed()`, which tests build on: only
/// for a demo started from empty, like `DemoCases`.
///
/// The contacts name no customer and the month in progress is left alone, so customer records,
/// the unknown callers and today's work look as `DemoCases` leaves them.
public struct DemoActivity: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The telephony's id of the demo year's `number`th call; the first marks the year as written.
    static func callID(_ number: Int) -> String { String(format: "DEMO-%06d", number) }

    /// What was written; nothing when the year is there already.
    public struct Written: Sendable, Equatable {
        public var contacts = 0
        public var calls = 0
        public var pageFeedback = 0
    }

    public func seed(today: LocalDate) async throws -> Written {
        let councilID = DemoCouncil.council.id
        let thisMonth = LocalDate(year: today.year, month: today.month, day: 1)!
        let seeded = try await database.sql.select().column("id").from("calls").where("council_id", .equal, councilID)
            .where("external_id", .equal, Self.callID(1)).first()
        guard seeded == nil else { return Written() }
        let services = try await ServiceRepository(database: database).all(councilID: councilID).filter(\.isActive)
        let year = ReportingPeriod(first: thisMonth.adding(months: -12), last: thisMonth.adding(days: -1))!
        var random = SyntheticCustomers.Generator(state: 20_261_125)
        var rows = SyntheticYear.Rows()
        for index in 0..<year.days {
            Self.day(year.first.adding(days: index), progress: Double(index) / Double(year.days - 1), services: services, random: &random, rows: &rows)
        }
        // The telephony's own call ids are unique per council.
        for number in rows.calls.indices { rows.calls[number].external_id = Self.callID(number + 1) }
        try await SyntheticYear(database: database).insert(rows)
        return Written(contacts: rows.contacts.count, calls: rows.calls.count, pageFeedback: rows.feedback.count)
    }

    /// The advisor every assisted contact is logged by: the demo's.
    static var advisor: StaffAccount { DemoCouncil.staff.first { $0.role == .advisor }! }

    /// One day's contacts. `progress` runs from 0 on the first day of the year to 1 on the last.
    static func day(_ day: LocalDate, progress: Double, services: [CouncilService], random: inout SyntheticCustomers.Generator,
                    rows: inout SyntheticYear.Rows) {
        let weekend = day.isWeekend, monday = !weekend && day.adding(days: -1).isWeekend
        // Mondays are the busiest; at weekends only the website and the inbox are open.
        let expected = weekend ? 7.0 : monday ? 30.0 : 23.0
        let count = max(0, Int((expected * (0.8 + 0.4 * random.unit())).rounded()))
        let mix = SyntheticYear.WeightedChoice<Contact.Channel>(weekend
            ? [(.online, 0.85), (.email, 0.15)]
            : [(.online, 0.36 + 0.18 * progress), (.phone, 0.38 - 0.10 * progress), (.faceToFace, 0.12 - 0.05 * progress),
               (.email, 0.09 - 0.02 * progress), (.webChat, 0.05 - 0.01 * progress)])
        // What people ask about, in the shares a large council sees (`SyntheticYear.profiles`).
        let about = SyntheticYear.WeightedChoice<CouncilService>(services.map { service in
            (service, SyntheticYear.profiles.first { $0.code == service.code.value }?.contactShare ?? 0.005)
        })
        for _ in 0..<count {
            let channel = mix.draw(&random)
            let opensAt = channel == .online || channel == .email ? 7 * 3_600 : 8 * 3_600 + 1_800
            let closesAt = channel == .online || channel == .email ? 23 * 3_600 : 17 * 3_600
            let at = day.start().addingTimeInterval(Double(random.int(in: opensAt...closesAt - 1)))
            let service = random.chance(0.85) && !about.isEmpty ? about.draw(&random) : nil
            let demand: Contact.Demand = random.chance(0.20 - 0.07 * progress) ? .failure : random.chance(0.08 - 0.03 * progress) ? .avoidable : .value
            let outcome: Contact.Outcome = channel == .online ? .resolvedFirstTime : assistedOutcome(progress, &random)
            let assisted = channel != .online
            let minutes: Int? = switch channel {
            case .phone: random.int(in: 2...14)
            case .faceToFace: random.int(in: 5...25)
            default: nil
            }
            rows.contacts.append(ContactRepository.Row(Contact(
                id: random.uuid(), councilID: DemoCouncil.council.id, customerID: nil, channel: channel, serviceID: service?.id,
                outcome: outcome, demand: demand, durationMinutes: minutes,
                notes: SyntheticYear.Chronicle.notes(demand, outcome, service: service), staffID: assisted ? advisor.id : nil,
                staffName: assisted ? advisor.displayName : "Online", recordedAt: at)))
            if channel == .phone { call(answeredAt: at, progress: progress, random: &random, rows: &rows) }
        }
        if !weekend {
            // Some callers give up in the queue: fewer as the year goes on and more people go online.
            for _ in 0..<random.int(in: 0...Int((3 - 2 * progress).rounded())) {
                let rang = day.start().addingTimeInterval(Double(random.int(in: 30_600...61_199)))
                let gaveUp = random.int(in: 40...400)
                rows.calls.append(CallRepository.Row(
                    id: random.uuid(), council_id: DemoCouncil.council.id, external_id: "", caller_number: "07700 \(random.int(in: 900_000...900_999))",
                    customer_id: nil, queue: "general", agent: nil, agent_staff_id: nil, offered_at: rang, answered_at: nil,
                    ended_at: rang.addingTimeInterval(Double(gaveUp)), wait_seconds: gaveUp))
            }
        }
        let pages = SyntheticYear.WeightedChoice(SyntheticYear.feedbackPages.map { (($0.path, $0.useful), $0.weight) })
        for _ in 0..<random.int(in: 2...8) {
            let (path, useful) = pages.draw(&random)
            rows.feedback.append(SyntheticYear.FeedbackRow(
                id: random.uuid(), council_id: DemoCouncil.council.id, page_path: path, useful: random.chance(useful + 0.06 * progress), comment: "",
                created_at: day.start().addingTimeInterval(Double(random.int(in: 25_200...82_799)))))
        }
    }

    /// First-contact resolution improves through the year.
    static func assistedOutcome(_ progress: Double, _ random: inout SyntheticCustomers.Generator) -> Contact.Outcome {
        SyntheticYear.WeightedChoice<Contact.Outcome>([
            (.resolvedFirstTime, 0.60 + 0.10 * progress), (.caseRaised, 0.18), (.handedOff, 0.10 - 0.05 * progress),
            (.signposted, 0.08 - 0.03 * progress), (.callbackBooked, 0.04 - 0.02 * progress),
        ]).draw(&random)
    }

    /// The call behind a phone contact, answered after a wait that shortens through the year.
    static func call(answeredAt answered: Date, progress: Double, random: inout SyntheticCustomers.Generator, rows: inout SyntheticYear.Rows) {
        let wait = random.int(in: 15...Int(200 - 110 * progress))
        let offered = answered.addingTimeInterval(-Double(wait))
        rows.calls.append(CallRepository.Row(
            id: random.uuid(), council_id: DemoCouncil.council.id, external_id: "", caller_number: "01632 \(random.int(in: 960_000...960_999))",
            customer_id: nil, queue: "general", agent: advisor.email, agent_staff_id: advisor.id, offered_at: offered, answered_at: answered,
            ended_at: answered.addingTimeInterval(Double(random.int(in: 90...600))), wait_seconds: wait))
    }
}
