import Foundation
import FrontDoorDomain
import SQLKit

/// A notification as queued: already worded (the council's template with the case's values),
/// so what the customer receives is what was true when it happened.
public struct StoredNotification: Sendable, Equatable {
    public enum Status: String, Sendable {
        case queued
        case sent
        /// Refused for good by the provider, or out of attempts.
        case failed
    }

    public var id: UUID
    public var councilID: UUID
    public var customerID: UUID?
    public var caseID: UUID?
    public var event: NotificationEvent
    public var channel: NotificationChannel
    public var recipient: String
    public var subject: String
    public var body: String
    public var status: Status
    public var provider: String?
    public var providerReference: String?
    public var attempts: Int
    public var lastError: String?
    public var createdAt: Date
    public var sentAt: Date?
    /// The Message-ID of the email this answers (an acknowledgement of an email), for threading.
    public var inReplyTo: String?
    /// The council's name, shown with the address the email comes from: set when sending.
    public var councilName: String?
}

/// Queues notifications in the transaction of the change that causes them (the row and the job
/// that sends it together), and records how each delivery went.
public struct NotificationOutbox: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public static let sendJobKind = "notification.send"

    struct Row: Codable {
        var id: UUID
        var council_id: UUID
        var customer_id: UUID?
        var case_id: UUID?
        var event: String
        var channel: String
        var recipient: String
        var subject: String
        var body: String
        var status: String
        var provider: String?
        var provider_reference: String?
        var attempts: Int
        var last_error: String?
        var created_at: Date
        var sent_at: Date?
        var in_reply_to: String?

        func toNotification() throws -> StoredNotification {
            guard let event = NotificationEvent(rawValue: event), let channel = NotificationChannel(rawValue: channel),
                  let status = StoredNotification.Status(rawValue: status) else {
                throw StoredDataError.unknownValue(table: "notifications", column: "event/channel/status", value: "\(event)/\(channel)/\(status)")
            }
            return StoredNotification(id: id, councilID: council_id, customerID: customer_id, caseID: case_id, event: event, channel: channel,
                                      recipient: recipient, subject: subject, body: body, status: status, provider: provider,
                                      providerReference: provider_reference, attempts: attempts, lastError: last_error,
                                      createdAt: created_at, sentAt: sent_at, inReplyTo: in_reply_to)
        }
    }

    /// Words `event` for `customer` with the council's template and `values` (the customer's
    /// name and the council's are added), and queues it with the job that sends it, on `db`.
    /// Nil when the customer can be reached on no channel.
    @discardableResult
    public func queue(_ event: NotificationEvent, to customer: Customer, council: Council, caseID: UUID?, values: [String: String],
                      at now: Date = Date(), on db: any SQLDatabase) async throws -> StoredNotification? {
        guard let destination = NotificationRouting.destination(for: customer) else { return nil }
        return try await queue(event, to: destination, name: customer.name, customerID: customer.id, council: council, caseID: caseID,
                               values: values, at: now, on: db)
    }

    /// The same for an email address that is not (or not only) a customer's: the answer to an
    /// email goes back to the address it came from, threaded under `inReplyTo`.
    @discardableResult
    public func queueEmail(_ event: NotificationEvent, to address: String, name: String, customerID: UUID?, council: Council, caseID: UUID?,
                           values: [String: String], inReplyTo: String?, at now: Date = Date(), on db: any SQLDatabase) async throws -> StoredNotification {
        try await queue(event, to: NotificationRouting.Destination(channel: .email, to: address), name: name, customerID: customerID,
                        council: council, caseID: caseID, values: values, inReplyTo: inReplyTo, at: now, on: db)
    }

    func queue(_ event: NotificationEvent, to destination: NotificationRouting.Destination, name: String, customerID: UUID?, council: Council,
               caseID: UUID?, values: [String: String], inReplyTo: String? = nil, at now: Date, on db: any SQLDatabase) async throws -> StoredNotification {
        let template = try await NotificationTemplateRepository(database: database.within(db)).current(
            councilID: council.id, event: event, channel: destination.channel).template
        var all = values
        all["name"] = all["name"] ?? name
        all["council"] = all["council"] ?? council.name
        for name in event.placeholders where all[name] == nil { all[name] = "" }
        let rendered: (subject: String, body: String)
        switch template.render(all) {
        case .success(let result): rendered = result
        case .failure(let missing):
            // Only a template saved before a placeholder was withdrawn could get here; the default never does.
            rendered = try event.defaultTemplate(for: destination.channel).render(all.merging(Dictionary(uniqueKeysWithValues: missing.names.map { ($0, "") })) { a, _ in a }).get()
        }
        let notification = StoredNotification(
            id: UUID(), councilID: council.id, customerID: customerID, caseID: caseID, event: event, channel: destination.channel,
            recipient: destination.to, subject: rendered.subject, body: rendered.body, status: .queued, attempts: 0, createdAt: now,
            inReplyTo: inReplyTo)
        try await db.insert(into: "notifications").model(Row(
            id: notification.id, council_id: notification.councilID, customer_id: customerID, case_id: caseID, event: event.rawValue,
            channel: destination.channel.rawValue, recipient: destination.to, subject: rendered.subject, body: rendered.body,
            status: StoredNotification.Status.queued.rawValue, attempts: 0, created_at: now, in_reply_to: inReplyTo)).run()
        try await JobQueue(database: database.within(db)).enqueue(NewJob(
            kind: Self.sendJobKind, payload: #"{"notification":"\#(notification.id.uuidString)"}"#, councilID: council.id,
            dedupeKey: notification.id.uuidString, runAt: now), at: now, on: db)
        return notification
    }

    public func find(id: UUID, on db: (any SQLDatabase)? = nil) async throws -> StoredNotification? {
        try await (db ?? database.sql).select().column("*").from("notifications").where("id", .equal, id)
            .first(decoding: Row.self)?.toNotification()
    }

    /// A customer's notifications, newest first.
    public func all(customerID: UUID) async throws -> [StoredNotification] {
        try await database.sql.select().column("*").from("notifications").where("customer_id", .equal, customerID)
            .orderBy("created_at", .descending).all(decoding: Row.self).map { try $0.toNotification() }
    }

    /// Sent, by `provider`, with its reference; on `db`, the sending job's transaction.
    public func markSent(_ id: UUID, provider: String, reference: String?, at now: Date = Date(), on db: any SQLDatabase) async throws {
        try await db.update("notifications").set("status", to: StoredNotification.Status.sent.rawValue).set("provider", to: provider)
            .set("provider_reference", to: SQLBind(reference)).set("sent_at", to: now).set("last_error", to: SQLLiteral.null)
            .set(SQLIdentifier("attempts"), to: SQLRaw("attempts + 1"))
            .where("id", .equal, id).run()
    }

    /// A failed attempt, recorded on its own (the sending transaction rolls back): failed for good
    /// when `final`, else still queued for the job's retry.
    public func recordFailure(_ id: UUID, provider: String, error: String, final: Bool) async throws {
        try await database.sql.update("notifications")
            .set("status", to: (final ? StoredNotification.Status.failed : .queued).rawValue).set("provider", to: provider)
            .set("last_error", to: String(error.prefix(1000))).set(SQLIdentifier("attempts"), to: SQLRaw("attempts + 1"))
            .where("id", .equal, id).where("status", .notEqual, StoredNotification.Status.sent.rawValue).run()
    }
}
