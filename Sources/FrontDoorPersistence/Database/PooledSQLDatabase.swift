@preconcurrency import AsyncKit
import Logging
import NIOCore
import SQLKit

/// An `SQLDatabase` over a connection pool: each query borrows a connection, and
/// `withSession` keeps one connection for a whole unit of work (a transaction).
///
/// sqlite-kit offers no pool-backed `SQLDatabase` (postgres-kit does), so one generic
/// wrapper serves both drivers and is also where pool use is counted.
struct PooledSQLDatabase<Source: ConnectionPoolSource>: SQLDatabase where Source.Connection: Sendable {
    let pool: EventLoopGroupConnectionPool<Source>
    let makeSQL: @Sendable (Source.Connection) -> any SQLDatabase
    let logger: Logger
    let dialect: any SQLDialect
    let usage: PoolUsage

    var eventLoop: any EventLoop { pool.eventLoopGroup.any() }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        // Logged here, in the caller's task, so the line carries the request id; the drivers log
        // later on an event loop, outside it, so their own query logging is switched off.
        // Bound values are never logged: they hold residents' personal data.
        if logger.logLevel <= .debug {
            logger.debug("Executing query", metadata: ["sql": .string(serialize(query).sql)])
        }
        let usage = self.usage
        let makeSQL = self.makeSQL
        let logger = self.logger
        return pool.withConnection(logger: logger) { connection in
            usage.acquired()
            return makeSQL(connection).logging(to: logger).execute(sql: query, onRow).always { _ in usage.released() }
        }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        let connection = try await pool.requestConnection(logger: logger).get()
        usage.acquired()
        defer {
            usage.released()
            pool.releaseConnection(connection, logger: logger)
        }
        return try await closure(makeSQL(connection).logging(to: logger))
    }
}
