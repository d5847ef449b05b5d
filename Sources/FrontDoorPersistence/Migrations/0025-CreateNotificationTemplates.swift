import SQLKit

/// Each council's own wording for a notification (an event on a channel). Without a row the
/// product's default wording is used, so only what a council changes is stored.
struct CreateNotificationTemplates: Migration {
    let name = "0025-create-notification-templates"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        try await db.create(table: "notification_templates")
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .cascade))
            .column("event", type: .text, .notNull)
            .column("channel", type: .text, .notNull)
            .column("subject", type: .text, .notNull)
            .column("body", type: .text, .notNull)
            .column("updated_by", type: .text, .notNull)
            .column("updated_at", type: SchemaTypes.timestamp(kind), .notNull)
            .primaryKey("council_id", "event", "channel")
            .run()
    }
}
