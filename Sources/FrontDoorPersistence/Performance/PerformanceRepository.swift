import Foundation
import FrontDoorDomain
import SQLKit

/// Counts what the dashboard shows, straight from the records (no roll-up tables to fall out of
/// step): one grouped query a table a period, grouped finely enough that every breakdown and
/// total is added up from the same rows (`PerformanceCounts`). The formulas are the domain's.
/// Several councils (a shared service) are counted together.
public struct PerformanceRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func counts(councilIDs: [UUID], period: ReportingPeriod) async throws -> PerformanceCounts {
        PerformanceCounts(contacts: try await contacts(councilIDs: councilIDs, period: period),
                          received: try await received(councilIDs: councilIDs, period: period),
                          resolved: try await resolved(councilIDs: councilIDs, period: period),
                          calls: try await calls(councilIDs: councilIDs, period: period),
                          satisfaction: try await satisfaction(councilIDs: councilIDs, period: period))
    }

    static let count = SQLFunction("COUNT", args: SQLLiteral.all)

    public func contacts(councilIDs: [UUID], period: ReportingPeriod) async throws -> [ContactFigures.Count] {
        struct Row: Decodable { var service_id: UUID?; var channel: String; var outcome: String; var demand: String; var contacts: Int }
        let interval = period.interval
        return try await database.sql.select().columns("service_id", "channel", "outcome", "demand").column(Self.count, as: "contacts")
            .from("contacts").where("council_id", .in, SQLBind.group(councilIDs))
            .where("recorded_at", .greaterThanOrEqual, interval.start).where("recorded_at", .lessThan, interval.end)
            .groupBy("service_id").groupBy("channel").groupBy("outcome").groupBy("demand")
            .all(decoding: Row.self).compactMap { row in
                guard let channel = Contact.Channel(rawValue: row.channel), let outcome = Contact.Outcome(rawValue: row.outcome),
                      let demand = Contact.Demand(rawValue: row.demand) else { return nil }
                return .init(serviceID: row.service_id, channel: channel, outcome: outcome, demand: demand, contacts: row.contacts)
            }
    }

    /// Cases received in the period. A duplicate is still a request someone made, so it counts.
    public func received(councilIDs: [UUID], period: ReportingPeriod) async throws -> [PerformanceCounts.Received] {
        struct Row: Decodable { var service_id: UUID; var team_id: UUID?; var ward: String?; var channel: String; var through_form: Int; var cases: Int }
        let interval = period.interval
        let throughForm = SQLRaw("CASE WHEN submission_id IS NULL THEN 0 ELSE 1 END")
        return try await database.sql.select().columns("service_id", "team_id", "ward", "channel").column(throughForm, as: "through_form")
            .column(Self.count, as: "cases")
            .from("cases").where("council_id", .in, SQLBind.group(councilIDs))
            .where("received_at", .greaterThanOrEqual, interval.start).where("received_at", .lessThan, interval.end)
            .groupBy("service_id").groupBy("team_id").groupBy("ward").groupBy("channel").groupBy(throughForm)
            .all(decoding: Row.self).compactMap { row in
                ServiceChannel(rawValue: row.channel).map {
                    .init(serviceID: row.service_id, teamID: row.team_id, ward: row.ward, channel: $0, throughForm: row.through_form == 1, cases: row.cases)
                }
            }
    }

    /// Cases resolved in the period that had a standard to meet.
    public func resolved(councilIDs: [UUID], period: ReportingPeriod) async throws -> [PerformanceCounts.Resolved] {
        struct Row: Decodable { var service_id: UUID; var team_id: UUID?; var ward: String?; var channel: String; var met: Int; var cases: Int }
        let interval = period.interval
        let met = SQLRaw("CASE WHEN standard_met THEN 1 ELSE 0 END")
        return try await database.sql.select().columns("service_id", "team_id", "ward", "channel").column(met, as: "met")
            .column(Self.count, as: "cases")
            .from("cases").where("council_id", .in, SQLBind.group(councilIDs))
            .where("resolved_at", .greaterThanOrEqual, interval.start).where("resolved_at", .lessThan, interval.end)
            .where("standard_met", .isNot, SQLLiteral.null)
            .groupBy("service_id").groupBy("team_id").groupBy("ward").groupBy("channel").groupBy(met)
            .all(decoding: Row.self).compactMap { row in
                ServiceChannel(rawValue: row.channel).map {
                    .init(serviceID: row.service_id, teamID: row.team_id, ward: row.ward, channel: $0, met: row.met == 1, cases: row.cases)
                }
            }
    }

    /// Calls offered in the period, counted in `CallFigures`' terms: answered once picked up,
    /// abandoned when ended unanswered, the wait averaged over answered calls that reported one.
    public func calls(councilIDs: [UUID], period: ReportingPeriod) async throws -> CallFigures {
        struct Row: Decodable { var offered: Int; var answered: Int; var abandoned: Int?; var waits: Int; var waited: Int? }
        let interval = period.interval
        let row = try await database.sql.select().column(Self.count, as: "offered")
            .column(SQLFunction("COUNT", args: SQLColumn("answered_at")), as: "answered")
            .column(SQLRaw("SUM(CASE WHEN answered_at IS NULL AND ended_at IS NOT NULL THEN 1 ELSE 0 END)"), as: "abandoned")
            .column(SQLRaw("COUNT(CASE WHEN answered_at IS NOT NULL THEN wait_seconds END)"), as: "waits")
            .column(SQLRaw("SUM(CASE WHEN answered_at IS NOT NULL THEN wait_seconds END)"), as: "waited")
            .from("calls").where("council_id", .in, SQLBind.group(councilIDs))
            .where("offered_at", .greaterThanOrEqual, interval.start).where("offered_at", .lessThan, interval.end)
            .first(decoding: Row.self)
        guard let row else { return CallFigures([]) }
        return CallFigures(offered: row.offered, answered: row.answered, abandoned: row.abandoned ?? 0,
                           averageWaitSeconds: row.waits == 0 ? nil : Double(row.waited ?? 0) / Double(row.waits), waitsReported: row.waits)
    }

    /// Ratings given and pages answered in the period.
    public func satisfaction(councilIDs: [UUID], period: ReportingPeriod) async throws -> SatisfactionFigures {
        struct Score: Decodable { var score: Int; var ratings: Int }
        struct Answer: Decodable { var useful: Int; var answers: Int }
        let interval = period.interval
        let scores = try await database.sql.select().column(SQLColumn("score", table: "case_ratings")).column(Self.count, as: "ratings")
            .from("case_ratings").join("cases", on: SQLColumn("id", table: "cases"), .equal, SQLColumn("case_id", table: "case_ratings"))
            .where(SQLColumn("council_id", table: "cases"), .in, SQLBind.group(councilIDs))
            .where(SQLColumn("rated_at", table: "case_ratings"), .greaterThanOrEqual, SQLBind(interval.start))
            .where(SQLColumn("rated_at", table: "case_ratings"), .lessThan, SQLBind(interval.end))
            .groupBy(SQLColumn("score", table: "case_ratings")).all(decoding: Score.self)
        let useful = SQLRaw("CASE WHEN useful THEN 1 ELSE 0 END")
        let answers = try await database.sql.select().column(useful, as: "useful").column(Self.count, as: "answers")
            .from("page_feedback").where("council_id", .in, SQLBind.group(councilIDs))
            .where("created_at", .greaterThanOrEqual, interval.start).where("created_at", .lessThan, interval.end)
            .groupBy(useful).all(decoding: Answer.self)
        return SatisfactionFigures(ratings: Dictionary(scores.map { ($0.score, $0.ratings) }, uniquingKeysWith: +),
                                   pagesUseful: answers.filter { $0.useful == 1 }.reduce(0) { $0 + $1.answers },
                                   pagesNotUseful: answers.filter { $0.useful == 0 }.reduce(0) { $0 + $1.answers })
    }
}

