import FrontDoorPersistence
import SQLKit

/// Does one kind of background job. `perform` makes the job's database changes on `db`: the
/// transaction in which the job is also marked done, so they happen exactly once. Work outside
/// the database (a message to a provider) must be safe to repeat, because a worker can die
/// after doing it and before committing.
public protocol JobHandler: Sendable {
    var kind: String { get }
    func perform(_ job: ClaimedJob, on db: any SQLDatabase) async throws
}

/// A failure no retry will mend (a payload that cannot be read, a record that no longer
/// exists): the job is dead at once, for an administrator to look at.
public struct PermanentJobFailure: Error, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
