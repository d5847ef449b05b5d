import Foundation
import FrontDoorDomain
import SQLKit

/// Counts what the dashboard shows from the daily counts (`DailyCount`), which the database
/// keeps as records change: a period is whole UK days, so its counts are the sums of its days'.
/// Grouped finely enough that every breakdown and total is added up from the same rows
/// (`PerformanceCounts`); the formulas are the domain's. Several councils (a shared service)
/// are counted together. `PerformanceRecount` counts the same from the records.
public struct PerformanceRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func counts(councilIDs: [UUID], period: ReportingPeriod) async throws -> PerformanceCounts {
        PerformanceCounts(contacts: try await contacts(councilIDs: councilIDs, period: period),
                          received: try await received(councilIDs: councilIDs, period: period),
                          resolved: try await resolved(councilIDs: councilIDs, period: period),
                          wards: try await wards(councilIDs: councilIDs, period: period),
                          calls: try await calls(councilIDs: councilIDs, period: period),
                          satisfaction: try await satisfaction(councilIDs: councilIDs, period: period))
    }

    /// How the daily tables store "none" for a service or team.
    static let noneID = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    static func sum(_ column: String) -> SQLRaw {
        // Cast: PostgreSQL's sum of a bigint is a numeric, which would not read as an Int.
        SQLRaw("CAST(SUM(\(column)) AS BIGINT)")
    }

    /// The daily rows of `table` for the councils in the period's days.
    func days(_ table: String, councilIDs: [UUID], period: ReportingPeriod) -> SQLSelectBuilder {
        database.sql.select().from(table).where("council_id", .in, SQLBind.group(councilIDs))
            .where("day", .greaterThanOrEqual, SQLBind(period.first.description)).where("day", .lessThanOrEqual, SQLBind(period.last.description))
    }

    public func contacts(councilIDs: [UUID], period: ReportingPeriod) async throws -> [ContactFigures.Count] {
        struct Row: Decodable { var service_id: UUID; var channel: String; var outcome: String; var demand: String; var contacts: Int }
        return try await days("daily_contacts", councilIDs: councilIDs, period: period)
            .columns("service_id", "channel", "outcome", "demand").column(Self.sum("contacts"), as: "contacts")
            .groupBy("service_id").groupBy("channel").groupBy("outcome").groupBy("demand")
            .all(decoding: Row.self).compactMap { row in
                guard row.contacts != 0, let channel = Contact.Channel(rawValue: row.channel), let outcome = Contact.Outcome(rawValue: row.outcome),
                      let demand = Contact.Demand(rawValue: row.demand) else { return nil }
                return .init(serviceID: row.service_id == Self.noneID ? nil : row.service_id, channel: channel, outcome: outcome,
                             demand: demand, contacts: row.contacts)
            }
    }

    /// Cases received in the period. A duplicate is still a request someone made, so it counts.
    public func received(councilIDs: [UUID], period: ReportingPeriod) async throws -> [PerformanceCounts.Received] {
        try await caseDays(councilIDs: councilIDs, period: period, total: "received", part: "received_through_forms").flatMap { row in
            [(true, row.part), (false, row.total - row.part)].filter { $0.1 != 0 }.map { throughForm, cases in
                PerformanceCounts.Received(serviceID: row.serviceID, teamID: row.teamID, channel: row.channel, throughForm: throughForm, cases: cases)
            }
        }
    }

    /// Cases resolved in the period that had a standard to meet.
    public func resolved(councilIDs: [UUID], period: ReportingPeriod) async throws -> [PerformanceCounts.Resolved] {
        try await caseDays(councilIDs: councilIDs, period: period, total: "resolved_with_standard", part: "standard_met").flatMap { row in
            [(true, row.part), (false, row.total - row.part)].filter { $0.1 != 0 }.map { met, cases in
                PerformanceCounts.Resolved(serviceID: row.serviceID, teamID: row.teamID, channel: row.channel, met: met, cases: cases)
            }
        }
    }

    private struct CaseDays {
        var serviceID: UUID
        var teamID: UUID?
        var channel: ServiceChannel
        var total: Int
        var part: Int
    }

    /// `daily_cases` summed by service, team and channel: a total and the part of it that is
    /// through a form (received) or met its standard (resolved).
    private func caseDays(councilIDs: [UUID], period: ReportingPeriod, total: String, part: String) async throws -> [CaseDays] {
        struct Row: Decodable { var service_id: UUID; var team_id: UUID; var channel: String; var total: Int; var part: Int }
        return try await days("daily_cases", councilIDs: councilIDs, period: period)
            .columns("service_id", "team_id", "channel").column(Self.sum(total), as: "total").column(Self.sum(part), as: "part")
            .groupBy("service_id").groupBy("team_id").groupBy("channel")
            .all(decoding: Row.self).compactMap { row in
                ServiceChannel(rawValue: row.channel).map {
                    CaseDays(serviceID: row.service_id, teamID: row.team_id == Self.noneID ? nil : row.team_id, channel: $0, total: row.total, part: row.part)
                }
            }
    }

    /// Each ward's cases received and resolved against a standard in the period.
    public func wards(councilIDs: [UUID], period: ReportingPeriod) async throws -> [PerformanceCounts.Ward] {
        struct Row: Decodable { var ward: String; var received: Int; var forms: Int; var by_staff: Int; var resolved: Int; var met: Int }
        return try await days("daily_ward_cases", councilIDs: councilIDs, period: period)
            .column("ward").column(Self.sum("received"), as: "received").column(Self.sum("received_through_forms"), as: "forms")
            .column(Self.sum("received_through_forms_by_staff"), as: "by_staff")
            .column(Self.sum("resolved_with_standard"), as: "resolved").column(Self.sum("standard_met"), as: "met")
            .groupBy("ward").all(decoding: Row.self)
            .filter { $0.received != 0 || $0.resolved != 0 }
            .map { row in
                PerformanceCounts.Ward(ward: row.ward.isEmpty ? nil : row.ward,
                                       received: .init(cases: row.received, throughForms: row.forms, throughFormsByStaff: row.by_staff),
                                       standard: .init(resolved: row.resolved, met: row.met))
            }
    }

    /// Calls offered in the period, counted in `CallFigures`' terms (see `DailyCount.calls`).
    public func calls(councilIDs: [UUID], period: ReportingPeriod) async throws -> CallFigures {
        struct Row: Decodable { var offered: Int?; var answered: Int?; var abandoned: Int?; var waits: Int?; var waited: Int? }
        let row = try await days("daily_calls", councilIDs: councilIDs, period: period)
            .column(Self.sum("offered"), as: "offered").column(Self.sum("answered"), as: "answered")
            .column(Self.sum("abandoned"), as: "abandoned").column(Self.sum("waits_reported"), as: "waits")
            .column(Self.sum("waited_seconds"), as: "waited")
            .first(decoding: Row.self)
        guard let row, let offered = row.offered else { return CallFigures([]) }
        let waits = row.waits ?? 0
        return CallFigures(offered: offered, answered: row.answered ?? 0, abandoned: row.abandoned ?? 0,
                           averageWaitSeconds: waits == 0 ? nil : Double(row.waited ?? 0) / Double(waits), waitsReported: waits)
    }

    /// Ratings given and pages answered in the period: few enough to count from the records.
    public func satisfaction(councilIDs: [UUID], period: ReportingPeriod) async throws -> SatisfactionFigures {
        struct Score: Decodable { var score: Int; var ratings: Int }
        struct Answer: Decodable { var useful: Int; var answers: Int }
        let interval = period.interval
        let count = SQLFunction("COUNT", args: SQLLiteral.all)
        let scores = try await database.sql.select().column(SQLColumn("score", table: "case_ratings")).column(count, as: "ratings")
            .from("case_ratings").join("cases", on: SQLColumn("id", table: "cases"), .equal, SQLColumn("case_id", table: "case_ratings"))
            .where(SQLColumn("council_id", table: "cases"), .in, SQLBind.group(councilIDs))
            .where(SQLColumn("rated_at", table: "case_ratings"), .greaterThanOrEqual, SQLBind(interval.start))
            .where(SQLColumn("rated_at", table: "case_ratings"), .lessThan, SQLBind(interval.end))
            .groupBy(SQLColumn("score", table: "case_ratings")).all(decoding: Score.self)
        let useful = SQLRaw("CASE WHEN useful THEN 1 ELSE 0 END")
        let answers = try await database.sql.select().column(useful, as: "useful").column(count, as: "answers")
            .from("page_feedback").where("council_id", .in, SQLBind.group(councilIDs))
            .where("created_at", .greaterThanOrEqual, interval.start).where("created_at", .lessThan, interval.end)
            .groupBy(useful).all(decoding: Answer.self)
        return SatisfactionFigures(ratings: Dictionary(scores.map { ($0.score, $0.ratings) }, uniquingKeysWith: +),
                                   pagesUseful: answers.filter { $0.useful == 1 }.reduce(0) { $0 + $1.answers },
                                   pagesNotUseful: answers.filter { $0.useful == 0 }.reduce(0) { $0 + $1.answers })
    }
}

