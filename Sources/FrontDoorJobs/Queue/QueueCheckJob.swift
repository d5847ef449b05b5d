import Foundation
import FrontDoorPersistence
import SQLKit

/// The queue's self-check (`frontdoor queue-check`): each job marks itself done in
/// `job_check_marks`, in its completing transaction. Operators run a batch to see the workers
/// are alive; the tests run one and kill the server half way to prove no job is lost or done twice.
public struct QueueCheckJob: JobHandler {
    public static let kind = "queue-check"
    public var kind: String { Self.kind }

    public init() {}

    public struct Payload: Codable, Sendable {
        public var batch: String
        /// Milliseconds of pretend work before marking, to stand in for a slow job.
        public var workMilliseconds: Int

        public init(batch: String, workMilliseconds: Int) {
            self.batch = batch
            self.workMilliseconds = workMilliseconds
        }
    }

    public func perform(_ job: ClaimedJob, commit: JobCommit) async throws {
        guard let payload = try? JSONDecoder().decode(Payload.self, from: Data(job.payload.utf8)) else {
            throw PermanentJobFailure("The queue-check job's payload is not {\"batch\", \"workMilliseconds\"}")
        }
        if payload.workMilliseconds > 0 { try await Task.sleep(for: .milliseconds(min(payload.workMilliseconds, 10_000))) }
        try await commit { db in
            try await db.insert(into: "job_check_marks").columns("job_id", "batch", "marked_at")
                .values(SQLBind(job.id), SQLBind(payload.batch), SQLBind(Date())).run()
        }
    }
}
