import Foundation
import FrontDoorDomain
import SQLKit

/// Cases in the order they last changed, for integrators keeping a copy in step: a page
/// continues after the last (changed, id) it gave, so no case is missed or repeated when
/// several change in the same instant.
public struct APICaseFeed: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func cases(councilID: UUID, since: Date?, status: CaseStatus?, after: (Date, UUID)?, limit: Int) async throws -> [Case] {
        let query = database.sql.select().column("*").from("cases").where("council_id", .equal, councilID)
        if let since { query.where("updated_at", .greaterThanOrEqual, since) }
        if let status { query.where("status", .equal, status.rawValue) }
        // A time read back and written again can move by a rounding step (SQLite keeps it as a
        // real number of seconds), so the database is asked for a little more than the page and
        // the exact continuation is chosen here, among values read back the same way each time.
        let slack = 100
        if let (time, _) = after { query.where("updated_at", .greaterThanOrEqual, time.addingTimeInterval(-0.01)) }
        let rows = try await query.orderBy("updated_at").orderBy("id").limit(limit + (after == nil ? 0 : slack))
            .all(decoding: CaseRow.self).map { try $0.toCase() }
        guard let (time, id) = after else { return rows }
        return Array(rows.filter { $0.updatedAt > time || ($0.updatedAt == time && $0.id.uuidString > id.uuidString) }.prefix(limit))
    }
}