extension PerformanceRepository {
    /// Contacts by channel in each step (`ReportingPeriod.steps`), in one pass over the daily
    /// counts: each day is placed in its step by comparing it with the steps' last days.
    public func contactTrend(councilIDs: [UUID], steps: [ReportingPeriod]) async throws -> [[Contact.Channel: Int]] {
        guard let first = steps.first, let last = steps.last, let whole = ReportingPeriod(first: first.first, last: last.last) else { return [] }
        struct Row: Decodable { var step: Int; var channel: String; var contacts: Int }
        var step = SQLQueryString("CASE")
        for (index, period) in steps.enumerated().dropLast() {
            step.appendInterpolation(raw: " WHEN day <= ")
            step.appendInterpolation(bind: period.last.description)
            step.appendInterpolation(raw: " THEN \(index)")
        }
        step.appendInterpolation(raw: " ELSE \(steps.count - 1) END")
        let rows = try await days("daily_contacts", councilIDs: councilIDs, period: whole)
            .column(step, as: "step").column("channel").column(Self.sum("contacts"), as: "contacts")
            // By the output column's name: PostgreSQL would not see two copies of the CASE, each with its own binds, as one expression.
            .groupBy("step").groupBy("channel").all(decoding: Row.self)
        var trend = Array(repeating: [Contact.Channel: Int](), count: steps.count)
        for row in rows where row.contacts != 0 {
            guard trend.indices.contains(row.step), let channel = Contact.Channel(rawValue: row.channel) else { continue }
            trend[row.step][channel, default: 0] += row.contacts
        }
        return trend
    }
}
