import SQLKit

/// Cases: every request, complaint and enquiry being handled, with their timeline, the council's
/// reference counter and links between cases.
struct CreateCases: Migration {
    let name = "0012-create-cases"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        // One row a council and year; each case takes the next number, so a reference is never reused.
        try await db.create(table: "case_reference_counters")
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .cascade))
            .column("year", type: .int, .notNull)
            .column("last_number", type: .int, .notNull)
            .primaryKey("council_id", "year")
            .run()

        try await db.create(table: "cases")
            .column("id", type: SchemaTypes.uuid(kind), .primaryKey(autoIncrement: false))
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .restrict))
            .column("reference", type: .text, .notNull)
            .column("service_id", type: SchemaTypes.uuid(kind), .notNull, .references("services", "id", onDelete: .restrict))
            .column("submission_id", type: SchemaTypes.uuid(kind), .references("form_submissions", "id", onDelete: .restrict))
            .column("customer_id", type: SchemaTypes.uuid(kind), .references("customers", "id", onDelete: .restrict))
            .column("guest_email", type: .text)
            .column("channel", type: .text, .notNull)
            .column("priority", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .column("team_id", type: SchemaTypes.uuid(kind), .references("teams", "id", onDelete: .setNull))
            .column("officer_id", type: SchemaTypes.uuid(kind), .references("staff_accounts", "id", onDelete: .setNull))
            .column("latitude", type: .real)
            .column("longitude", type: .real)
            // The address as JSON (`PostalAddress`), and its UPRN apart so cases at a property can be found.
            .column("address", type: .text)
            .column("uprn", type: .text)
            .column("received_at", type: SchemaTypes.timestamp(kind), .notNull)
            // UK dates as YYYY-MM-DD text: they sort and compare as dates on both databases.
            .column("acknowledge_by", type: .text, .notNull)
            .column("resolve_by_date", type: .text)
            .column("resolve_by_at", type: SchemaTypes.timestamp(kind))
            .column("standard_state", type: .text, .notNull)
            // Once resolved: whether the standard was met, and the working days it took (clock stops excluded).
            .column("standard_met", type: SchemaTypes.boolean(kind))
            .column("working_days_taken", type: .int)
            .column("created_at", type: SchemaTypes.timestamp(kind), .notNull)
            .column("updated_at", type: SchemaTypes.timestamp(kind), .notNull)
            // When someone first acted on it: measured against acknowledge_by.
            .column("acknowledged_at", type: SchemaTypes.timestamp(kind))
            .column("resolved_at", type: SchemaTypes.timestamp(kind))
            .column("closed_at", type: SchemaTypes.timestamp(kind))
            .column("version", type: .int, .notNull)
            .run()
        try await db.create(index: "cases_council_reference").on("cases").column("council_id").column("reference").unique().run()
        try await db.create(index: "cases_submission").on("cases").column("submission_id").unique().run()
        try await db.create(index: "cases_customer").on("cases").column("customer_id").run()
        try await db.create(index: "cases_queue").on("cases").column("council_id").column("team_id").column("status").run()

        try await db.create(table: "case_events")
            .column("id", type: SchemaTypes.uuid(kind), .primaryKey(autoIncrement: false))
            .column("case_id", type: SchemaTypes.uuid(kind), .notNull, .references("cases", "id", onDelete: .cascade))
            .column("occurred_at", type: SchemaTypes.timestamp(kind), .notNull)
            .column("actor_id", type: SchemaTypes.uuid(kind))
            .column("actor_name", type: .text, .notNull)
            .column("visibility", type: .text, .notNull)
            .column("text", type: .text, .notNull)
            .column("from_status", type: .text)
            .column("to_status", type: .text)
            // The case's version this event made (or saw, for a note): an officer whose change is
            // refused because the case moved on is shown the events after the version they saw.
            .column("case_version", type: .int, .notNull)
            .run()
        try await db.create(index: "case_events_case").on("case_events").column("case_id").column("occurred_at").run()

        // When the council was waiting for the customer: the service-standard clock stops.
        try await db.create(table: "case_pauses")
            .column("case_id", type: SchemaTypes.uuid(kind), .notNull, .references("cases", "id", onDelete: .cascade))
            .column("paused_at", type: SchemaTypes.timestamp(kind), .notNull)
            .column("resumed_at", type: SchemaTypes.timestamp(kind))
            .primaryKey("case_id", "paused_at")
            .run()

        // More time granted, with the reason the resident is told.
        try await db.create(table: "case_extensions")
            .column("id", type: SchemaTypes.uuid(kind), .primaryKey(autoIncrement: false))
            .column("case_id", type: SchemaTypes.uuid(kind), .notNull, .references("cases", "id", onDelete: .cascade))
            .column("granted_at", type: SchemaTypes.timestamp(kind), .notNull)
            .column("working_days", type: .int, .notNull)
            .column("reason", type: .text, .notNull)
            .column("granted_by", type: SchemaTypes.uuid(kind))
            .run()

        try await db.create(table: "case_links")
            .column("case_id", type: SchemaTypes.uuid(kind), .notNull, .references("cases", "id", onDelete: .cascade))
            .column("other_case_id", type: SchemaTypes.uuid(kind), .notNull, .references("cases", "id", onDelete: .cascade))
            // duplicate-of or related-to
            .column("kind", type: .text, .notNull)
            .column("created_at", type: SchemaTypes.timestamp(kind), .notNull)
            .primaryKey("case_id", "other_case_id", "kind")
            .run()
    }
}
