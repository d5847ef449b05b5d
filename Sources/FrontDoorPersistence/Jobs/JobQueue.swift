import Foundation
import FrontDoorDomain
import SQLKit

/// A job to run in the background.
public struct NewJob: Sendable {
    public var kind: String
    /// The job's input as JSON (what the handler needs, no more).
    public var payload: String
    public var councilID: UUID?
    /// A job with the same kind and key as one already queued is not added again.
    public var dedupeKey: String?
    public var runAt: Date
    public var maximumAttempts: Int

    public init(kind: String, payload: String = "{}", councilID: UUID? = nil, dedupeKey: String? = nil, runAt: Date,
                maximumAttempts: Int = JobRetry.defaultMaximumAttempts) {
        self.kind = kind
        self.payload = payload
        self.councilID = councilID
        self.dedupeKey = dedupeKey
        self.runAt = runAt
        self.maximumAttempts = maximumAttempts
    }
}

/// A job a worker holds, until its lease runs out.
public struct ClaimedJob: Sendable, Equatable {
    public var id: UUID
    public var kind: String
    public var payload: String
    public var councilID: UUID?
    /// Counting this one.
    public var attempt: Int
    public var maximumAttempts: Int
}

/// The durable job queue, in the database. Jobs are added in the transaction of the change that
/// causes them (`enqueue(_:on:)`), so none is lost and none runs for a change that rolled back.
/// Workers claim due jobs under a lease: a worker that dies loses its lease and another takes the
/// job. A job's effects and its completion commit together (`complete(_:worker:on:)` refuses a
/// worker whose lease has passed), so a job's work is done exactly once.
///
/// The dialects differ in one place, `claim`: PostgreSQL locks the rows it picks with
/// `FOR UPDATE SKIP LOCKED`, so workers in several processes never wait for or take each other's
/// rows. SQLite has no row locks (SQLKit leaves the clause out there); its transactions take the
/// database's one write lock at the start (`BEGIN IMMEDIATE`), so claims are one at a time anyway,
/// and SQLite deployments run one process.
public struct JobQueue: Sendable {
    let database: Database
    let lease: TimeInterval

    public init(database: Database, lease: TimeInterval = JobQueue.lease) {
        self.database = database
        self.lease = lease
    }

    /// How long a worker may hold a job before another may take it, unless configured otherwise.
    public static let lease: TimeInterval = 120

    /// Adds a job; false when a job of the same kind and dedupe key exists already.
    @discardableResult
    public func enqueue(_ job: NewJob, at now: Date = Date(), on db: (any SQLDatabase)? = nil) async throws -> Bool {
        try await Self.enqueue(job, at: now, on: db ?? database.sql)
    }

    /// The same on `db`, the transaction of the change that causes the job.
    @discardableResult
    public static func enqueue(_ job: NewJob, at now: Date, on db: any SQLDatabase) async throws -> Bool {
        struct Added: Decodable { var id: UUID }
        return !(try await db.insert(into: "jobs")
            .columns("id", "council_id", "kind", "payload", "dedupe_key", "state", "attempts", "max_attempts", "run_at", "created_at")
            .values(SQLBind(UUID()), SQLBind(job.councilID), SQLBind(job.kind), SQLBind(job.payload), SQLBind(job.dedupeKey),
                    SQLBind(JobState.queued.rawValue), SQLBind(0), SQLBind(job.maximumAttempts), SQLBind(job.runAt), SQLBind(now))
            .ignoringConflicts(with: ["kind", "dedupe_key"])
            .returning("id").all(decoding: Added.self)).isEmpty
    }

