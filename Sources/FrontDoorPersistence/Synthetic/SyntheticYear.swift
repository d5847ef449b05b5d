import Foundation
import FrontDoorDomain
import SQLKit

/// A large council's year of activity, invented for benchmarking the manager's dashboard:
/// customers; contacts on every channel, shifting online through the year; cases made online by
/// residents and through the same forms by advisors, with what became of each; calls, ratings,
/// page feedback, complaints and information requests; Mondays, council tax bills, summer bins
/// and Christmas all where they fall. The same seed always gives the same year. Used by the
/// synthetic-year command and its tests; the demo's year (`DemoActivity`) borrows its writer.
public struct SyntheticYear: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// How big a year, and which.
    public struct Plan: Sendable, Equatable {
        /// Every contact, the cases' own among them: each case is also a contact.
        public var contacts: Int
        public var cases: Int
        public var customers: Int
        public var seed: UInt64
        /// The first day of the first month.
        public var firstMonth: LocalDate
        public var months: Int

        public init(contacts: Int = 2_000_000, cases: Int = 500_000, customers: Int = 250_000, seed: UInt64 = 20_261_101,
                    firstMonth: LocalDate, months: Int = 12) {
            self.contacts = contacts
            self.cases = cases
            self.customers = customers
            self.seed = seed
            self.firstMonth = LocalDate(year: firstMonth.year, month: firstMonth.month, day: 1)!
            self.months = months
        }

        /// The twelve whole months before `day`'s month: 15 November 2026 gives November 2025 to October 2026.
        public init(contacts: Int = 2_000_000, cases: Int = 500_000, customers: Int = 250_000, seed: UInt64 = 20_261_101,
                    endingBefore day: LocalDate) {
            self.init(contacts: contacts, cases: cases, customers: customers, seed: seed,
                      firstMonth: LocalDate(year: day.year, month: day.month, day: 1)!.adding(months: -12))
        }

        /// The first day after the year.
        public var end: LocalDate { firstMonth.adding(months: months) }

        public var problems: [String] {
            var problems: [String] = []
            if cases < 0 || contacts < 0 { problems.append("the numbers of contacts and cases cannot be negative") }
            if cases > contacts { problems.append("every case is also a contact: ask for at least as many contacts as cases") }
            if customers < 1 { problems.append("a council needs at least one customer") }
            if !(1...120).contains(months) { problems.append("a synthetic year is from 1 to 120 months long") }
            return problems
        }
    }

    /// What one run added.
    public struct Written: Sendable, Equatable {
        /// The council had its synthetic year already, so nothing was added.
        public var alreadyThere = false
        public var customers = 0
        public var contacts = 0
        public var cases = 0
        public var calls = 0
        public var ratings = 0
        public var pageFeedback = 0
        public var complaints = 0
        public var informationRequests = 0

        mutating func add(_ rows: Rows) {
            contacts += rows.contacts.count
            cases += rows.cases.count
            calls += rows.calls.count
            ratings += rows.ratings.count
            pageFeedback += rows.feedback.count
            complaints += rows.complaints.count
            informationRequests += rows.requests.count
        }
    }

    public struct Refused: Error, CustomStringConvertible {
        public var description: String
    }

    /// Writes the plan's year for the council, a month at a time; `progress` hears how it is
    /// going. A council that has contacts or cases already is left as it is.
    public func write(councilID: UUID, plan: Plan, progress: (String) -> Void = { _ in }) async throws -> Written {
        if let problem = plan.problems.first { throw Refused(description: problem) }
        guard let council = try await CouncilRepository(database: database).find(id: councilID) else {
            throw Refused(description: "there is no council with the id \(councilID.uuidString)")
        }
        let already = try await recorded(councilID: councilID)
        if already.contacts > 0 || already.cases > 0 {
            progress("\(council.name) has contacts and cases already (\(already.contacts) contacts, \(already.cases) cases): nothing added.")
            return Written(alreadyThere: true)
        }
        var written = Written()
        written.customers = try await prepareCustomers(councilID: councilID, plan: plan, progress: progress)
        let setting = try await prepareSetting(councilID: councilID, progress: progress)
        let rules = try await CouncilCalendarRepository(database: database, shipped: ShippedBankHolidays.load()).rules(for: council)
        let people = (0..<plan.customers).map { index in
            let person = SyntheticCustomers.customer(index, councilID: councilID, seed: plan.seed)
            return (name: person.name, phone: person.phone)
        }
        var chronicle = try Chronicle(plan: plan, councilID: councilID, setting: setting, rules: rules, people: people)
        for index in 0..<plan.months {
            let started = Date()
            let rows = try chronicle.month(index)
            let invented = Date()
            try await insert(rows)
            written.add(rows)
            let month = plan.firstMonth.adding(months: index)
            progress(String(format: "  %04d-%02d: %d cases, %d contacts, %d calls (invented in %.1f s, written in %.1f s)", month.year, month.month,
                            rows.cases.count, rows.contacts.count, rows.calls.count, invented.timeIntervalSince(started), Date().timeIntervalSince(invented)))
        }
        return written
    }

    /// The council's contacts and cases, whoever made them.
    public func recorded(councilID: UUID) async throws -> (contacts: Int, cases: Int) {
        struct Count: Decodable { var n: Int }
        func count(_ table: String) async throws -> Int {
            try await database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)
                .where("council_id", .equal, councilID).first(decoding: Count.self)?.n ?? 0
        }
        return (try await count("contacts"), try await count("cases"))
    }

    /// Invents the customers the council is missing; returns how many. Cases and contacts name
    /// customers by the seed's ids, so customers invented with another seed are refused.
    func prepareCustomers(councilID: UUID, plan: Plan, progress: (String) -> Void) async throws -> Int {
        let people = SyntheticCustomers(database: database)
        let existing = try await people.count(councilID: councilID)
        if existing < plan.customers {
            progress("Adding \(plan.customers - existing) invented customers (\(existing) already there)…")
            try await people.write(from: existing, to: plan.customers, councilID: councilID, seed: plan.seed, batch: 1_000) { done in
                if done % 50_000 == 0 { progress("  \(done) customers") }
            }
        }
        struct Found: Decodable { var id: UUID }
        let wanted = Set([0, plan.customers - 1].map { UUID(uuid: SyntheticCustomers.uuid($0, plan.seed)) })
        let found = try await database.sql.select().column("id").from("customers").where("council_id", .equal, councilID)
            .where("id", .in, Array(wanted)).all(decoding: Found.self)
        guard found.count == wanted.count else {
            throw Refused(description: "the council's customers were invented with another seed: use that seed, or a council without customers")
        }
        return max(0, plan.customers - existing)
    }

    // MARK: Writing

    /// A month's rows, by table.
    struct Rows {
        var submissions: [SubmittedFormRepository.Row] = []
        var cases: [CaseRow] = []
        var events: [CaseEventRow] = []
        var contacts: [ContactRepository.Row] = []
        var calls: [CallRepository.Row] = []
        var ratings: [RatingRow] = []
        var complaints: [ComplaintRow] = []
        var stages: [ComplaintRepository.StageRow] = []
        var subjects: [SubjectRow] = []
        var requests: [InformationRequestRow] = []
        var feedback: [FeedbackRow] = []
    }

    struct RatingRow {
        var case_id: UUID
        var customer_id: UUID?
        var score: Int
        var comment: String
        var rated_at: Date
    }

    struct FeedbackRow {
        var id: UUID
        var council_id: UUID?
        var page_path: String
        var useful: Bool
        var comment: String
        var created_at: Date
    }

    struct ComplaintRow {
        var case_id: UUID
        var council_id: UUID
        var complaint_type: String
        /// `ComplaintPolicy` as JSON, as `ComplaintRepository` keeps it.
        var policy: String
    }

    struct SubjectRow {
        var case_id: UUID
        var service_id: UUID
    }

    typealias InformationRequestRow = InformationRequestRepository.Row

    /// Each table in turn, parents before children (foreign keys are checked as rows arrive).
    func insert(_ rows: Rows) async throws {
        try await insert(rows.submissions, into: "form_submissions")
        try await insert(rows.cases, into: "cases")
        try await insert(rows.events, into: "case_events")
        try await insert(rows.contacts, into: "contacts")
        try await insert(rows.calls, into: "calls")
        try await insert(rows.ratings, into: "case_ratings")
        try await insert(rows.complaints, into: "complaints")
        try await insert(rows.stages, into: "complaint_stages")
        try await insert(rows.subjects, into: "case_subjects")
        try await insert(rows.requests, into: "information_requests")
        try await insert(rows.feedback, into: "page_feedback")
    }

    /// Many rows a statement and many statements a transaction: under 30,000 values a statement,
    /// inside SQLite's limit on bound parameters (32,766) and PostgreSQL's (65,535).
    func insert<Row: ListedRow & Sendable>(_ rows: [Row], into table: String) async throws {
        guard let first = rows.first else { return }
        // The columns are the row type's stored properties, named as the table's columns.
        let columns = Mirror(reflecting: first).children.compactMap(\.label)
        guard columns.count == first.listedValues.count else {
            throw Refused(description: "the synthetic year lists \(first.listedValues.count) of the \(columns.count) columns of \(table)")
        }
        let perStatement = max(1, min(1_000, 30_000 / columns.count))
        let perTransaction = perStatement * 25
        for start in stride(from: 0, to: rows.count, by: perTransaction) {
            let batch = Array(rows[start..<min(start + perTransaction, rows.count)])
            try await database.transaction { db in
                for offset in stride(from: 0, to: batch.count, by: perStatement) {
                    let insert = db.insert(into: table).columns(columns)
                    for row in batch[offset..<min(offset + perStatement, batch.count)] {
                        insert.values(row.listedValues.map { SQLBind($0) })
                    }
                    try await insert.run()
                }
            }
        }
    }
}

