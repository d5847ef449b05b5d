import ArgumentParser
import Foundation
import FrontDoorApp
import FrontDoorJobs
import FrontDoorPersistence
import SQLKit

struct QueueCheck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue-check",
        abstract: "Checks the background workers: queues a batch of check jobs and waits until each has run once.",
        discussion: """
            The jobs are run by the workers inside the running `frontdoor serve` processes (this command only \
            queues them and watches). Exit status 0 when every job ran exactly once within --wait seconds; \
            1 otherwise, saying how many are missing. --wait 0 queues and returns at once.
            """)

    @Option(help: "How many check jobs to queue.")
    var jobs: Int = 20

    @Option(help: "Milliseconds of pretend work in each job (to see the workers under a slower load).")
    var workMs: Int = 0

    @Option(help: "Seconds to wait for the batch to finish (0: do not wait).")
    var wait: Int = 60

    func validate() throws {
        guard (1...100_000).contains(jobs) else { throw ValidationError("--jobs must be from 1 to 100000") }
        guard (0...10_000).contains(workMs) else { throw ValidationError("--work-ms must be from 0 to 10000") }
        guard wait >= 0 else { throw ValidationError("--wait must not be negative") }
    }

    func run() async throws {
        try await CommandSupport.run {
            let configuration = try CommandSupport.loadConfiguration()
            try await CommandSupport.withMigratedDatabase(configuration) { database in
                let batch = "check-" + UUID().uuidString.lowercased().prefix(8)
                let payload = String(decoding: try JSONEncoder().encode(QueueCheckJob.Payload(batch: String(batch), workMilliseconds: workMs)),
                                     as: UTF8.self)
                let queue = JobQueue(database: database)
                let now = Date()
                try await database.transaction { [jobs] db in
                    for _ in 0..<jobs { try await queue.enqueue(NewJob(kind: QueueCheckJob.kind, payload: payload, runAt: now), at: now, on: db) }
                }
                CommandSupport.say("Queued \(jobs) check jobs (batch \(batch)).")
                guard wait > 0 else { return }
                struct Count: Decodable { var n: Int }
                let deadline = Date().addingTimeInterval(TimeInterval(wait))
                var done = 0
                while Date() < deadline {
                    done = try await database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                        .from("job_check_marks").where("batch", .equal, String(batch)).first(decoding: Count.self)?.n ?? 0
                    if done >= jobs { break }
                    try await Task.sleep(for: .milliseconds(250))
                }
                if done == jobs {
                    CommandSupport.say("All \(jobs) ran, each once, in \(String(format: "%.1f", Date().timeIntervalSince(now))) s.")
                } else {
                    CommandSupport.printError("\(jobs - done) of \(jobs) check jobs had not run after \(wait) s: are the servers running?")
                    throw ExitCode(1)
                }
            }
        }
    }
}
