import SQLKit

/// The durable job queue: work written in the same transaction as the change that causes it
/// (the transactional outbox), claimed by workers under a lease, retried with backoff, and dead
/// (for an administrator) when it keeps failing. `job_check_marks` holds what the queue's
/// self-check jobs do, one row per job, so a check can prove each ran exactly once.
struct CreateJobQueue: Migration {
    let name = "0024-create-job-queue"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        try await db.create(table: "jobs")
            .column("id", type: SchemaTypes.uuid(kind), .primaryKey(autoIncrement: false))
            .column("council_id", type: SchemaTypes.uuid(kind), .references("councils", "id", onDelete: .cascade))
            .column("kind", type: .text, .notNull)
            .column("payload", type: .text, .notNull)
            .column("dedupe_key", type: .text)
            .column("state", type: .text, .notNull)
            .column("attempts", type: .int, .notNull)
            .column("max_attempts", type: .int, .notNull)
            .column("run_at", type: SchemaTypes.timestamp(kind), .notNull)
            .column("claimed_by", type: .text)
            .column("claimed_until", type: SchemaTypes.timestamp(kind))
            .column("last_error", type: .text)
            .column("created_at", type: SchemaTypes.timestamp(kind), .notNull)
            .column("finished_at", type: SchemaTypes.timestamp(kind))
            .run()
        // The workers' question: what is due? Queued by time, and running ones whose lease ran out.
        try await db.create(index: "jobs_due").on("jobs").column("state").column("run_at").run()
        try await db.create(index: "jobs_dedupe").on("jobs").column("kind").column("dedupe_key").unique().run()
        try await db.create(table: "job_check_marks")
            .column("job_id", type: SchemaTypes.uuid(kind), .primaryKey(autoIncrement: false))
            .column("batch", type: .text, .notNull)
            .column("marked_at", type: SchemaTypes.timestamp(kind), .notNull)
            .run()
    }
}
