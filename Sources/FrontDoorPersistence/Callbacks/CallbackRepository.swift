import Foundation
import FrontDoorDomain
import SQLKit

/// Callbacks promised to customers, and the queue of those not yet made.
public struct CallbackRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    struct Row: Codable {
        var id: UUID
        var council_id: UUID
        var customer_id: UUID
        var phone: String
        var window_start: Date
        var window_end: Date
        var reason: String
        var service_id: UUID?
        var booked_by: String
        var booked_at: Date
        var completed_by: String?
        var completed_at: Date?
        var completion_note: String?

        init(_ callback: Callback) {
            id = callback.id
            council_id = callback.councilID
            customer_id = callback.customerID
            phone = callback.phone
            window_start = callback.window.start
            window_end = callback.window.end
            reason = callback.reason
            service_id = callback.serviceID
            booked_by = callback.bookedBy
            booked_at = callback.bookedAt
            completed_by = callback.completedBy
            completed_at = callback.completedAt
            completion_note = callback.completionNote
        }

        var callback: Callback {
            Callback(id: id, councilID: council_id, customerID: customer_id, phone: phone,
                     window: DateInterval(start: window_start, end: window_end), reason: reason, serviceID: service_id,
                     bookedBy: booked_by, bookedAt: booked_at, completedBy: completed_by, completedAt: completed_at,
                     completionNote: completion_note)
        }
    }

    public func book(_ callback: Callback) async throws {
        try await database.sql.insert(into: "callbacks").model(Row(callback)).run()
    }

    /// A queued callback with the name of the customer to ring.
    public struct Queued: Sendable {
        public var callback: Callback
        public var customerName: String
    }

    /// Callbacks not yet made, earliest window first: overdue and due ones lead the queue.
    public func queue(councilID: UUID, limit: Int = 200) async throws -> [Queued] {
        let rows = try await database.sql.select().column("*").from("callbacks").where("council_id", .equal, councilID)
            .where("completed_at", .is, SQLLiteral.null).orderBy("window_start").limit(limit).all(decoding: Row.self)
        let names = try await CustomerRepository.rows(ids: Array(Set(rows.map(\.customer_id))), councilID: councilID, on: database.sql)
        let byID = Dictionary(uniqueKeysWithValues: names.map { ($0.id, $0.name) })
        return rows.map { Queued(callback: $0.callback, customerName: byID[$0.customer_id] ?? "") }
    }

    /// A customer's callbacks, newest window first.
    public func all(customerID: UUID, councilID: UUID) async throws -> [Callback] {
        try await database.sql.select().column("*").from("callbacks").where("customer_id", .equal, customerID)
            .where("council_id", .equal, councilID).orderBy("window_start", .descending).all(decoding: Row.self).map(\.callback)
    }

    /// Records that the callback was made; false when it was done already (by someone else,
    /// or a second click), so the first record stands.
    public func complete(_ id: UUID, councilID: UUID, by staff: String, note: String, at now: Date) async throws -> Bool {
        struct Done: Decodable { var id: UUID }
        return !(try await database.sql.update("callbacks").set("completed_by", to: staff).set("completed_at", to: now)
            .set("completion_note", to: note).where("id", .equal, id).where("council_id", .equal, councilID)
            .where("completed_at", .is, SQLLiteral.null).returning("id").all(decoding: Done.self)).isEmpty
    }
}
