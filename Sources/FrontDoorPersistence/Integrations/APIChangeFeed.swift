import Foundation
import FrontDoorDomain
import SQLKit

/// Cases, customer records and contacts in the order they last changed (contacts: were
/// recorded), for integrators keeping a copy in step: a page continues after the last
/// (time, id) it gave, so nothing is missed or repeated when several change in the same instant.
public struct APIChangeFeed: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Where the previous page ended.
    public typealias Position = (time: Date, id: UUID)

    public func cases(councilID: UUID, since: Date?, status: CaseStatus?, after: Position?, limit: Int) async throws -> [Case] {
        let query = database.sql.select().column("*").from("cases").where("council_id", .equal, councilID)
        if let status { query.where("status", .equal, status.rawValue) }
        return try await page(query, timeColumn: "updated_at", since: since, after: after, limit: limit, decoding: CaseRow.self) {
            let item = try $0.toCase()
            return (item, (item.updatedAt, item.id))
        }
    }

    /// A customer record with the record it was merged into, if it was.
    public struct CustomerChange: Sendable {
        public var customer: Customer
        public var mergedInto: UUID?
        public var updatedAt: Date
    }

    public func customers(councilID: UUID, since: Date?, email: String?, after: Position?, limit: Int) async throws -> [CustomerChange] {
        let query = database.sql.select().column("*").from("customers").where("council_id", .equal, councilID)
        if let email { query.where("email", .equal, email.lowercased()) }
        return try await page(query, timeColumn: "updated_at", since: since, after: after, limit: limit, decoding: MergeAwareCustomerRow.self) {
            let change = try $0.toChange()
            return (change, (change.updatedAt, change.customer.id))
        }
    }

    public func customer(id: UUID, councilID: UUID) async throws -> CustomerChange? {
        try await database.sql.select().column("*").from("customers").where("id", .equal, id).where("council_id", .equal, councilID)
            .first(decoding: MergeAwareCustomerRow.self)?.toChange()
    }

    public func contacts(councilID: UUID, since: Date?, customerID: UUID?, after: Position?, limit: Int) async throws -> [Contact] {
        let query = database.sql.select().column("*").from("contacts").where("council_id", .equal, councilID)
        if let customerID { query.where("customer_id", .equal, customerID) }
        return try await page(query, timeColumn: "recorded_at", since: since, after: after, limit: limit, decoding: ContactRepository.Row.self) {
            let contact = try $0.toContact()
            return (contact, (contact.recordedAt, contact.id))
        }
    }

    private func page<Row: Decodable, Item>(_ query: SQLSelectBuilder, timeColumn: String, since: Date?, after: Position?, limit: Int,
                                            decoding: Row.Type, _ read: (Row) throws -> (Item, Position)) async throws -> [Item] {
        if let since { query.where(SQLIdentifier(timeColumn), .greaterThanOrEqual, SQLBind(since)) }
        // A time read back and written again can move by a rounding step (SQLite keeps it as a
        // real number of seconds), so the database is asked for a little more than the page and
        // the exact continuation is chosen here, among values read back the same way each time.
        let slack = 100
        if let after { query.where(SQLIdentifier(timeColumn), .greaterThanOrEqual, SQLBind(after.time.addingTimeInterval(-0.01))) }
        let rows = try await query.orderBy(timeColumn).orderBy("id").limit(limit + (after == nil ? 0 : slack))
            .all(decoding: Row.self).map(read)
        guard let after else { return rows.map(\.0) }
        return Array(rows.filter { $0.1.time > after.time || ($0.1.time == after.time && $0.1.id.uuidString > after.id.uuidString) }
            .prefix(limit).map(\.0))
    }
}

/// A `customers` row with the column only the feed needs: the record a duplicate was merged into.
private struct MergeAwareCustomerRow: Decodable {
    var row: CustomerRow
    var merged_into_id: UUID?

    init(from decoder: any Decoder) throws {
        row = try CustomerRow(from: decoder)
        merged_into_id = try decoder.container(keyedBy: Key.self).decodeIfPresent(UUID.self, forKey: .merged)
    }

    private enum Key: String, CodingKey { case merged = "merged_into_id" }

    func toChange() throws -> APIChangeFeed.CustomerChange {
        .init(customer: try row.toCustomer(), mergedInto: merged_into_id, updatedAt: row.updated_at)
    }
}
