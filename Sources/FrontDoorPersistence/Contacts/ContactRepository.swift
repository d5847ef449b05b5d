import Foundation
import FrontDoorDomain
import SQLKit

/// Contacts on every channel.
public struct ContactRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    struct Row: Codable {
        var id: UUID
        var council_id: UUID
        var customer_id: UUID?
        var channel: String
        var service_id: UUID?
        var outcome: String
        var demand: String
        var duration_minutes: Int?
        var notes: String
        var staff_id: UUID?
        var staff_name: String
        var recorded_at: Date

        init(_ contact: Contact) {
            id = contact.id
            council_id = contact.councilID
            customer_id = contact.customerID
            channel = contact.channel.rawValue
            service_id = contact.serviceID
            outcome = contact.outcome.rawValue
            demand = contact.demand.rawValue
            duration_minutes = contact.durationMinutes
            notes = contact.notes
            staff_id = contact.staffID
            staff_name = contact.staffName
            recorded_at = contact.recordedAt
        }

        func toContact() throws -> Contact {
            func unknown(_ column: String, _ value: String) -> StoredDataError { .unknownValue(table: "contacts", column: column, value: value) }
            guard let channel = Contact.Channel(rawValue: channel) else { throw unknown("channel", channel) }
            guard let outcome = Contact.Outcome(rawValue: outcome) else { throw unknown("outcome", outcome) }
            guard let demand = Contact.Demand(rawValue: demand) else { throw unknown("demand", demand) }
            return Contact(id: id, councilID: council_id, customerID: customer_id, channel: channel, serviceID: service_id, outcome: outcome,
                           demand: demand, durationMinutes: duration_minutes, notes: notes, staffID: staff_id, staffName: staff_name,
                           recordedAt: recorded_at)
        }
    }

    public func record(_ contact: Contact) async throws {
        try await database.transaction { db in try await Self.record(contact, on: db) }
    }

    /// The same on `db`, the transaction of what the contact brought about.
    static func record(_ contact: Contact, on db: any SQLDatabase) async throws {
        try await db.insert(into: "contacts").model(Row(contact)).run()
        try await WebhookOutbox.raise(.contactCreated, councilID: contact.councilID, data: WebhookPayloads.of(contact), at: contact.recordedAt, on: db)
    }

    /// A customer's contacts, newest first.
    public func all(customerID: UUID, councilID: UUID) async throws -> [Contact] {
        try await database.sql.select().column("*").from("contacts").where("customer_id", .equal, customerID)
            .where("council_id", .equal, councilID).orderBy("recorded_at", .descending)
            .all(decoding: Row.self).map { try $0.toContact() }
    }

    /// Contacts from callers nobody has identified yet, newest first. A guest's online request
    /// is left out: it was nobody's call, and its case has the email to reply to.
    public func unlinked(councilID: UUID, limit: Int = 100) async throws -> [Contact] {
        try await database.sql.select().column("*").from("contacts").where("council_id", .equal, councilID)
            .where("customer_id", .is, SQLLiteral.null).where("channel", .notEqual, Contact.Channel.online.rawValue).orderBy("recorded_at", .descending).limit(limit)
            .all(decoding: Row.self).map { try $0.toContact() }
    }

    public func find(id: UUID, councilID: UUID) async throws -> Contact? {
        try await database.sql.select().column("*").from("contacts").where("id", .equal, id).where("council_id", .equal, councilID)
            .first(decoding: Row.self)?.toContact()
    }

    /// Links an unknown caller's contact to the customer it turned out to be; false when it is
    /// linked already (someone else got there first), so nothing is overwritten.
    public func link(_ contactID: UUID, to customerID: UUID, councilID: UUID) async throws -> Bool {
        struct Linked: Decodable { var id: UUID }
        return !(try await database.sql.update("contacts").set("customer_id", to: SQLBind(customerID))
            .where("id", .equal, contactID).where("council_id", .equal, councilID).where("customer_id", .is, SQLLiteral.null)
            .returning("id").all(decoding: Linked.self)).isEmpty
    }
}
