import Foundation
import FrontDoorDomain
import FrontDoorJobs
import FrontDoorPersistence
import FrontDoorTestSupport
import Logging
import NIOConcurrencyHelpers
import SQLKit
import Testing

@Suite("The durable job queue and its workers")
struct JobQueueTests {
    static func job(_ kind: String = QueueCheckJob.kind, batch: String = "test", dedupe: String? = nil, at now: Date) -> NewJob {
        NewJob(kind: kind, payload: #"{"batch":"\#(batch)","workMilliseconds":0}"#, dedupeKey: dedupe, runAt: now)
    }

    static func marks(_ database: Database) async throws -> Int {
        struct Count: Decodable { var n: Int }
        return try await database.sql.raw("SELECT COUNT(*) AS n FROM job_check_marks").first(decoding: Count.self)?.n ?? -1
    }

    @Test("A job added in a transaction that rolls back never exists; a repeated dedupe key is added once", arguments: TestDatabase.available)
    func transactionalOutbox(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            let queue = JobQueue(database: database)
            let now = Date()
            struct Abandoned: Error {}
            await #expect(throws: Abandoned.self) {
                try await database.transaction { db in
                    try await queue.enqueue(Self.job(at: now), at: now, on: db)
                    throw Abandoned()
                }
            }
            #expect(try await queue.counts().isEmpty)
            #expect(try await queue.enqueue(Self.job(dedupe: "case-1-received", at: now), at: now))
            #expect(try await !queue.enqueue(Self.job(dedupe: "case-1-received", at: now), at: now))
            let plainOne = try await queue.enqueue(Self.job(at: now), at: now), plainTwo = try await queue.enqueue(Self.job(at: now), at: now)
            #expect(plainOne && plainTwo, "no key, no dedupe")
            #expect(try await queue.counts() == [.queued: 3])
        }
    }

    @Test("Claims: due jobs only, each to one worker; a lapsed lease passes the job on and the first worker cannot complete it",
          arguments: TestDatabase.available)
    func claimsAndLeases(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            let queue = JobQueue(database: database, lease: 60)
            let now = Date()
            try await queue.enqueue(Self.job(at: now), at: now)
            try await queue.enqueue(Self.job(at: now.addingTimeInterval(300)), at: now)
            let first = try await queue.claim(worker: "a", now: now)
            #expect(first.count == 1 && first[0].attempt == 1)
            #expect(try await queue.claim(worker: "b", now: now.addingTimeInterval(30)).isEmpty, "held, and the other is not due")

            let taken = try await queue.claim(worker: "b", now: now.addingTimeInterval(61))
            #expect(taken.map(\.id) == first.map(\.id) && taken[0].attempt == 2)
            await #expect(throws: JobQueue.LeaseLost.self) {
                try await database.transaction { db in try await queue.complete(first[0], worker: "a", on: db) }
            }
            try await database.transaction { db in try await queue.complete(taken[0], worker: "b", on: db) }
            #expect(try await queue.counts() == [.succeeded: 1, .queued: 1])
        }
    }

    @Test("Four workers draining one queue at once run every job exactly once", arguments: TestDatabase.available)
    func concurrentWorkers(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            let queue = JobQueue(database: database)
            let now = Date()
            try await database.transaction { db in
                for _ in 0..<120 { try await queue.enqueue(Self.job(at: now), at: now, on: db) }
            }
            let workers = (0..<4).map { _ in JobWorker(database: database, handlers: [QueueCheckJob()], batchSize: 5, logger: TestLogger.make()) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in workers {
                    group.addTask { while try await worker.runOnce() > 0 {} }
                }
                try await group.waitForAll()
            }
            #expect(try await Self.marks(database) == 120)
            #expect(try await queue.counts() == [.succeeded: 120])
        }
    }

    struct Flaky: JobHandler {
        let kind = "flaky"
        let failuresLeft: NIOLockedValueBox<Int>
        func perform(_ job: ClaimedJob, commit: JobCommit) async throws {
            let fail = failuresLeft.withLockedValue { left -> Bool in left -= 1; return left >= 0 }
            try await commit { db in
                // Writes first, then fails: the write must roll back with the failure.
                try await db.insert(into: "job_check_marks").columns("job_id", "batch", "marked_at")
                    .values(SQLBind(UUID()), SQLBind("flaky"), SQLBind(Date())).run()
                if fail { throw URLError(.timedOut) }
            }
        }
    }

    @Test("A failing job is retried with backoff and its partial work rolled back; out of attempts it is dead, and an administrator retries or discards it",
          arguments: TestDatabase.available)
    func retriesAndDeadLetters(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            let queue = JobQueue(database: database)
            let flaky = Flaky(failuresLeft: NIOLockedValueBox(1))
            let worker = JobWorker(database: database, handlers: [flaky, QueueCheckJob()], logger: TestLogger.make())
            let now = Date()
            try await queue.enqueue(NewJob(kind: "flaky", runAt: now, maximumAttempts: 3), at: now)
            #expect(try await worker.runOnce(now: now) == 1)
            #expect(try await Self.marks(database) == 0, "the failed attempt's write was rolled back")
            let queued = try await queue.jobs(in: .queued)
            #expect(queued.count == 1 && queued[0].attempts == 1 && queued[0].lastError != nil)
            #expect(queued[0].runAt > now.addingTimeInterval(5), "backoff: not straight away")
            #expect(try await worker.runOnce(now: now.addingTimeInterval(5)) == 0)
            #expect(try await worker.runOnce(now: queued[0].runAt.addingTimeInterval(1)) == 1)
            #expect(try await Self.marks(database) == 1)
            #expect(try await queue.counts() == [.succeeded: 1])

            // Unreadable input is dead at once; so is a kind nobody handles.
            try await queue.enqueue(NewJob(kind: QueueCheckJob.kind, payload: "[]", runAt: now), at: now)
            try await queue.enqueue(NewJob(kind: "no-such-kind", runAt: now), at: now)
            #expect(try await worker.runOnce(now: now) == 2)
            let dead = try await queue.jobs(in: .dead)
            #expect(Set(dead.map(\.kind)) == [QueueCheckJob.kind, "no-such-kind"] && dead.allSatisfy { $0.attempts == 1 })
            #expect(dead.contains { $0.lastError?.contains("No handler for jobs of kind no-such-kind") == true })

            let unhandled = try #require(dead.first { $0.kind == "no-such-kind" })
            let unreadable = try #require(dead.first { $0.kind == QueueCheckJob.kind })
            #expect(try await queue.discard(unhandled.id))
            #expect(try await !queue.discard(unhandled.id), "only a dead job can be discarded")
            #expect(try await queue.retry(unreadable.id))
            let retried = try await queue.jobs(in: .queued)
            #expect(retried.map(\.id) == [unreadable.id] && retried[0].attempts == 0)
            #expect(try await queue.counts() == [.succeeded: 1, .discarded: 1, .queued: 1])
        }
    }
}
