import Foundation
import SQLKit

/// An email waiting to be sent, written in the same transaction as the change that causes it,
/// so a message is never sent for something that did not happen nor lost for something that did.
public struct QueuedEmail: Sendable, Equatable {
    public var id: UUID
    public var councilID: UUID?
    /// Shown as the sender's name ("Kingsmere Borough Council").
    public var fromName: String
    public var toAddress: String
    public var toName: String
    public var subject: String
    public var bodyText: String

    public init(id: UUID = UUID(), councilID: UUID?, fromName: String, toAddress: String, toName: String,
                subject: String, bodyText: String) {
        self.id = id
        self.councilID = councilID
        self.fromName = fromName
        self.toAddress = toAddress
        self.toName = toName
        self.subject = subject
        self.bodyText = bodyText
    }
}

/// The outbox of emails. Several delivery workers (one per server process) may share it: a
/// message is claimed before it is sent, and a claim runs out if its worker dies.
public struct EmailOutbox: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public enum Status: String, Sendable {
        case pending
        case sent
        /// Refused for good (an address the mail server rejects), or out of retries.
        case failed
    }

    /// How long a worker may take over one message before another may try it.
    public static let claimLifetime: TimeInterval = 120

    /// Queues `email` on its own, for a message that is the whole of what happens (a link asked for).
    public func enqueue(_ email: QueuedEmail, at now: Date) async throws {
        try await enqueue(email, at: now, on: database.sql)
    }

    public func enqueue(_ email: QueuedEmail, at now: Date, on db: any SQLDatabase) async throws {
        try await db.insert(into: "outbound_emails")
            .columns("id", "council_id", "from_name", "to_address", "to_name", "subject", "body_text", "status",
                     "attempts", "created_at", "next_attempt_at")
            .values(SQLBind(email.id), SQLBind(email.councilID), SQLBind(email.fromName), SQLBind(email.toAddress),
                    SQLBind(email.toName), SQLBind(email.subject), SQLBind(email.bodyText), SQLBind(Status.pending.rawValue),
                    SQLBind(0), SQLBind(now), SQLBind(now))
            .run()
    }

    struct Row: Decodable {
        var id: UUID
        var council_id: UUID?
        var from_name: String
        var to_address: String
        var to_name: String
        var subject: String
        var body_text: String
        var attempts: Int
    }

    /// A message claimed for sending, with how many times it has been tried before.
    public struct Claimed: Sendable, Equatable {
        public var email: QueuedEmail
        public var previousAttempts: Int
    }

    /// Claims up to `limit` messages that are due. Each claim is one conditional UPDATE … RETURNING
    /// (both databases have it), so two workers never claim the same message.
    public func claimDue(now: Date, limit: Int = 20) async throws -> [Claimed] {
        struct Candidate: Decodable { var id: UUID }
        let candidates = try await database.sql.select().column("id").from("outbound_emails")
            .where("status", .equal, Status.pending.rawValue).where("next_attempt_at", .lessThanOrEqual, now)
            .where { $0.where("claimed_until", .is, SQLLiteral.null).orWhere("claimed_until", .lessThan, now) }
            .orderBy("next_attempt_at").limit(limit).all(decoding: Candidate.self)
        var claimed: [Claimed] = []
        for candidate in candidates {
            let rows = try await database.sql.update("outbound_emails")
                .set("claimed_until", to: now.addingTimeInterval(Self.claimLifetime))
                .where("id", .equal, candidate.id).where("status", .equal, Status.pending.rawValue)
                .where { $0.where("claimed_until", .is, SQLLiteral.null).orWhere("claimed_until", .lessThan, now) }
                .returning("id", "council_id", "from_name", "to_address", "to_name", "subject", "body_text", "attempts")
                .all(decoding: Row.self)
            claimed += rows.map {
                Claimed(email: QueuedEmail(id: $0.id, councilID: $0.council_id, fromName: $0.from_name, toAddress: $0.to_address,
                                           toName: $0.to_name, subject: $0.subject, bodyText: $0.body_text),
                        previousAttempts: $0.attempts)
            }
        }
        return claimed
    }

    public func markSent(_ id: UUID, at now: Date) async throws {
        try await database.sql.update("outbound_emails")
            .set("status", to: Status.sent.rawValue).set("sent_at", to: now).set("claimed_until", to: SQLLiteral.null)
            .set(SQLIdentifier("attempts"), to: SQLRaw("attempts + 1"))
            .where("id", .equal, id).run()
    }

    /// Records a failed attempt: tried again at `retryAt`, or given up on when that is nil.
    public func markFailed(_ id: UUID, error: String, retryAt: Date?, at now: Date) async throws {
        try await database.sql.update("outbound_emails")
            .set("status", to: (retryAt == nil ? Status.failed : Status.pending).rawValue)
            .set("next_attempt_at", to: retryAt ?? now).set("claimed_until", to: SQLLiteral.null)
            .set("last_error", to: String(error.prefix(1000)))
            .set(SQLIdentifier("attempts"), to: SQLRaw("attempts + 1"))
            .where("id", .equal, id).run()
    }

    /// What is in the outbox for one address, newest first (for tests and, later, administration).
    public struct Entry: Sendable, Equatable, Decodable {
        public var id: UUID
        public var to_address: String
        public var subject: String
        public var body_text: String
        public var status: String
        public var attempts: Int
        public var last_error: String?
    }

    public func entries(to address: String) async throws -> [Entry] {
        try await database.sql.select().columns("id", "to_address", "subject", "body_text", "status", "attempts", "last_error")
            .from("outbound_emails").where("to_address", .equal, address.lowercased())
            .orderBy("created_at", .descending).all(decoding: Entry.self)
    }
}
