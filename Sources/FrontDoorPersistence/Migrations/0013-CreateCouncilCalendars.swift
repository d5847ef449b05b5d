import SQLKit

/// Each council's working calendar and case rules: its own copy of the bank holidays (when an
/// administrator has uploaded a newer GOV.UK file than the one shipped), its closure days, and
/// the cut-off, acknowledgement and reopening rules its published standards use.
struct CreateCouncilCalendars: Migration {
    let name = "0013-create-council-calendars"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        try await db.create(table: "council_case_rules")
            .column("council_id", type: SchemaTypes.uuid(kind), .primaryKey(autoIncrement: false), .references("councils", "id", onDelete: .cascade))
            // GOV.UK's bank-holidays JSON as uploaded; none means the file shipped with the product.
            .column("bank_holidays", type: .text)
            .column("cut_off_minutes", type: .int, .notNull)
            .column("acknowledge_working_days", type: .int, .notNull)
            .column("reopen_window_days", type: .int, .notNull)
            .column("updated_at", type: SchemaTypes.timestamp(kind), .notNull)
            .run()

        try await db.create(table: "council_closure_days")
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .cascade))
            .column("day", type: .text, .notNull)
            .column("reason", type: .text, .notNull)
            .primaryKey("council_id", "day")
            .run()
    }
}
