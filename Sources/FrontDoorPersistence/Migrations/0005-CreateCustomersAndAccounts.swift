import SQLKit

/// Customers (with or without an account), their consents, resident sessions, the single-use
/// links emailed to residents, and the outbox those emails wait in until they are sent.
struct CreateCustomersAndAccounts: Migration {
    let name = "0005-create-customers-and-accounts"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        try await db.create(table: "customers")
            .column("id", type: SchemaTypes.uuid(kind), .primaryKey(autoIncrement: false))
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .restrict))
            .column("name", type: .text, .notNull)
            .column("email", type: .text)
            .column("email_verified_at", type: SchemaTypes.timestamp(kind))
            .column("phone", type: .text, .notNull, .default(""))
            .column("address_line1", type: .text)
            .column("address_line2", type: .text)
            .column("address_town", type: .text)
            .column("address_postcode", type: .text)
            .column("uprn", type: .text)
            .column("preferred_channel", type: .text, .notNull)
            .column("language", type: .text, .notNull)
            .column("needs", type: .text, .notNull, .default(""))
            .column("interpreter_language", type: .text, .notNull, .default(""))
            .column("needs_other", type: .text, .notNull, .default(""))
            // NULL for a customer without an account (a guest, or a caller an advisor recorded).
            .column("password_hash", type: .text)
            .column("created_at", type: SchemaTypes.timestamp(kind), .notNull)
            .column("updated_at", type: SchemaTypes.timestamp(kind), .notNull)
            .run()
        // One customer per email address in a council (emails are stored lower-cased); any
        // number without one, as NULLs never clash in a unique index on either database.
        try await db.create(index: "customers_council_email").on("customers").column("council_id").column("email").unique().run()

        try await db.create(table: "customer_consents")
            .column("id", type: SchemaTypes.uuid(kind), .primaryKey(autoIncrement: false))
            .column("customer_id", type: SchemaTypes.uuid(kind), .notNull, .references("customers", "id", onDelete: .cascade))
            .column("purpose", type: .text, .notNull)
            .column("wording_version", type: .int, .notNull)
            .column("agreed_at", type: SchemaTypes.timestamp(kind), .notNull)
            .column("withdrawn_at", type: SchemaTypes.timestamp(kind))
            .run()
        try await db.create(index: "customer_consents_customer").on("customer_consents").column("customer_id").run()

        try await db.create(table: "resident_sessions")
            .column("token_digest", type: .text, .primaryKey(autoIncrement: false))
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .cascade))
            .column("customer_id", type: SchemaTypes.uuid(kind), .notNull, .references("customers", "id", onDelete: .cascade))
            .column("created_at", type: SchemaTypes.timestamp(kind), .notNull)
            .column("last_seen_at", type: SchemaTypes.timestamp(kind), .notNull)
            .column("shared_device", type: SchemaTypes.boolean(kind), .notNull, .default(false))
            .run()
        try await db.create(index: "resident_sessions_customer").on("resident_sessions").column("customer_id").run()
        // Staff at a customer service centre's shared desk may sign in as on a kiosk too; the
        // choice waits with a sign-in that still needs its second factor.
        try await db.alter(table: "staff_sessions")
            .column("shared_device", type: SchemaTypes.boolean(kind), .notNull, .default(false))
            .run()
        try await db.alter(table: "staff_pending_sign_ins")
            .column("shared_device", type: SchemaTypes.boolean(kind), .notNull, .default(false))
            .run()

        // Only the digest of the emailed token is stored, as for sessions.
        try await db.create(table: "account_tokens")
            .column("token_digest", type: .text, .primaryKey(autoIncrement: false))
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .cascade))
            .column("customer_id", type: SchemaTypes.uuid(kind), .notNull, .references("customers", "id", onDelete: .cascade))
            .column("purpose", type: .text, .notNull)
            .column("new_email", type: .text)
            .column("issued_at", type: SchemaTypes.timestamp(kind), .notNull)
            .column("used_at", type: SchemaTypes.timestamp(kind))
            .run()
        try await db.create(index: "account_tokens_customer").on("account_tokens").column("customer_id").column("purpose").run()

        // Sign-in attempts by residents and by staff are counted apart: a resident who shares a
        // member of staff's address must not lock the staff account.
        try await db.alter(table: "sign_in_attempts")
            .column("realm", type: .text, .notNull, .default("staff"))
            .run()

        try await db.create(table: "outbound_emails")
            .column("id", type: SchemaTypes.uuid(kind), .primaryKey(autoIncrement: false))
            .column("council_id", type: SchemaTypes.uuid(kind), .references("councils", "id", onDelete: .cascade))
            .column("from_name", type: .text, .notNull)
            .column("to_address", type: .text, .notNull)
            .column("to_name", type: .text, .notNull)
            .column("subject", type: .text, .notNull)
            .column("body_text", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .column("attempts", type: .int, .notNull, .default(0))
            .column("created_at", type: SchemaTypes.timestamp(kind), .notNull)
            .column("next_attempt_at", type: SchemaTypes.timestamp(kind), .notNull)
            .column("claimed_until", type: SchemaTypes.timestamp(kind))
            .column("sent_at", type: SchemaTypes.timestamp(kind))
            .column("last_error", type: .text)
            .run()
        try await db.create(index: "outbound_emails_due").on("outbound_emails").column("status").column("next_attempt_at").run()
    }
}
