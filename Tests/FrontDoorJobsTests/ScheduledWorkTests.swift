import Foundation
import FrontDoorDomain
import FrontDoorJobs
import FrontDoorPersistence
import FrontDoorTestSupport
import Logging
import NIOConcurrencyHelpers
import Testing

@Suite("Scheduled work: once a period for the whole deployment, through the queue")
struct ScheduledWorkTests {
    /// Counts its runs; fails while `failing` is set.
    final class Counting: RecurringJob, @unchecked Sendable {
        let name: String
        let interval: Duration
        let runs = NIOLockedValueBox(0)
        let failing = NIOLockedValueBox(false)

        init(name: String, every seconds: Int64) {
            self.name = name
            self.interval = .seconds(seconds)
        }

        struct Broken: Error {}

        func run(logger: Logger) async throws {
            runs.withLockedValue { $0 += 1 }
            if failing.withLockedValue({ $0 }) { throw Broken() }
        }
    }

    @Test("Two servers offering the same period make one run; the next period makes another; each kind has its own periods",
          arguments: TestDatabase.available)
    func oncePerPeriod(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            let sweep = Counting(name: "sweep", every: 900), reminders = Counting(name: "reminders", every: 3600)
            let serverA = ScheduledWork(database: database, work: [sweep, reminders])
            let serverB = ScheduledWork(database: database, work: [sweep, reminders])
            let worker = JobWorker(database: database, handlers: serverA.handlers, logger: TestLogger.make())
            // 10:00:10 and 10:00:40 on one day: the same quarter hour and the same hour.
            let start = Date(timeIntervalSince1970: 1_795_600_810)
            try await serverA.offer(at: start)
            try await serverB.offer(at: start.addingTimeInterval(30))
            while try await worker.runOnce(now: start.addingTimeInterval(31)) > 0 {}
            #expect(sweep.runs.withLockedValue { $0 } == 1 && reminders.runs.withLockedValue { $0 } == 1)

            // A quarter of an hour on: the sweep's next period, still the reminders' same hour.
            let later = start.addingTimeInterval(900)
            try await serverB.offer(at: later)
            try await serverA.offer(at: later)
            while try await worker.runOnce(now: later) > 0 {}
            #expect(sweep.runs.withLockedValue { $0 } == 2 && reminders.runs.withLockedValue { $0 } == 1)
            let counts = try await JobQueue(database: database).counts()
            #expect(counts == [.succeeded: 3])
        }
    }

    @Test("A run that keeps failing is retried, then waits as a dead job for an administrator", arguments: TestDatabase.available)
    func failingRunGoesDead(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            let sweep = Counting(name: "sweep", every: 900)
            sweep.failing.withLockedValue { $0 = true }
            let scheduled = ScheduledWork(database: database, work: [sweep])
            let worker = JobWorker(database: database, handlers: scheduled.handlers, logger: TestLogger.make())
            var now = Date(timeIntervalSince1970: 1_795_600_810)
            try await scheduled.offer(at: now)
            // Each retry waits its backoff; step the clock past it.
            for _ in 0..<10 {
                _ = try await worker.runOnce(now: now)
                now = now.addingTimeInterval(3600)
            }
            #expect(sweep.runs.withLockedValue { $0 } == 3, "three attempts")
            let dead = try await JobQueue(database: database).jobs(in: .dead)
            #expect(dead.count == 1 && dead.first?.kind == "scheduled.sweep" && dead.first?.lastError?.contains("Broken") == true)
        }
    }
}
