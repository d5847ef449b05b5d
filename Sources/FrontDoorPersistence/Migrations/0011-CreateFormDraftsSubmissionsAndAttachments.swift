import SQLKit

/// Forms in progress (drafts), forms sent (submissions) and the files uploaded with them.
/// A draft is kept on the server, not in the browser, so a long form survives a closed tab or a
/// lost signal, and an advisor can hand a half-made request to a colleague later.
struct CreateFormDraftsSubmissionsAndAttachments: Migration {
    let name = "0011-create-form-drafts-submissions-and-attachments"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        try await db.create(table: "form_drafts")
            // A random token: it appears in the draft's addresses, and guessing one gains nothing
            // because every request also checks the draft's owner.
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .cascade))
            .column("service_id", type: SchemaTypes.uuid(kind), .notNull, .references("services", "id", onDelete: .cascade))
            .column("form_version", type: .int, .notNull)
            // The answers as typed (`FormSubmission`'s JSON): checked again when sent.
            .column("answers_as_typed", type: .text, .notNull)
            // The resident filling it in, or the member of staff filling it in for `customer_id`.
            .column("customer_id", type: SchemaTypes.uuid(kind), .references("customers", "id", onDelete: .cascade))
            .column("staff_id", type: SchemaTypes.uuid(kind), .references("staff_accounts", "id", onDelete: .cascade))
            .column("channel", type: .text, .notNull)
            .column("created_at", type: SchemaTypes.timestamp(kind), .notNull)
            .column("updated_at", type: SchemaTypes.timestamp(kind), .notNull)
            .run()
        try await db.create(index: "form_drafts_updated").on("form_drafts").column("updated_at").run()

        try await db.create(table: "form_submissions")
            .column("id", type: SchemaTypes.uuid(kind), .primaryKey(autoIncrement: false))
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .restrict))
            .column("service_id", type: SchemaTypes.uuid(kind), .notNull, .references("services", "id", onDelete: .restrict))
            // With service_id, names the `service_forms` row the answers are read with, for ever.
            .column("form_version", type: .int, .notNull)
            // The checked answers (`[String: AnswerValue]` as JSON), and what was typed, as sent.
            .column("answers", type: .text, .notNull)
            .column("answers_as_typed", type: .text, .notNull)
            .column("customer_id", type: SchemaTypes.uuid(kind), .references("customers", "id", onDelete: .restrict))
            .column("submitted_by_staff_id", type: SchemaTypes.uuid(kind), .references("staff_accounts", "id", onDelete: .setNull))
            .column("channel", type: .text, .notNull)
            .column("submitted_at", type: SchemaTypes.timestamp(kind), .notNull)
            .run()
        try await db.create(index: "form_submissions_customer").on("form_submissions").column("customer_id").run()

        try await db.create(table: "attachments")
            .column("id", type: SchemaTypes.uuid(kind), .primaryKey(autoIncrement: false))
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .cascade))
            // While the form is in progress the file belongs to its draft; once sent, to the submission.
            .column("draft_id", type: .text, .references("form_drafts", "id", onDelete: .cascade))
            .column("submission_id", type: SchemaTypes.uuid(kind), .references("form_submissions", "id", onDelete: .cascade))
            .column("field_id", type: .text, .notNull)
            .column("file_name", type: .text, .notNull)
            .column("content_type", type: .text, .notNull)
            .column("byte_count", type: .int, .notNull)
            .column("sha256", type: .text, .notNull)
            // The bytes are in the attachment storage (a folder by default), under this key: the
            // database keeps what the file is, the storage keeps the file.
            .column("storage_key", type: .text, .notNull)
            .column("created_at", type: SchemaTypes.timestamp(kind), .notNull)
            .run()
        try await db.create(index: "attachments_draft").on("attachments").column("draft_id").run()
        try await db.create(index: "attachments_submission").on("attachments").column("submission_id").run()
    }
}
