import Foundation
import FrontDoorDomain
import SQLKit

/// Calls as the telephony platform reports them: one row per call, built up from its events
/// (which may arrive twice or out of order: each is applied so that repeating it changes
/// nothing), the customer the caller's number matches, and the advisor each call reached.
public struct CallRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    struct Row: Codable {
        var id: UUID
        var council_id: UUID
        var external_id: String
        var caller_number: String
        var customer_id: UUID?
        var queue: String
        var agent: String?
        var agent_staff_id: UUID?
        var offered_at: Date
        var answered_at: Date?
        var ended_at: Date?
        var wait_seconds: Int?
    }

    /// Applies one event. Returns the advisor whose screen should show the call now (the agent
    /// it rang or was answered by, when FrontDoor knows them), or nil.
    @discardableResult
    public func record(_ event: CallEvent, councilID: UUID) async throws -> UUID? {
        try await database.transaction { db in
            let customerID = try await Self.customerMatching(event.caller, councilID: councilID, on: db)
            try await db.insert(into: "calls").model(Row(
                id: UUID(), council_id: councilID, external_id: event.callID, caller_number: event.caller, customer_id: customerID,
                queue: event.queue, agent: nil, agent_staff_id: nil, offered_at: event.occurredAt))
                .ignoringConflicts(with: ["council_id", "external_id"]).run()
            guard let call = try await db.select().column("*").from("calls").where("council_id", .equal, councilID)
                .where("external_id", .equal, event.callID).first(decoding: Row.self) else { return nil }

            var changes: [(String, any Encodable & Sendable)] = []
            var agentID: UUID?
            if let agent = event.agent {
                agentID = try await Self.staffID(email: agent, councilID: councilID, on: db)
                changes += [("agent", agent), ("agent_staff_id", agentID)]
            }
            if call.caller_number.isEmpty && !event.caller.isEmpty {
                changes += [("caller_number", event.caller), ("customer_id", customerID)]
            }
            if call.queue.isEmpty && !event.queue.isEmpty { changes.append(("queue", event.queue)) }
            let waited = event.waitSeconds ?? max(0, Int(event.occurredAt.timeIntervalSince(call.offered_at).rounded()))
            switch event.kind {
            case .ringing:
                break
            case .answered:
                if call.answered_at == nil { changes += [("answered_at", event.occurredAt), ("wait_seconds", waited)] }
            case .ended:
                if call.ended_at == nil { changes.append(("ended_at", event.occurredAt)) }
                if call.answered_at == nil && call.wait_seconds == nil { changes.append(("wait_seconds", waited)) }
            }
            if !changes.isEmpty {
                let update = db.update("calls").where("id", .equal, call.id)
                for (column, value) in changes { update.set(SQLIdentifier(column), to: SQLBind(value)) }
                try await update.run()
            }

            guard let agentID, event.kind != .ended else { return nil }
            try await db.insert(into: "screen_pops").columns("id", "call_id", "staff_id", "created_at")
                .values(SQLBind(UUID()), SQLBind(call.id), SQLBind(agentID), SQLBind(event.occurredAt))
                .ignoringConflicts(with: ["staff_id", "call_id"]).run()
            return agentID
        }
    }

    /// The one customer whose phone number is the caller's; nil when none or several match
    /// (the advisor then searches, rather than be shown the wrong person's record).
    static func customerMatching(_ caller: String, councilID: UUID, on db: any SQLDatabase) async throws -> UUID? {
        guard let digits = CustomerSearchTerms.nationalDigits(caller) else { return nil }
        struct Match: Decodable { var customer_id: UUID }
        let matches = try await db.select().column("customer_id").from("customer_search_terms")
            .where("council_id", .equal, councilID).where("term", .equal, digits).limit(2).all(decoding: Match.self)
        return matches.count == 1 ? matches[0].customer_id : nil
    }

    static func staffID(email: String, councilID: UUID, on db: any SQLDatabase) async throws -> UUID? {
        struct Staff: Decodable { var id: UUID }
        return try await db.select().column("id").from("staff_accounts").where("council_id", .equal, councilID)
            .where("email", .equal, email.lowercased()).first(decoding: Staff.self)?.id
    }

    /// A call as shown on an advisor's screen.
    public struct ScreenPop: Sendable, Equatable, Codable {
        public enum State: String, Sendable, Codable { case ringing, answered, ended }
        public var callID: UUID
        public var caller: String
        public var queue: String
        public var state: State
        public var customerID: UUID?
        public var customerName: String?
        public var offeredAt: Date
    }

    /// The calls on this advisor's screen: put through to them in the last half hour, still
    /// going or ended in the last ten minutes (while they log the contact), newest first.
    public func screenPops(staffID: UUID, councilID: UUID, now: Date = Date(), limit: Int = 5) async throws -> [ScreenPop] {
        struct Joined: Decodable {
            var id: UUID; var caller_number: String; var queue: String; var customer_id: UUID?
            var offered_at: Date; var answered_at: Date?; var ended_at: Date?
        }
        let calls = try await database.sql.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("calls"))).from("screen_pops")
            .join("calls", on: SQLColumn("call_id", table: "screen_pops"), .equal, SQLColumn("id", table: "calls"))
            .where(SQLColumn("staff_id", table: "screen_pops"), .equal, SQLBind(staffID))
            .where(SQLColumn("council_id", table: "calls"), .equal, SQLBind(councilID))
            .where(SQLColumn("created_at", table: "screen_pops"), .greaterThan, SQLBind(now.addingTimeInterval(-30 * 60)))
            .where { $0.where(SQLColumn("ended_at", table: "calls"), .is, SQLLiteral.null)
                .orWhere(SQLColumn("ended_at", table: "calls"), .greaterThan, SQLBind(now.addingTimeInterval(-10 * 60))) }
            .orderBy(SQLOrderBy(expression: SQLColumn("offered_at", table: "calls"), direction: SQLDirection.descending)).limit(limit)
            .all(decoding: Joined.self)
        let customers = try await CustomerRepository.rows(ids: calls.compactMap(\.customer_id), councilID: councilID, on: database.sql)
        let names = Dictionary(uniqueKeysWithValues: customers.map { ($0.id, $0.name) })
        return calls.map { call in
            ScreenPop(callID: call.id, caller: call.caller_number, queue: call.queue,
                      state: call.ended_at != nil ? .ended : call.answered_at != nil ? .answered : .ringing,
                      customerID: call.customer_id, customerName: call.customer_id.flatMap { names[$0] }, offeredAt: call.offered_at)
        }
    }

    /// The call figures for calls offered in `period`.
    public func figures(councilID: UUID, period: DateInterval) async throws -> CallFigures {
        struct Times: Decodable { var answered_at: Date?; var ended_at: Date?; var wait_seconds: Int? }
        let calls = try await database.sql.select().columns("answered_at", "ended_at", "wait_seconds").from("calls")
            .where("council_id", .equal, councilID).where("offered_at", .greaterThanOrEqual, period.start)
            .where("offered_at", .lessThan, period.end).all(decoding: Times.self)
        return CallFigures(calls.map { .init(answered: $0.answered_at != nil, ended: $0.ended_at != nil, waitSeconds: $0.wait_seconds) })
    }
}
