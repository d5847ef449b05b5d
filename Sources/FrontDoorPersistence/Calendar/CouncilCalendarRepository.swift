import Foundation
import FrontDoorDomain
import SQLKit

/// Each council's calendar and case rules: its bank holidays (uploaded, or the shipped file),
/// closure days and settings.
public struct CouncilCalendarRepository: Sendable {
    let database: Database
    /// The file shipped with the product: used until a council uploads its own.
    let shipped: BankHolidays

    public init(database: Database, shipped: BankHolidays) {
        self.database = database
        self.shipped = shipped
    }

    struct Row: Codable {
        var council_id: UUID
        var bank_holidays: String?
        var cut_off_minutes: Int
        var acknowledge_working_days: Int
        var reopen_window_days: Int
        var updated_at: Date
    }

    public struct Closure: Sendable, Equatable {
        public var day: LocalDate
        public var reason: String
    }

    func row(_ councilID: UUID) async throws -> Row? {
        try await database.sql.select().column("*").from("council_case_rules").where("council_id", .equal, councilID).first(decoding: Row.self)
    }

    public func settings(councilID: UUID) async throws -> CaseRules.Settings {
        guard let row = try await row(councilID) else { return .standard }
        return CaseRules.Settings(cutOffMinutes: row.cut_off_minutes, acknowledgeWithinWorkingDays: row.acknowledge_working_days,
                                  reopenWindowDays: row.reopen_window_days)
    }

    /// The council's bank holidays, and whether they were uploaded (false: the shipped file).
    public func bankHolidays(councilID: UUID) async throws -> (BankHolidays, uploaded: Bool) {
        guard let text = try await row(councilID)?.bank_holidays else { return (shipped, false) }
        return ((try? BankHolidays(govUKJSON: Data(text.utf8))) ?? shipped, true)
    }

    public func closures(councilID: UUID) async throws -> [Closure] {
        struct ClosureRow: Decodable { var day: String; var reason: String }
        return try await database.sql.select().columns("day", "reason").from("council_closure_days").where("council_id", .equal, councilID)
            .orderBy("day").all(decoding: ClosureRow.self).compactMap { row in LocalDate(row.day).map { Closure(day: $0, reason: row.reason) } }
    }

    /// Everything the council's cases are counted by.
    public func rules(for council: Council) async throws -> CaseRules {
        let (holidays, _) = try await bankHolidays(councilID: council.id)
        return CaseRules.council(nation: council.nation, bankHolidays: holidays,
                                 closures: Set(try await closures(councilID: council.id).map(\.day)),
                                 settings: try await settings(councilID: council.id))
    }

    public func save(_ settings: CaseRules.Settings, councilID: UUID, at now: Date) async throws {
        let existing = try await row(councilID)
        try await upsert(Row(council_id: councilID, bank_holidays: existing?.bank_holidays, cut_off_minutes: settings.cutOffMinutes,
                             acknowledge_working_days: settings.acknowledgeWithinWorkingDays, reopen_window_days: settings.reopenWindowDays,
                             updated_at: now))
    }

    /// Replaces the council's bank holidays with a GOV.UK file already checked by `BankHolidays`.
    public func saveBankHolidays(_ json: String, councilID: UUID, at now: Date) async throws {
        let settings = try await settings(councilID: councilID)
        try await upsert(Row(council_id: councilID, bank_holidays: json, cut_off_minutes: settings.cutOffMinutes,
                             acknowledge_working_days: settings.acknowledgeWithinWorkingDays, reopen_window_days: settings.reopenWindowDays,
                             updated_at: now))
    }

    func upsert(_ row: Row) async throws {
        try await database.transaction { db in
            try await db.delete(from: "council_case_rules").where("council_id", .equal, row.council_id).run()
            try await db.insert(into: "council_case_rules").model(row).run()
        }
    }

    public func addClosure(_ day: LocalDate, reason: String, councilID: UUID) async throws {
        try await database.transaction { db in
            try await db.delete(from: "council_closure_days").where("council_id", .equal, councilID).where("day", .equal, day.description).run()
            try await db.insert(into: "council_closure_days").columns("council_id", "day", "reason")
                .values(SQLBind(councilID), SQLBind(day.description), SQLBind(reason)).run()
        }
    }

    public func removeClosure(_ day: LocalDate, councilID: UUID) async throws {
        try await database.sql.delete(from: "council_closure_days").where("council_id", .equal, councilID).where("day", .equal, day.description).run()
    }
}