/// A row written by listing its values in the order of its stored properties: many times
/// faster than encoding each of millions of rows through `Codable`.
protocol ListedRow {
    var listedValues: [any Encodable & Sendable] { get }
}

extension SubmittedFormRepository.Row: ListedRow {
    var listedValues: [any Encodable & Sendable] {
        [id, council_id, service_id, form_version, answers, answers_as_typed, customer_id, submitted_by_staff_id, channel, submitted_at,
         guest_email, guest_token_digest]
    }
}

extension CaseRow: ListedRow {
    var listedValues: [any Encodable & Sendable] {
        [id, council_id, reference, service_id, submission_id, customer_id, guest_email, channel, priority, status, team_id, officer_id,
         latitude, longitude, address, ward, uprn, received_at, acknowledge_by, resolve_by_date, resolve_by_at, standard_state, standard_met,
         working_days_taken, created_at, updated_at, acknowledged_at, resolved_at, closed_at, version]
    }
}

extension CaseEventRow: ListedRow {
    var listedValues: [any Encodable & Sendable] {
        [id, case_id, occurred_at, actor_id, actor_name, visibility, text, from_status, to_status, case_version]
    }
}

extension ContactRepository.Row: ListedRow {
    var listedValues: [any Encodable & Sendable] {
        [id, council_id, customer_id, channel, service_id, outcome, demand, duration_minutes, notes, staff_id, staff_name, recorded_at]
    }
}

