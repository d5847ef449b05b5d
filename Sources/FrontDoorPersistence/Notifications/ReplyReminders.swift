import Foundation
import FrontDoorDomain
import SQLKit

/// Reminding customers who have not answered an officer's question: each wait (a pause of the
/// case's clock) earns one reminder once it is `after` old, queued as a notification like any other.
public struct ReplyReminders: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public static let defaultWait: TimeInterval = 7 * 24 * 60 * 60

    /// Cases waiting for their customer since before `now - after`, with when the wait began.
    public func due(councilID: UUID, now: Date, after wait: TimeInterval = ReplyReminders.defaultWait) async throws -> [(Case, Date)] {
        struct Waiting: Decodable { var case_id: UUID; var paused_at: Date }
        let waiting = try await database.sql.select().columns(SQLColumn("case_id", table: "case_pauses"), SQLColumn("paused_at", table: "case_pauses"))
            .from("case_pauses")
            .join("cases", on: SQLColumn("case_id", table: "case_pauses"), .equal, SQLColumn("id", table: "cases"))
            .where(SQLColumn("council_id", table: "cases"), .equal, SQLBind(councilID))
            .where(SQLColumn("status", table: "cases"), .equal, SQLBind(CaseStatus.awaitingCustomer.rawValue))
            .where(SQLColumn("customer_id", table: "cases"), .isNot, SQLLiteral.null)
            .where(SQLColumn("resumed_at", table: "case_pauses"), .is, SQLLiteral.null)
            .where(SQLColumn("paused_at", table: "case_pauses"), .lessThanOrEqual, SQLBind(now.addingTimeInterval(-wait)))
            .all(decoding: Waiting.self)
        var due: [(Case, Date)] = []
        for item in waiting {
            struct Count: Decodable { var n: Int }
            let reminded = try await database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("notifications")
                .where("case_id", .equal, item.case_id).where("event", .equal, NotificationEvent.replyReminder.rawValue)
                .where("created_at", .greaterThanOrEqual, item.paused_at).first(decoding: Count.self)?.n ?? 0
            guard reminded == 0, let found = try await CaseRepository(database: database).find(id: item.case_id, councilID: councilID) else { continue }
            due.append((found, item.paused_at))
        }
        return due
    }

    /// Queues the reminder for one waiting case: what the officer asked (the message with which
    /// the case last went to waiting for the customer), with the link to reply.
    public func remind(_ item: Case, council: Council, link: String, at now: Date) async throws {
        try await database.transaction { db in
            guard let customerID = item.customerID,
                  let customer = try await CustomerRepository.rows(ids: [customerID], councilID: item.councilID, on: db).first else { return }
            struct Event: Decodable { var text: String }
            let asked = try await db.select().column("text").from("case_events").where("case_id", .equal, item.id)
                .where("visibility", .equal, CaseEvent.Visibility.public.rawValue)
                .where("to_status", .equal, CaseStatus.awaitingCustomer.rawValue)
                .orderBy("case_version", .descending).limit(1).first(decoding: Event.self)?.text ?? ""
            let service = try await ServiceRepository(database: database.within(db)).find(id: item.serviceID, councilID: item.councilID)?.name ?? ""
            try await NotificationOutbox(database: database.within(db)).queue(.replyReminder, to: customer, council: council, caseID: item.id, values: [
                "reference": item.reference.description, "service": service, "link": link, "message": asked,
            ], at: now, on: db)
        }
    }
}
