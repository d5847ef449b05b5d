import SQLKit

/// Email received by the councils: each message once (its Message-ID, or a digest of it, per
/// council), what came of it (a case opened or joined, or set aside as automatic mail) and
/// whether it was acknowledged. Files sent with an email are attachments like a form's; the
/// acknowledgement remembers which message it answers, so the reply threads in mail programs.
struct CreateInboundEmails: Migration {
    let name = "0028-create-inbound-emails"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        try await db.create(table: "inbound_emails")
            .column("id", type: SchemaTypes.uuid(kind), .primaryKey(autoIncrement: false))
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .cascade))
            .column("message_key", type: .text, .notNull)
            .column("message_id", type: .text)
            .column("from_address", type: .text, .notNull)
            .column("from_name", type: .text, .notNull)
            .column("to_address", type: .text, .notNull)
            .column("subject", type: .text, .notNull)
            .column("text", type: .text, .notNull)
            .column("automatic", type: .text)
            .column("outcome", type: .text, .notNull)
            .column("case_id", type: SchemaTypes.uuid(kind), .references("cases", "id", onDelete: .setNull))
            .column("contact_id", type: SchemaTypes.uuid(kind), .references("contacts", "id", onDelete: .setNull))
            .column("acknowledged", type: SchemaTypes.boolean(kind), .notNull)
            .column("received_at", type: SchemaTypes.timestamp(kind), .notNull)
            .run()
        try await db.create(index: "inbound_emails_message").on("inbound_emails").column("council_id").column("message_key").unique().run()
        try await db.create(index: "inbound_emails_message_id").on("inbound_emails").column("message_id").run()
        try await db.create(index: "inbound_emails_sender").on("inbound_emails").column("from_address").column("received_at").run()
        try await db.alter(table: "attachments")
            .column("inbound_email_id", type: SchemaTypes.uuid(kind), .references("inbound_emails", "id", onDelete: .cascade)).run()
        try await db.create(index: "attachments_inbound_email").on("attachments").column("inbound_email_id").run()
        try await db.alter(table: "notifications").column("in_reply_to", type: .text).run()
    }
}
