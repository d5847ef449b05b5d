import Foundation
import Logging
import SQLKit

/// Applies pending migrations, each in its own transaction, recording each by name.
///
/// Written here rather than taken from FluentKit: its migrator needs Fluent's database
/// registry and both Fluent drivers on top of the SQLKit ones we use, and it does not guard
/// against two servers migrating at once. Ours is small and takes PostgreSQL's advisory lock.
public struct Migrator: Sendable {
    let database: Database
    let migrations: [any Migration]
    let logger: Logger

    /// Any number fixed for the deployment: every FrontDoor process asks for the same lock.
    static let advisoryLockKey = 7_306_211_204

    public init(database: Database, migrations: [any Migration] = Migrations.all, logger: Logger) {
        self.database = database
        self.migrations = migrations
        self.logger = logger
    }

    /// Names of the migrations applied by this call, in order.
    ///
    /// Everything happens on one connection: on PostgreSQL it holds the advisory lock, and
    /// asking the pool for a second connection while holding one could wait forever.
    @discardableResult
    public func migrate() async throws -> [String] {
        let kind = database.kind
        let migrations = self.migrations
        let logger = self.logger
        return try await database.sql.withSession { session in
            try await Self.withMigrationLock(on: session, kind: kind) {
                try await Self.createLedgerIfNeeded(on: session, kind: kind)
                let applied = try await Self.appliedNames(on: session)
                var newlyApplied: [String] = []
                for migration in migrations where !applied.contains(migration.name) {
                    let didApply = try await Database.transaction(on: session, kind: kind) { db in
                        // Checked again under the transaction's write lock: another process may have
                        // applied it since we read the ledger (SQLite has no advisory lock).
                        guard try await !Self.isRecorded(migration.name, in: db) else { return false }
                        logger.info("Applying migration", metadata: ["migration": .string(migration.name)])
                        try await migration.prepare(on: db, kind: kind)
                        try await db.insert(into: "schema_migrations")
                            .columns("name", "applied_at")
                            .values(SQLBind(migration.name), SQLBind(Date()))
                            .run()
                        return true
                    }
                    if didApply { newlyApplied.append(migration.name) }
                }
                return newlyApplied
            }
        }
    }

    /// Migrations not yet applied.
    public func pending() async throws -> [String] {
        let kind = database.kind
        let names = migrations.map(\.name)
        return try await database.sql.withSession { session in
            try await Self.createLedgerIfNeeded(on: session, kind: kind)
            let applied = try await Self.appliedNames(on: session)
            return names.filter { !applied.contains($0) }
        }
    }

    private static func createLedgerIfNeeded(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        try await db.create(table: "schema_migrations")
            .ifNotExists()
            .column("name", type: .text, .primaryKey(autoIncrement: false))
            .column("applied_at", type: SchemaTypes.timestamp(kind), .notNull)
            .run()
    }

    private static func isRecorded(_ name: String, in db: any SQLDatabase) async throws -> Bool {
        try await db.select().column("name").from("schema_migrations").where("name", .equal, name).first() != nil
    }

    private static func appliedNames(on db: any SQLDatabase) async throws -> Set<String> {
        let rows = try await db.select().column("name").from("schema_migrations").all()
        return Set(try rows.map { try $0.decode(column: "name", as: String.self) })
    }

    /// PostgreSQL: a session advisory lock so concurrent start-ups migrate one at a time.
    /// SQLite: no such lock; each migration's `BEGIN IMMEDIATE` serialises writers and the
    /// ledger is re-checked inside it.
    private static func withMigrationLock<R: Sendable>(on session: any SQLDatabase, kind: DatabaseKind,
                                                       _ body: () async throws -> R) async throws -> R {
        guard kind == .postgres else { return try await body() }
        try await session.raw("SELECT pg_advisory_lock(\(bind: advisoryLockKey))").run()
        do {
            let result = try await body()
            try await session.raw("SELECT pg_advisory_unlock(\(bind: advisoryLockKey))").run()
            return result
        } catch {
            try? await session.raw("SELECT pg_advisory_unlock(\(bind: advisoryLockKey))").run()
            throw error
        }
    }
}
