import Foundation
import FrontDoorPersistence
import Logging

/// Periodic work that must run once per period for the whole deployment, however many servers
/// there are (the service-standard sweep, reply reminders, clearing abandoned drafts): each
/// server's scheduler offers a job for the current period to the durable queue, whose dedupe
/// key (kind and period) lets only the first offer in; a worker runs it, with the queue's
/// retries, and a run that fails every attempt waits in Background jobs like any other.
/// (Work that belongs to one process, such as its own SQLite file's upkeep, stays a
/// `RecurringJob` run by `JobScheduler`.)
public struct ScheduledWork: RecurringJob {
    public let name = "scheduled-work"
    /// How often the schedule is looked at: the longest a period's run waits to be offered.
    public let interval: Duration
    let queue: JobQueue
    let work: [any RecurringJob]

    public init(database: Database, work: [any RecurringJob], interval: Duration = .seconds(30)) {
        self.queue = JobQueue(database: database)
        self.work = work
        self.interval = interval
    }

    public static func kind(of job: any RecurringJob) -> String { "scheduled." + job.name }

    public func run(logger: Logger) async throws {
        try await offer(at: Date())
    }

    /// Offers each piece of work's run for the period `now` falls in; a period already offered
    /// (by this server or another) is left alone.
    public func offer(at now: Date) async throws {
        for job in work {
            let seconds = max(1, Int(job.interval.components.seconds))
            let periodStart = Int(now.timeIntervalSince1970) / seconds * seconds
            _ = try await queue.enqueue(NewJob(kind: Self.kind(of: job), dedupeKey: String(periodStart), runAt: now, maximumAttempts: 3), at: now)
        }
    }

    /// The worker's handlers for the scheduled work.
    public var handlers: [any JobHandler] { work.map(RunScheduledWork.init) }
}

/// Runs one period of a piece of scheduled work from the queue. The work's changes are its
/// own (each piece is safe to run twice: a case's standard state is worked out afresh, a
/// reminder goes once per wait, a cleared draft stays cleared), so nothing goes through `commit`.
struct RunScheduledWork: JobHandler {
    let job: any RecurringJob

    init(_ job: any RecurringJob) {
        self.job = job
    }

    var kind: String { ScheduledWork.kind(of: job) }

    func perform(_ claimed: ClaimedJob, commit: JobCommit) async throws {
        var logger = Logger(label: "frontdoor.scheduled")
        logger[metadataKey: "job"] = .string(job.name)
        try await job.run(logger: logger)
    }
}
