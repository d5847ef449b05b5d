import Foundation
import FrontDoorDomain
import SQLKit

/// Merges a duplicate customer record into the survivor, in one transaction: the survivor's
/// details completed from the duplicate (`CustomerMerge`), then everything the duplicate owns
/// moved across, the duplicate marked as merged (its old links lead to the survivor) and taken
/// out of search, and the merge logged and audited. The single view stays single.
public struct CustomerMerger: Sendable {
    let database: Database
    let hasher: PasswordHasher

    public init(database: Database, hasher: PasswordHasher) {
        self.database = database
        self.hasher = hasher
    }

    /// What moved to the survivor.
    public struct Moved: Sendable, Equatable {
        public var cases = 0
        public var contacts = 0
        public var callbacks = 0
        public var flags = 0
        public var calls = 0
        public var forms = 0

        public var summary: String {
            [("case", cases), ("contact", contacts), ("callback", callbacks), ("flag", flags), ("call", calls), ("form", forms)]
                .map { "\($0.1) \($0.0)\($0.1 == 1 ? "" : "s")" }.joined(separator: ", ")
        }
    }

    public enum Outcome: Sendable, Equatable {
        case merged(Moved)
        case refused(CustomerMerge.Refusal)
        case notFound
    }

    public func merge(duplicateID: UUID, into survivorID: UUID, councilID: UUID, by staff: StaffAccount, from address: String,
                      at now: Date = Date()) async throws -> Outcome {
        try await database.transaction { db in
            let customers = CustomerRepository(database: database.within(db), hasher: hasher)
            guard try await customers.mergedInto(id: survivorID, councilID: councilID) == nil,
                  try await customers.mergedInto(id: duplicateID, councilID: councilID) == nil,
                  let survivor = try await customers.find(id: survivorID, councilID: councilID, on: db),
                  let duplicate = try await customers.find(id: duplicateID, councilID: councilID, on: db) else { return .notFound }
            let merged: Customer
            switch CustomerMerge.merged(survivor: survivor, duplicate: duplicate) {
            case .failure(let refusal): return .refused(refusal)
            case .success(let result): merged = result
            }

            // The duplicate gives up its email (an address is unique within a council, and a retired
            // record must not be found by it); the survivor takes it when it has none.
            try await db.update("customers").set("email", to: SQLLiteral.null).where("id", .equal, duplicate.id).run()
            if survivor.email == nil, let email = merged.email {
                try await db.update("customers").set("email", to: email).set("email_verified_at", to: SQLBind(merged.emailVerifiedAt))
                    .where("id", .equal, survivor.id).run()
            }
            try await db.update("customers").set("created_at", to: merged.createdAt).where("id", .equal, survivor.id).run()
            try await customers.updateProfile(merged, at: now, on: db)

            var moved = Moved()
            func move(_ table: String, key: String = "id") async throws -> Int {
                return try await db.update(table).set("customer_id", to: survivor.id).where("customer_id", .equal, duplicate.id)
                    .returning(SQLColumn(key)).all().count
            }
            moved.cases = try await move("cases")
            moved.contacts = try await move("contacts")
            moved.callbacks = try await move("callbacks")
            moved.flags = try await move("customer_flags")
            moved.calls = try await move("calls")
            moved.forms = try await move("form_submissions")
            _ = try await move("form_drafts")
            _ = try await move("customer_consents")
            _ = try await move("case_ratings", key: "case_id")
            _ = try await move("notifications")
            // Alert subscriptions the survivor already has would repeat: those go, the rest move.
            try await db.delete(from: "alert_subscriptions").where("customer_id", .equal, duplicate.id)
                .where("scope", .in, SQLSubquery.select { $0.column("scope").from("alert_subscriptions").where("customer_id", .equal, survivor.id) }).run()
            _ = try await move("alert_subscriptions")
            // Following: the survivor may follow (or own) the same case already.
            try await db.delete(from: "case_followers").where("customer_id", .equal, duplicate.id)
                .where { group in
                    group.where("case_id", .in, SQLSubquery.select { $0.column("case_id").from("case_followers").where("customer_id", .equal, survivor.id) })
                        .orWhere("case_id", .in, SQLSubquery.select { $0.column("id").from("cases").where("customer_id", .equal, survivor.id) })
                }.run()
            _ = try await move("case_followers", key: "case_id")
            // The duplicate had no account (the rules refuse otherwise), so nothing here is live.
            try await db.delete(from: "resident_sessions").where("customer_id", .equal, duplicate.id).run()
            try await db.delete(from: "account_tokens").where("customer_id", .equal, duplicate.id).run()

            try await db.delete(from: "customer_search_terms").where("customer_id", .equal, duplicate.id).run()
            try await db.update("customers").set("merged_into_id", to: survivor.id).set("updated_at", to: now)
                .where("id", .equal, duplicate.id).run()
            try await db.update("customers").set("merged_into_id", to: survivor.id).where("merged_into_id", .equal, duplicate.id).run()

            let summary = "\(duplicate.name) (\(duplicate.id.uuidString)\(duplicate.email.map { ", " + $0 } ?? "")) merged into \(survivor.name) (\(survivor.id.uuidString)): " + moved.summary + " moved"
            try await db.insert(into: "customer_merges").columns("id", "council_id", "survivor_id", "duplicate_id", "merged_by", "merged_at", "summary")
                .values(SQLBind(UUID()), SQLBind(councilID), SQLBind(survivor.id), SQLBind(duplicate.id), SQLBind(staff.email), SQLBind(now), SQLBind(summary))
                .run()
            try await AuditTrail(database: database.within(db)).record(AuditEvent(
                councilID: councilID, occurredAt: now, actorID: staff.id, actor: staff.email, kind: .customersMerged,
                subject: summary, address: address), on: db)
            return .merged(moved)
        }
    }
}
