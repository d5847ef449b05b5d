@preconcurrency import AsyncKit
import Logging
import NIOCore
import SQLiteKit

/// SQLite connections set up for a web server: write-ahead logging so readers never block
/// the writer, a busy timeout instead of immediate "database is locked" errors, and foreign keys.
struct TunedSQLiteSource: ConnectionPoolSource {
    let base: SQLiteConnectionSource

    init(path: String) {
        self.base = SQLiteConnectionSource(configuration: .init(storage: .file(path: path), enableForeignKeys: true))
    }

    func makeConnection(logger: Logger, on eventLoop: any EventLoop) -> EventLoopFuture<SQLiteConnection> {
        base.makeConnection(logger: logger, on: eventLoop).flatMap { connection in
            connection.query("PRAGMA journal_mode = WAL")
                .flatMap { _ in connection.query("PRAGMA busy_timeout = 5000") }
                .flatMap { _ in connection.query("PRAGMA synchronous = NORMAL") }
                .map { _ in connection }
        }
    }
}
