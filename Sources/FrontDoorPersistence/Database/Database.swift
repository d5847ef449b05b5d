@preconcurrency import AsyncKit
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit
import SQLiteKit

/// The one door to the database. Repositories take a `Database` and use `sql` for single
/// statements or `transaction` for units of work that must all happen or none.
public final class Database: Sendable {
    public let kind: DatabaseKind
    public let location: DatabaseLocation
    /// Pool-backed: each statement borrows a connection.
    public let sql: any SQLDatabase
    let usage: PoolUsage
    /// Set on the view `within` gives: `sql` is one connection already inside a transaction.
    let isInTransaction: Bool
    private let closePool: @Sendable () async throws -> Void

    private init(kind: DatabaseKind, location: DatabaseLocation, sql: any SQLDatabase, usage: PoolUsage, isInTransaction: Bool = false,
                 closePool: @escaping @Sendable () async throws -> Void) {
        self.isInTransaction = isInTransaction
        self.kind = kind
        self.location = location
        self.sql = sql
        self.usage = usage
        self.closePool = closePool
    }

    /// Opens the pool and proves the database answers, so a wrong `DATABASE_URL` fails at
    /// start-up with a clear reason rather than on the first resident's request.
    /// `waitForConnection`: how long a statement may wait for a pooled PostgreSQL connection
    /// before failing (the test suite, hundreds of databases on two cores, waits longer).
    public static func open(_ location: DatabaseLocation, poolSize: Int = 10, waitForConnection: Int64 = 10,
                            logger: Logger) async throws(DatabaseOpenError) -> Database {
        let database: Database
        switch location {
        case .sqlite(let path):
            database = try openSQLite(path: path, location: location, logger: logger)
        case .postgres(let url):
            database = try openPostgres(url: url, location: location, poolSize: poolSize, waitForConnection: waitForConnection, logger: logger)
        }
        do {
            try await database.ping()
        } catch {
            await database.close()
            switch location {
            case .sqlite(let path):
                throw .cannotOpenFile(path: path, reason: describe(error))
            case .postgres:
                throw .unreachable(location: location.description, reason: describe(error))
            }
        }
        return database
    }

    private static func openSQLite(path: String, location: DatabaseLocation, logger: Logger) throws(DatabaseOpenError) -> Database {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreateFolder(path: folder, reason: describe(error))
        }
        // One connection: SQLite allows one writer at a time, so a single pooled connection
        // serialises writes without "database is locked" retries. PostgreSQL is for concurrency.
        let pool = EventLoopGroupConnectionPool(
            source: TunedSQLiteSource(path: path), maxConnectionsPerEventLoop: 1,
            requestTimeout: .seconds(30), logger: logger, on: MultiThreadedEventLoopGroup.singleton.next())
        let usage = PoolUsage(kind: .sqlite, size: 1)
        let sql = PooledSQLDatabase(pool: pool, makeSQL: { $0.sql(queryLogLevel: nil) }, logger: logger, dialect: SQLiteDialect(), usage: usage)
        return Database(kind: .sqlite, location: location, sql: sql, usage: usage, closePool: { try await pool.shutdownAsync() })
    }

    private static func openPostgres(url: String, location: DatabaseLocation, poolSize: Int, waitForConnection: Int64,
                                     logger: Logger) throws(DatabaseOpenError) -> Database {
        let configuration: SQLPostgresConfiguration
        do {
            configuration = try SQLPostgresConfiguration(url: url)
        } catch {
            throw .unreachable(location: location.description, reason: "the URL could not be read (\(describe(error)))")
        }
        // The pool keeps connections per event loop; a pool smaller than the number of loops
        // lives on one loop so that DATABASE_POOL_SIZE is never exceeded.
        let group = MultiThreadedEventLoopGroup.singleton
        let loops = Array(group.makeIterator()).count
        let loopsUsed = poolSize >= loops ? loops : 1
        let perLoop = max(1, poolSize / loopsUsed)
        let pool = EventLoopGroupConnectionPool(
            source: PostgresConnectionSource(sqlConfiguration: configuration),
            maxConnectionsPerEventLoop: perLoop,
            requestTimeout: .seconds(waitForConnection), logger: logger, on: loopsUsed == loops ? group : group.next())
        let usage = PoolUsage(kind: .postgres, size: perLoop * loopsUsed)
        let sql = PooledSQLDatabase(pool: pool, makeSQL: { $0.sql(queryLogLevel: nil) }, logger: logger, dialect: PostgresDialect(), usage: usage)
        return Database(kind: .postgres, location: location, sql: sql, usage: usage, closePool: { try await pool.shutdownAsync() })
    }

    /// Runs `body` on one connection inside a transaction: committed if it returns, rolled back if it throws.
    /// Inside a unit of work already (a repository seen `within` one), `body` joins it.
    public func transaction<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        if isInTransaction { return try await body(sql) }
        let kind = self.kind
        return try await sql.withSession { connection in
            try await Self.transaction(on: connection, kind: kind, body)
        }
    }

    /// A transaction on a connection the caller already holds (see `sql.withSession`), for work
    /// that must keep one connection throughout, such as migrating under a session lock.
    public static func transaction<R: Sendable>(on connection: any SQLDatabase, kind: DatabaseKind,
                                                _ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        // SQLite: IMMEDIATE takes the write lock at the start, so two transactions never
        // deadlock upgrading from read to write. PostgreSQL's plain BEGIN is right there.
        let begin = kind == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN"
        try await connection.raw(SQLQueryString(begin)).run()
        do {
            let result = try await body(connection)
            try await connection.raw("COMMIT").run()
            return result
        } catch {
            try? await connection.raw("ROLLBACK").run()
            throw error
        }
    }

    /// This database seen through one connection already inside `transaction`, so that
    /// repositories can take part in a unit of work; their own transactions join it.
    func within(_ connection: any SQLDatabase) -> Database {
        Database(kind: kind, location: location, sql: connection, usage: usage, isInTransaction: true, closePool: {})
    }

    /// A trivial query: the readiness check and the start-up connection check.
    public func ping() async throws {
        _ = try await sql.raw("SELECT 1 AS ok").first()
    }

    /// Connections currently borrowed from the pool.
    public var connectionsInUse: Int { usage.current }

    public func close() async {
        try? await closePool()
    }
}

/// The most specific human-readable reason an error carries. PostgresNIO hides details in
/// `description` to avoid leaking data into logs; the operator needs them at start-up.
func describe(_ error: any Error) -> String {
    if let psql = error as? PSQLError {
        if let message = psql.serverInfo?[.message] { return message }
        if let underlying = psql.underlying { return describe(underlying) }
        return "\(psql.code)"
    }
    if let io = error as? IOError { return io.description }
    if error is ConnectionPoolTimeoutError { return "timed out waiting for a connection" }
    return String(describing: error)
}
