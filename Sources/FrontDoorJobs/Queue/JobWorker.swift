import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Logging
import NIOConcurrencyHelpers
import ServiceLifecycle

/// Runs the job queue beside the web server: claims due jobs, hands each to its handler, and
/// commits the handler's work with the job's completion. Every server process runs one; on
/// PostgreSQL they share the queue safely (see `JobQueue.claim`). On shutdown the jobs in hand
/// finish and no more are claimed; a worker that dies leaves its jobs to the next after its lease.
public struct JobWorker: Service {
    let database: Database
    let queue: JobQueue
    let handlers: [String: any JobHandler]
    let name: String
    let pollInterval: Duration
    let batchSize: Int
    let logger: Logger

    public init(database: Database, handlers: [any JobHandler], lease: TimeInterval = JobQueue.lease,
                pollInterval: Duration = .seconds(1), batchSize: Int = 10, logger: Logger) {
        self.database = database
        self.queue = JobQueue(database: database, lease: lease)
        self.handlers = Dictionary(handlers.map { ($0.kind, $0) }, uniquingKeysWith: { first, _ in first })
        // Unique per process and start, so a restarted process never completes its old self's claims.
        self.name = "\(ProcessInfo.processInfo.hostName)/\(ProcessInfo.processInfo.processIdentifier)/\(UUID().uuidString.prefix(8))"
        self.pollInterval = pollInterval
        self.batchSize = batchSize
        var logger = logger
        logger[metadataKey: "worker"] = .string(name)
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let ran: Int
            do {
                ran = try await runOnce()
            } catch {
                logger.error("The job queue could not be read; trying again shortly", metadata: ["error": .string(String(reflecting: error))])
                ran = 0
            }
            guard ran == 0 else { continue }
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: pollInterval) }
            } catch {
                return
            }
        }
    }

    /// Claims one batch of due jobs and runs them; how many it ran.
    @discardableResult
    public func runOnce(now: Date = Date()) async throws -> Int {
        let jobs = try await queue.claim(worker: name, limit: batchSize, now: now)
        for job in jobs { await run(job) }
        return jobs.count
    }

    func run(_ job: ClaimedJob) async {
        var logger = self.logger
        logger[metadataKey: "job"] = .string(job.id.uuidString)
        logger[metadataKey: "job_kind"] = .string(job.kind)
        do {
            guard let handler = handlers[job.kind] else { throw PermanentJobFailure("No handler for jobs of kind \(job.kind)") }
            let committed = NIOLockedValueBox(false)
            let commit: JobCommit = { [database, queue, name] changes in
                try await database.transaction { db in
                    try await changes(db)
                    try await queue.complete(job, worker: name, on: db)
                }
                committed.withLockedValue { $0 = true }
            }
            try await handler.perform(job, commit: commit)
            if !committed.withLockedValue({ $0 }) { try await commit { _ in } }
            logger.debug("Job done")
        } catch is JobQueue.LeaseLost {
            logger.warning("Job took longer than its lease and another worker took it; this run's work was rolled back")
        } catch {
            let retryAt = JobRetry.nextRun(after: job.attempt, maximumAttempts: job.maximumAttempts,
                                           permanent: error is PermanentJobFailure, now: Date())
            logger.warning(retryAt == nil ? "Job failed and is dead; an administrator can retry it" : "Job failed; it will be retried",
                           metadata: ["error": .string(String(describing: error)), "attempt": .stringConvertible(job.attempt)])
            do {
                try await queue.fail(job, worker: name, error: String(describing: error), retryAt: retryAt)
            } catch {
                logger.error("The failure could not be recorded; the job runs again when its lease ends",
                             metadata: ["error": .string(String(reflecting: error))])
            }
        }
    }
}