extension CallRepository.Row: ListedRow {
    var listedValues: [any Encodable & Sendable] {
        [id, council_id, external_id, caller_number, customer_id, queue, agent, agent_staff_id, offered_at, answered_at, ended_at, wait_seconds]
    }
}

extension ComplaintRepository.StageRow: ListedRow {
    var listedValues: [any Encodable & Sendable] {
        [id, case_id, number, requested_on, reason, acknowledged_on, officer_id, extension_days, extension_reason, extension_told_on,
         responded_on, outcome, remedies, financial_pence, root_cause, response_text, created_at]
    }
}

extension SyntheticYear.RatingRow: ListedRow {
    var listedValues: [any Encodable & Sendable] { [case_id, customer_id, score, comment, rated_at] }
}

extension SyntheticYear.FeedbackRow: ListedRow {
    var listedValues: [any Encodable & Sendable] { [id, council_id, page_path, useful, comment, created_at] }
}

extension SyntheticYear.ComplaintRow: ListedRow {
    var listedValues: [any Encodable & Sendable] { [case_id, council_id, complaint_type, policy] }
}

extension SyntheticYear.SubjectRow: ListedRow {
    var listedValues: [any Encodable & Sendable] { [case_id, service_id] }
}

extension SyntheticYear.InformationRequestRow: ListedRow {
    var listedValues: [any Encodable & Sendable] {
        [case_id, council_id, kind, received_on, identity_check_needed, identity_verified_on, extended_until, extended_months,
         extension_reason, extension_told_on, answered_on, response_text, disclosure_published_at, disclosure_request, disclosure_response]
    }
}