    /// Claims up to `limit` due jobs for `worker`: queued ones whose time has come, and running
    /// ones whose worker's lease has run out.
    public func claim(worker: String, limit: Int = 10, now: Date = Date()) async throws -> [ClaimedJob] {
        struct Row: Decodable { var id: UUID; var kind: String; var payload: String; var council_id: UUID?; var attempts: Int; var max_attempts: Int }
        struct Due: Decodable { var id: UUID }
        @Sendable func due(_ db: any SQLDatabase, locking: Bool) async throws -> [Due] {
            let select = db.select().column("id").from("jobs")
                .where { $0.where { $0.where("state", .equal, JobState.queued.rawValue).where("run_at", .lessThanOrEqual, now) }
                    .orWhere { $0.where("state", .equal, JobState.running.rawValue).where("claimed_until", .lessThan, now) } }
                .orderBy("run_at").orderBy("created_at").limit(limit)
            return try await (locking ? select.lockingClause(UpdateSkippingLocked()) : select).all(decoding: Due.self)
        }
        // Most polls find nothing: a plain read says so without taking a write lock (which on
        // SQLite is the whole database's) or a transaction.
        guard try await !due(database.sql, locking: false).isEmpty else { return [] }
        return try await database.transaction { db in
            let due = try await due(db, locking: true)
            guard !due.isEmpty else { return [] }
            let order = Dictionary(uniqueKeysWithValues: due.enumerated().map { ($0.element.id, $0.offset) })
            return try await db.update("jobs")
                .set("state", to: JobState.running.rawValue).set("claimed_by", to: worker)
                .set("claimed_until", to: now.addingTimeInterval(lease))
                .set(SQLIdentifier("attempts"), to: SQLRaw("attempts + 1"))
                .where("id", .in, SQLBind.group(due.map(\.id)))
                .returning("id", "kind", "payload", "council_id", "attempts", "max_attempts")
                .all(decoding: Row.self)
                .map { ClaimedJob(id: $0.id, kind: $0.kind, payload: $0.payload, councilID: $0.council_id, attempt: $0.attempts,
                                  maximumAttempts: $0.max_attempts) }
                // In the order they fell due (and were made), so events reach a receiver as they happened, retries aside.
                .sorted { (order[$0.id] ?? 0) < (order[$1.id] ?? 0) }
        }
    }

    /// The worker no longer holds the job (its lease ran out and another worker took it):
    /// whatever it did must roll back.
    public struct LeaseLost: Error, Equatable {}

    /// Marks the job done, on `db` (the transaction that made its effects). Throws `LeaseLost`
    /// if `worker` no longer holds it, so those effects roll back.
    public func complete(_ job: ClaimedJob, worker: String, at now: Date = Date(), on db: any SQLDatabase) async throws {
        struct Done: Decodable { var id: UUID }
        let done = try await db.update("jobs").set("state", to: JobState.succeeded.rawValue).set("finished_at", to: now)
            .set("claimed_until", to: SQLLiteral.null).set("last_error", to: SQLLiteral.null)
            .where("id", .equal, job.id).where("claimed_by", .equal, worker).where("state", .equal, JobState.running.rawValue)
            .where("attempts", .equal, job.attempt)
            .returning("id").all(decoding: Done.self)
        if done.isEmpty { throw LeaseLost() }
    }

    /// Records a failed attempt: queued again at `retryAt`, or dead when that is nil.
    public func fail(_ job: ClaimedJob, worker: String, error: String, retryAt: Date?, at now: Date = Date()) async throws {
        try await database.sql.update("jobs")
            .set("state", to: (retryAt == nil ? JobState.dead : JobState.queued).rawValue)
            .set("run_at", to: retryAt ?? now).set("claimed_until", to: SQLLiteral.null)
            .set("last_error", to: String(error.prefix(2000))).set("finished_at", to: retryAt == nil ? SQLBind(now) : SQLBind(Date?.none))
            .where("id", .equal, job.id).where("claimed_by", .equal, worker).where("attempts", .equal, job.attempt)
            .run()
    }

