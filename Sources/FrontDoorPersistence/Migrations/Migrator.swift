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
    @discardableResult
    public func migrate() async throws -> [String] {
        try await withMigrationLock {
            try await createLedgerIfNeeded()
            let applied = try await appliedNames()
            var newlyApplied: [String] = []
            for migration in migrations where !applied.contains(migration.name) {
                let kind = database.kind
                let logger = self.logger
                let didApply = try await database.transaction { db in
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

    /// Migrations not yet applied.
    public func pending() async throws -> [String] {
        try await createLedgerIfNeeded()
        let applied = try await appliedNames()
        return migrations.map(\.name).filter { !applied.contains($0) }
    }

    private func createLedgerIfNeeded() async throws {
        try await database.sql.create(table: "schema_migrations")
            .ifNotExists()
            .column("name", type: .text, .primaryKey(autoIncrement: false))
            .column("applied_at", type: SchemaTypes.timestamp(database.kind), .notNull)
            .run()
    }

    private static func isRecorded(_ name: String, in db: any SQLDatabase) async throws -> Bool {
        try await db.select().column("name").from("schema_migrations").where("name", .equal, name).first() != nil
    }

    private func appliedNames() async throws -> Set<String> {
        let rows = try await database.sql.select().column("name").from("schema_migrations").all()
        return Set(try rows.map { try $0.decode(column: "name", as: String.self) })
    }

    /// PostgreSQL: a session advisory lock so concurrent start-ups migrate one at a time.
    /// SQLite: one process owns the file, and each migration's `BEGIN IMMEDIATE` serialises writers.
    private func withMigrationLock<R: Sendable>(_ body: @escaping @Sendable () async throws -> R) async throws -> R {
        guard database.kind == .postgres else { return try await body() }
        return try await database.sql.withSession { session in
            try await session.raw("SELECT pg_advisory_lock(\(bind: Self.advisoryLockKey))").run()
            do {
                let result = try await body()
                try await session.raw("SELECT pg_advisory_unlock(\(bind: Self.advisoryLockKey))").run()
                return result
            } catch {
                try? await session.raw("SELECT pg_advisory_unlock(\(bind: Self.advisoryLockKey))").run()
                throw error
            }
        }
    }
}
