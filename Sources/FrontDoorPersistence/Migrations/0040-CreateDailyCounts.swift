import SQLKit

/// The dashboard's daily counts (`DailyCount`): the tables, the triggers that keep them, and
/// the counts of every record already there.
struct CreateDailyCounts: Migration {
    let name = "0040-create-daily-counts"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        try await db.create(table: "daily_contacts")
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .cascade))
            .column("day", type: .text, .notNull)
            .column("service_id", type: SchemaTypes.uuid(kind), .notNull)
            .column("channel", type: .text, .notNull)
            .column("outcome", type: .text, .notNull)
            .column("demand", type: .text, .notNull)
            .column("contacts", type: .int, .notNull, .default(0))
            .primaryKey("council_id", "day", "service_id", "channel", "outcome", "demand")
            .run()
        try await db.create(table: "daily_cases")
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .cascade))
            .column("day", type: .text, .notNull)
            .column("service_id", type: SchemaTypes.uuid(kind), .notNull)
            .column("team_id", type: SchemaTypes.uuid(kind), .notNull)
            .column("channel", type: .text, .notNull)
            .column("received", type: .int, .notNull, .default(0))
            .column("received_through_forms", type: .int, .notNull, .default(0))
            .column("resolved_with_standard", type: .int, .notNull, .default(0))
            .column("standard_met", type: .int, .notNull, .default(0))
            .primaryKey("council_id", "day", "service_id", "team_id", "channel")
            .run()
        try await db.create(table: "daily_ward_cases")
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .cascade))
            .column("day", type: .text, .notNull)
            .column("ward", type: .text, .notNull)
            .column("received", type: .int, .notNull, .default(0))
            .column("received_through_forms", type: .int, .notNull, .default(0))
            .column("received_through_forms_by_staff", type: .int, .notNull, .default(0))
            .column("resolved_with_standard", type: .int, .notNull, .default(0))
            .column("standard_met", type: .int, .notNull, .default(0))
            .primaryKey("council_id", "day", "ward")
            .run()
        try await db.create(table: "daily_calls")
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .cascade))
            .column("day", type: .text, .notNull)
            .column("offered", type: .int, .notNull, .default(0))
            .column("answered", type: .int, .notNull, .default(0))
            .column("abandoned", type: .int, .notNull, .default(0))
            .column("waits_reported", type: .int, .notNull, .default(0))
            .column("waited_seconds", type: .bigint, .notNull, .default(0))
            .primaryKey("council_id", "day")
            .run()
        // Triggers before counting: on PostgreSQL creating a trigger locks its table against
        // writes until this migration commits, so no record lands between the count and the
        // triggers (SQLite's transaction holds the write lock throughout anyway).
        let sql = DailyCountSQL(kind: kind)
        for count in DailyCount.all {
            for statement in sql.triggers(for: count) { try await db.raw(SQLQueryString(statement)).run() }
        }
        for count in DailyCount.all { try await db.raw(SQLQueryString(sql.countAll(count))).run() }
    }
}
