import Foundation
import FrontDoorDomain
import SQLKit

/// The dashboard's counts taken from the records themselves, the slow way: what the daily
/// counts (`DailyCount`) must always agree with. Tests hold them equal, and an operator can
/// compare them on a live database (`frontdoor daily-counts --check`).
public struct PerformanceRecount: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
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
        try await receivedRows(councilIDs: councilIDs, period: period, byWard: false).map(\.row)
    }

    /// Cases resolved in the period that had a standard to meet.
    public func resolved(councilIDs: [UUID], period: ReportingPeriod) async throws -> [PerformanceCounts.Resolved] {
        try await resolvedRows(councilIDs: councilIDs, period: period, byWard: false).map(\.row)
    }

    /// Each ward's cases received and resolved against a standard in the period.
    public func wards(councilIDs: [UUID], period: ReportingPeriod) async throws -> [PerformanceCounts.Ward] {
        let received = Dictionary(grouping: try await receivedRows(councilIDs: councilIDs, period: period, byWard: true), by: \.ward)
        let resolved = Dictionary(grouping: try await resolvedRows(councilIDs: councilIDs, period: period, byWard: true), by: \.ward)
        return Set(received.keys).union(resolved.keys).map { ward in
            PerformanceCounts.Ward(ward: ward, received: PerformanceCounts.received((received[ward] ?? []).map(\.row)),
                                   standard: PerformanceCounts.standard((resolved[ward] ?? []).map(\.row)))
        }
    }

    /// By service, team and channel, and by ward too when asked (otherwise every ward is nil).
    private func receivedRows(councilIDs: [UUID], period: ReportingPeriod, byWard: Bool) async throws -> [(ward: String?, row: PerformanceCounts.Received)] {
        struct Row: Decodable { var ward: String?; var service_id: UUID; var team_id: UUID?; var channel: String; var through_form: Int; var cases: Int }
        let interval = period.interval
        let throughForm = SQLRaw("CASE WHEN submission_id IS NULL THEN 0 ELSE 1 END")
        return try await grouped(byWard: byWard, extra: throughForm, as: "through_form")
            .where("received_at", .greaterThanOrEqual, interval.start).where("received_at", .lessThan, interval.end)
            .where("council_id", .in, SQLBind.group(councilIDs))
            .all(decoding: Row.self).compactMap { row in
                ServiceChannel(rawValue: row.channel).map {
                    (row.ward, .init(serviceID: row.service_id, teamID: row.team_id, channel: $0, throughForm: row.through_form == 1, cases: row.cases))
                }
            }
    }

    private func resolvedRows(councilIDs: [UUID], period: ReportingPeriod, byWard: Bool) async throws -> [(ward: String?, row: PerformanceCounts.Resolved)] {
        struct Row: Decodable { var ward: String?; var service_id: UUID; var team_id: UUID?; var channel: String; var met: Int; var cases: Int }
        let interval = period.interval
        return try await grouped(byWard: byWard, extra: SQLRaw("CASE WHEN standard_met THEN 1 ELSE 0 END"), as: "met")
            .where("resolved_at", .greaterThanOrEqual, interval.start).where("resolved_at", .lessThan, interval.end)
            .where("standard_met", .isNot, SQLLiteral.null).where("council_id", .in, SQLBind.group(councilIDs))
            .all(decoding: Row.self).compactMap { row in
                ServiceChannel(rawValue: row.channel).map {
                    (row.ward, .init(serviceID: row.service_id, teamID: row.team_id, channel: $0, met: row.met == 1, cases: row.cases))
                }
            }
    }

    /// Cases counted by service, team, channel and `extra`, and by ward when asked.
    private func grouped(byWard: Bool, extra: SQLRaw, as name: String) -> SQLSelectBuilder {
        let ward: any SQLExpression = byWard ? SQLColumn("ward") : SQLRaw("CAST(NULL AS TEXT)")
        var query = database.sql.select().column(ward, as: "ward").columns("service_id", "team_id", "channel").column(extra, as: name)
            .column(Self.count, as: "cases").from("cases")
            .groupBy("service_id").groupBy("team_id").groupBy("channel").groupBy(extra)
        if byWard { query = query.groupBy("ward") }
        return query
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
}
