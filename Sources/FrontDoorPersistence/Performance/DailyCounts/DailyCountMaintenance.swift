import Foundation
import FrontDoorDomain
import SQLKit

/// For operators: checks the daily counts against a full recount, and counts them again from
/// the records. The triggers keep them right; a rebuild is for a database whose triggers were
/// switched off while records were loaded, or restored from a partial copy.
public struct DailyCountMaintenance: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// A month of a council where the daily counts and the recount differ, and in what.
    public struct Disagreement: Sendable, Equatable {
        public var councilID: UUID
        public var month: ReportingPeriod
        public var figures: [String]

        public init(councilID: UUID, month: ReportingPeriod, figures: [String]) {
            self.councilID = councilID
            self.month = month
            self.figures = figures
        }
    }

    /// Every month of every council from its first record to its last, compared.
    public func check() async throws -> (months: Int, disagreements: [Disagreement]) {
        let daily = PerformanceRepository(database: database), recount = PerformanceRecount(database: database)
        var months = 0
        var disagreements: [Disagreement] = []
        for councilID in try await councilIDs() {
            guard let span = try await span(councilID: councilID) else { continue }
            var month = ReportingPeriod.month(containing: span.first)
            while month.first <= span.last {
                let ids = [councilID]
                var differing: [String] = []
                if Set(try await daily.contacts(councilIDs: ids, period: month)) != Set(try await recount.contacts(councilIDs: ids, period: month)) {
                    differing.append("contacts")
                }
                if Set(try await daily.received(councilIDs: ids, period: month)) != Set(try await recount.received(councilIDs: ids, period: month)) {
                    differing.append("cases received")
                }
                if Set(try await daily.resolved(councilIDs: ids, period: month)) != Set(try await recount.resolved(councilIDs: ids, period: month)) {
                    differing.append("cases resolved")
                }
                if Set(try await daily.wards(councilIDs: ids, period: month)) != Set(try await recount.wards(councilIDs: ids, period: month)) {
                    differing.append("wards")
                }
                if try await daily.calls(councilIDs: ids, period: month) != recount.calls(councilIDs: ids, period: month) {
                    differing.append("calls")
                }
                if !differing.isEmpty { disagreements.append(Disagreement(councilID: councilID, month: month, figures: differing)) }
                months += 1
                month = ReportingPeriod.month(containing: month.last.adding(days: 1))
            }
        }
        return (months, disagreements)
    }

    /// Empties the daily tables and counts every record again, in one transaction (writers
    /// wait for it).
    public func rebuild() async throws {
        let sql = DailyCountSQL(kind: database.kind)
        try await database.transaction { db in
            if let lock = sql.lockSources { try await db.raw(SQLQueryString(lock)).run() }
            for table in Set(DailyCount.all.map(\.table)).sorted() { try await db.delete(from: table).run() }
            for count in DailyCount.all { try await db.raw(SQLQueryString(sql.countAll(count))).run() }
        }
    }

    private func councilIDs() async throws -> [UUID] {
        struct Row: Decodable { var id: UUID }
        return try await database.sql.select().column("id").from("councils").all(decoding: Row.self).map(\.id)
    }

    /// The UK days of a council's first and last counted record.
    private func span(councilID: UUID) async throws -> (first: LocalDate, last: LocalDate)? {
        struct Row: Decodable { var first: Date?; var last: Date? }
        var first: Date?, last: Date?
        for (table, column) in [("contacts", "recorded_at"), ("cases", "received_at"), ("cases", "resolved_at"), ("calls", "offered_at")] {
            let row = try await database.sql.select().column(SQLFunction("MIN", args: SQLColumn(column)), as: "first")
                .column(SQLFunction("MAX", args: SQLColumn(column)), as: "last")
                .from(table).where("council_id", .equal, councilID).first(decoding: Row.self)
            if let value = row?.first { first = min(first ?? value, value) }
            if let value = row?.last { last = max(last ?? value, value) }
        }
        guard let first, let last else { return nil }
        return (LocalDate(first), LocalDate(last))
    }
}
