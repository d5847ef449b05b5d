import SQLKit

/// Service alerts the councils publish, and residents' requests to be told of them: for a
/// service or all services, in their ward or anywhere. `scope` ("service-id|ward", with "*"
/// for all) makes one subscription per customer and scope, since a unique index would let
/// NULLs repeat.
struct CreateServiceAlerts: Migration {
    let name = "0029-create-service-alerts"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        try await db.create(table: "service_alerts")
            .column("id", type: SchemaTypes.uuid(kind), .primaryKey(autoIncrement: false))
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .cascade))
            .column("title", type: .text, .notNull)
            .column("message", type: .text, .notNull)
            .column("service_id", type: SchemaTypes.uuid(kind), .references("services", "id", onDelete: .setNull))
            .column("ward", type: .text)
            .column("starts_at", type: SchemaTypes.timestamp(kind), .notNull)
            .column("ends_at", type: SchemaTypes.timestamp(kind))
            .column("published_by", type: .text, .notNull)
            .column("withdrawn_at", type: SchemaTypes.timestamp(kind))
            .column("subscribers_told", type: .int, .notNull)
            .run()
        try await db.create(index: "service_alerts_council").on("service_alerts").column("council_id").column("starts_at").run()

        try await db.create(table: "alert_subscriptions")
            .column("id", type: SchemaTypes.uuid(kind), .primaryKey(autoIncrement: false))
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .cascade))
            .column("customer_id", type: SchemaTypes.uuid(kind), .notNull, .references("customers", "id", onDelete: .cascade))
            .column("service_id", type: SchemaTypes.uuid(kind), .references("services", "id", onDelete: .cascade))
            .column("ward", type: .text)
            .column("scope", type: .text, .notNull)
            .column("created_at", type: SchemaTypes.timestamp(kind), .notNull)
            .run()
        try await db.create(index: "alert_subscriptions_scope").on("alert_subscriptions").column("customer_id").column("scope").unique().run()
        try await db.create(index: "alert_subscriptions_council").on("alert_subscriptions").column("council_id").run()
    }
}
