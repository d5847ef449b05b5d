import SQLKit

/// Indexes that hold everything the dashboard counts, so each count reads an index in the
/// period's order and never the tables themselves (measured in docs/performance.md): contacts
/// by time with their channel, outcome, demand and service; cases by receipt and by resolution
/// with the columns they are grouped by; calls by the time they were offered with their times.
struct AddPerformanceIndexes: Migration {
    let name = "0039-add-performance-indexes"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        // The new contacts index starts with the same two columns, so it does the old one's work.
        try await db.drop(index: "contacts_council_recorded").run()
        try await db.create(index: "contacts_council_recorded_counted").on("contacts")
            .column("council_id").column("recorded_at").column("channel").column("outcome").column("demand").column("service_id").run()
        try await db.create(index: "cases_council_received_counted").on("cases")
            .column("council_id").column("received_at").column("service_id").column("team_id").column("ward").column("channel")
            .column("submission_id").run()
        try await db.create(index: "cases_council_resolved_counted").on("cases")
            .column("council_id").column("resolved_at").column("standard_met").column("service_id").column("team_id").column("ward")
            .column("channel").run()
        try await db.drop(index: "calls_council_offered").run()
        try await db.create(index: "calls_council_offered_counted").on("calls")
            .column("council_id").column("offered_at").column("answered_at").column("ended_at").column("wait_seconds").run()
    }
}