    /// A job as administrators see it.
    public struct Entry: Sendable, Equatable {
        public var id: UUID
        public var kind: String
        public var state: JobState
        public var attempts: Int
        public var maximumAttempts: Int
        public var runAt: Date
        public var createdAt: Date
        public var lastError: String?
    }

    /// How many jobs are in each state: one council's and the deployment's own (nil: every council's).
    public func counts(councilID: UUID? = nil) async throws -> [JobState: Int] {
        struct Count: Decodable { var state: String; var n: Int }
        let rows = try await Self.scoped(database.sql.select().column("state").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("jobs"), councilID).groupBy("state").all(decoding: Count.self)
        return Dictionary(uniqueKeysWithValues: rows.compactMap { row in JobState(rawValue: row.state).map { ($0, row.n) } })
    }

    /// Jobs in `state`, the most recently changed first: one council's and the deployment's own (nil: every council's).
    public func jobs(in state: JobState, councilID: UUID? = nil, limit: Int = 100) async throws -> [Entry] {
        struct Row: Decodable {
            var id: UUID; var kind: String; var state: String; var attempts: Int; var max_attempts: Int
            var run_at: Date; var created_at: Date; var last_error: String?
        }
        return try await Self.scoped(database.sql.select().columns("id", "kind", "state", "attempts", "max_attempts", "run_at", "created_at", "last_error")
            .from("jobs"), councilID).where("state", .equal, state.rawValue).orderBy("run_at", .descending).limit(limit)
            .all(decoding: Row.self)
            .map { Entry(id: $0.id, kind: $0.kind, state: JobState(rawValue: $0.state) ?? state, attempts: $0.attempts,
                         maximumAttempts: $0.max_attempts, runAt: $0.run_at, createdAt: $0.created_at, lastError: $0.last_error) }
    }

    static func scoped(_ select: SQLSelectBuilder, _ councilID: UUID?) -> SQLSelectBuilder {
        guard let councilID else { return select }
        return select.where { $0.where("council_id", .equal, councilID).orWhere("council_id", .is, SQLLiteral.null) }
    }

    /// Puts a dead job back in the queue with a fresh set of attempts; false when it is not dead.
    public func retry(_ id: UUID, councilID: UUID? = nil, at now: Date = Date()) async throws -> Bool {
        try await change(id, councilID: councilID, from: [.dead, .discarded], set: { $0.set("state", to: JobState.queued.rawValue).set("run_at", to: now)
            .set("attempts", to: 0).set("finished_at", to: SQLLiteral.null) })
    }

    /// Gives up on a dead job for good; false when it is not dead.
    public func discard(_ id: UUID, councilID: UUID? = nil, at now: Date = Date()) async throws -> Bool {
        try await change(id, councilID: councilID, from: [.dead], set: { $0.set("state", to: JobState.discarded.rawValue).set("finished_at", to: now) })
    }

    private func change(_ id: UUID, councilID: UUID?, from states: [JobState], set: (SQLUpdateBuilder) -> SQLUpdateBuilder) async throws -> Bool {
        struct Changed: Decodable { var id: UUID }
        let update = set(database.sql.update("jobs")).where("id", .equal, id)
        if let councilID { update.where { $0.where("council_id", .equal, councilID).orWhere("council_id", .is, SQLLiteral.null) } }
        return !(try await update
            .where("state", .in, SQLBind.group(states.map(\.rawValue)))
            .returning("id").all(decoding: Changed.self)).isEmpty
    }
}

/// `FOR UPDATE SKIP LOCKED` where the dialect has row locks (PostgreSQL); nothing on SQLite,
/// whose dialect has no exclusive select lock expression (see `JobQueue` for why that is safe).
struct UpdateSkippingLocked: SQLExpression {
    func serialize(to serializer: inout SQLSerializer) {
        guard let lock = serializer.dialect.exclusiveSelectLockExpression else { return }
        serializer.statement {
            $0.append(lock)
            $0.append(SQLRaw("SKIP LOCKED"))
        }
    }
}
