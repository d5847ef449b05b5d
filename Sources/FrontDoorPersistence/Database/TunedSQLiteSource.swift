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
            // The busy timeout first: switching a new file to WAL takes a lock, and a second process
            // opening the same file at that moment must wait for it, not fail at once. Thirty
            // seconds: on a loaded machine another process's migration can hold the write lock a while.
            connection.query("PRAGMA busy_timeout = 30000")
                .flatMap { _ in connection.query("PRAGMA journal_mode = WAL") }
                .flatMap { _ in connection.query("PRAGMA synchronous = NORMAL") }
                .map { _ in connection }
        }
    }
}