extension PerformanceRepository {
    /// Contacts by channel in each step (`ReportingPeriod.steps`), in one pass: each contact is
    /// placed in its step by comparing its time with the steps' UK-midnight boundaries, which
    /// reads the same on both databases (neither has to know the UK's clock changes).
    public func contactTrend(councilIDs: [UUID], steps: [ReportingPeriod]) async throws -> [[Contact.Channel: Int]] {
        guard let first = steps.first, let last = steps.last else { return [] }
        struct Row: Decodable { var step: Int; var channel: String; var contacts: Int }
        var step = SQLQueryString("CASE")
        for (index, period) in steps.enumerated().dropLast() {
            step.appendInterpolation(raw: " WHEN recorded_at < ")
            step.appendInterpolation(bind: period.interval.end)
            step.appendInterpolation(raw: " THEN \(index)")
        }
        step.appendInterpolation(raw: " ELSE \(steps.count - 1) END")
        let rows = try await database.sql.select().column(step, as: "step").column("channel").column(Self.count, as: "contacts")
            .from("contacts").where("council_id", .in, SQLBind.group(councilIDs))
            .where("recorded_at", .greaterThanOrEqual, first.interval.start).where("recorded_at", .lessThan, last.interval.end)
            // By the output column's name: PostgreSQL would not see two copies of the CASE, each with its own binds, as one expression.
            .groupBy("step").groupBy("channel").all(decoding: Row.self)
        var trend = Array(repeating: [Contact.Channel: Int](), count: steps.count)
        for row in rows {
            guard trend.indices.contains(row.step), let channel = Contact.Channel(rawValue: row.channel) else { continue }
            trend[row.step][channel, default: 0] += row.contacts
        }
        return trend
    }
}
