import FrontDoorPersistence
import Logging
import SQLKit

/// Keeps an SQLite database healthy under a long-running server: folds the write-ahead log
/// back into the main file (it otherwise grows while readers are always active) and lets
/// SQLite refresh its query planner statistics. PostgreSQL's autovacuum does this itself.
public struct SQLiteMaintenanceJob: RecurringJob {
    public let name = "sqlite-maintenance"
    public let interval: Duration
    let database: Database

    public init(database: Database, interval: Duration = .seconds(3600)) {
        self.database = database
        self.interval = interval
    }

    public func run(logger: Logger) async throws {
        guard database.kind == .sqlite else { return }
        try await database.sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").run()
        try await database.sql.raw("PRAGMA optimize").run()
    }
}
