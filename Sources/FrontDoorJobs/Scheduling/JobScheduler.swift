import Logging
import ServiceLifecycle

/// Runs recurring jobs beside the web server, in the same service group, and stops them
/// cleanly on shutdown: a job in the middle of a run finishes it; no new run starts.
public struct JobScheduler: Service {
    let jobs: [any RecurringJob]
    let logger: Logger
    let clock: ContinuousClock

    public init(jobs: [any RecurringJob], logger: Logger) {
        self.jobs = jobs
        self.logger = logger
        self.clock = ContinuousClock()
    }

    public func run() async throws {
        await withTaskGroup(of: Void.self) { group in
            for job in jobs {
                group.addTask { await runForever(job) }
            }
        }
    }

    private func runForever(_ job: any RecurringJob) async {
        var logger = self.logger
        logger[metadataKey: "job"] = .string(job.name)
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            // Sleep first: start-up is busy enough, and a restart loop must not hammer the database.
            do {
                try await cancelWhenGracefulShutdown {
                    try await Task.sleep(for: job.interval, clock: clock)
                }
            } catch {
                return
            }
            do {
                try await job.run(logger: logger)
                logger.debug("Job ran")
            } catch {
                logger.error("Job failed; it will run again at the next interval", metadata: ["error": .string(String(reflecting: error))])
            }
        }
    }
}
