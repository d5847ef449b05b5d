import FrontDoorPersistence
import SQLKit

/// Does one kind of background job. The job's database changes go through `commit`, which
/// makes them in the transaction that also marks the job done, so they happen exactly once.
/// Slow work outside the database (calling a provider) comes before `commit`, never inside it:
/// on SQLite a transaction holds the whole database's write lock. That work must be safe to
/// repeat, because a worker can die after doing it and before committing. A handler that
/// returns without calling `commit` has its job marked done with no changes.
public protocol JobHandler: Sendable {
    var kind: String { get }
    func perform(_ job: ClaimedJob, commit: JobCommit) async throws
}

/// Makes a job's changes and marks it done, in one transaction.
public typealias JobCommit = @Sendable (_ changes: @escaping @Sendable (any SQLDatabase) async throws -> Void) async throws -> Void

/// A failure no retry will mend (a payload that cannot be read, a record that no longer
/// exists): the job is dead at once, for an administrator to look at.
public struct PermanentJobFailure: Error, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
