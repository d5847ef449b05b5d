import FrontDoorJobs
import FrontDoorPersistence
import FrontDoorTestSupport
import Logging
import ServiceLifecycle
import Synchronization
import Testing

/// Counts runs; fails the first `failures` of them.
final class CountingJob: RecurringJob {
    let name = "counting"
    let interval: Duration = .milliseconds(5)
    let runs = Atomic<Int>(0)
    let failures: Int

    init(failures: Int = 0) { self.failures = failures }

    struct Failure: Error {}

    func run(logger: Logger) async throws {
        let count = runs.add(1, ordering: .relaxed).newValue
        if count <= failures { throw Failure() }
    }
}

@Suite("Background job scheduler")
struct JobSchedulerTests {
    /// Runs the scheduler in a service group until `until` holds (or 60 s pass: a generous bound, because
    /// the whole suite shares two cores; it returns as soon as the condition holds), then shuts it down gracefully.
    func runScheduler(jobs: [any RecurringJob], until condition: @escaping @Sendable () -> Bool) async throws {
        let group = ServiceGroup(services: [JobScheduler(jobs: jobs, logger: TestLogger.make())],
                                 gracefulShutdownSignals: [], logger: TestLogger.make())
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let deadline = ContinuousClock.now + .seconds(60)
            while !condition() && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(5))
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    @Test("A recurring job runs again and again on its interval")
    func runsRepeatedly() async throws {
        let job = CountingJob()
        try await runScheduler(jobs: [job]) { job.runs.load(ordering: .relaxed) >= 3 }
        #expect(job.runs.load(ordering: .relaxed) >= 3)
    }

    @Test("A failing run is logged and the job keeps its schedule")
    func failureDoesNotStopTheJob() async throws {
        let job = CountingJob(failures: 2)
        try await runScheduler(jobs: [job]) { job.runs.load(ordering: .relaxed) >= 4 }
        #expect(job.runs.load(ordering: .relaxed) >= 4)
    }

    @Test("After graceful shutdown no further runs start")
    func stopsOnShutdown() async throws {
        let job = CountingJob()
        try await runScheduler(jobs: [job]) { job.runs.load(ordering: .relaxed) >= 1 }
        let afterShutdown = job.runs.load(ordering: .relaxed)
        try await Task.sleep(for: .milliseconds(50))
        #expect(job.runs.load(ordering: .relaxed) == afterShutdown)
    }

    @Test("SQLite maintenance checkpoints the write-ahead log; on PostgreSQL it does nothing", arguments: TestDatabase.available)
    func sqliteMaintenanceRuns(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await SQLiteMaintenanceJob(database: database).run(logger: TestLogger.make())
            try await database.ping()
        }
    }
}
