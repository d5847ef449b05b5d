import SQLKit

/// What the resident portal keeps: residents' ratings of how a request went, the reports they
/// follow instead of reporting again, answers to "was this page useful?", and the guest's
/// address and link on a form being filled in without an account.
struct CreateResidentPortal: Migration {
    let name = "0014-create-resident-portal"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        // One rating per case: the resident who made it rates the outcome once.
        try await db.create(table: "case_ratings")
            .column("case_id", type: SchemaTypes.uuid(kind), .primaryKey(autoIncrement: false), .references("cases", "id", onDelete: .cascade))
            .column("customer_id", type: SchemaTypes.uuid(kind), .references("customers", "id", onDelete: .setNull))
            .column("score", type: .int, .notNull)
            .column("comment", type: .text, .notNull)
            .column("rated_at", type: SchemaTypes.timestamp(kind), .notNull)
            .run()

        // "Already reported? Follow that one": the report shows in the follower's account.
        try await db.create(table: "case_followers")
            .column("case_id", type: SchemaTypes.uuid(kind), .notNull, .references("cases", "id", onDelete: .cascade))
            .column("customer_id", type: SchemaTypes.uuid(kind), .notNull, .references("customers", "id", onDelete: .cascade))
            .column("followed_at", type: SchemaTypes.timestamp(kind), .notNull)
            .primaryKey("case_id", "customer_id")
            .run()
        try await db.create(index: "case_followers_customer").on("case_followers").column("customer_id").run()

        // Anonymous by design: the page, the answer and what was typed; no session, no address.
        try await db.create(table: "page_feedback")
            .column("id", type: SchemaTypes.uuid(kind), .primaryKey(autoIncrement: false))
            .column("council_id", type: SchemaTypes.uuid(kind), .references("councils", "id", onDelete: .cascade))
            .column("page_path", type: .text, .notNull)
            .column("useful", type: SchemaTypes.boolean(kind), .notNull)
            .column("comment", type: .text, .notNull)
            .column("created_at", type: SchemaTypes.timestamp(kind), .notNull)
            .run()
        try await db.create(index: "page_feedback_council_created").on("page_feedback").column("council_id").column("created_at").run()

        // A guest's form: the address the confirmation link went to, and a digest of the link's
        // secret (the secret itself lives only in the email and the guest's cookie). SQLite adds
        // one column a statement.
        try await db.alter(table: "form_drafts").column("guest_email", type: .text).run()
        try await db.alter(table: "form_drafts").column("guest_token_digest", type: .text).run()
        try await db.alter(table: "form_drafts").column("guest_confirmed_at", type: SchemaTypes.timestamp(kind)).run()
        try await db.alter(table: "form_submissions").column("guest_email", type: .text).run()
        try await db.alter(table: "form_submissions").column("guest_token_digest", type: .text).run()
    }
}
