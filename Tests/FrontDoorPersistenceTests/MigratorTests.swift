import FrontDoorPersistence
import FrontDoorTestSupport
import SQLKit
import Testing

@Suite("Migrations")
struct MigratorTests {
    @Test("A fresh database gets every migration once, in order; a second run applies none", arguments: TestDatabase.available)
    func appliesEachMigrationOnce(database kind: TestDatabase) async throws {
        try await kind.withFreshLocation { location, _ in
            let database = try await Database.open(location, logger: TestLogger.make())
            let migrator = Migrator(database: database, logger: TestLogger.make())
            let first = try await migrator.migrate()
            let second = try await migrator.migrate()
            let pending = try await migrator.pending()
            await database.close()
            #expect(first == Migrations.all.map(\.name))
            #expect(second.isEmpty)
            #expect(pending.isEmpty)
        }
    }

    @Test("Migrating needs only one connection (it must not wait on a pool it is holding)", arguments: TestDatabase.available)
    func migratesOnOneConnection(database kind: TestDatabase) async throws {
        try await kind.withFreshLocation { location, _ in
            let database = try await Database.open(location, poolSize: 1, logger: TestLogger.make())
            let result = await Result(catching: { try await Migrator(database: database, logger: TestLogger.make()).migrate() })
            await database.close()
            #expect(try result.get() == Migrations.all.map(\.name))
        }
    }

    @Test("A migration that fails leaves nothing of itself behind and is not recorded", arguments: TestDatabase.available)
    func failedMigrationIsRolledBack(database kind: TestDatabase) async throws {
        struct HalfThenFail: Migration {
            let name = "9999-half-then-fail"
            struct Boom: Error {}
            func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
                try await db.create(table: "half_made").column("id", type: .bigint).run()
                throw Boom()
            }
        }
        try await kind.withFreshLocation { location, _ in
            let database = try await Database.open(location, logger: TestLogger.make())
            let migrator = Migrator(database: database, migrations: Migrations.all + [HalfThenFail()], logger: TestLogger.make())
            await #expect(throws: HalfThenFail.Boom.self) { try await migrator.migrate() }
            let pending = try await migrator.pending()
            let tableExists = (try? await database.sql.select().column("*").from("half_made").all()) != nil
            await database.close()
            #expect(pending == ["9999-half-then-fail"])
            #expect(!tableExists)
        }
    }

    @Test("Migration names are unique and numbered in order (append-only ledger)")
    func namesAreUniqueAndOrdered() {
        let names = Migrations.all.map(\.name)
        #expect(Set(names).count == names.count)
        let numbers = names.compactMap { Int($0.prefix(4)) }
        #expect(numbers.count == names.count)
        #expect(numbers == Array(1...names.count))
    }

    @Test("Two servers starting together both succeed and apply each migration once", arguments: TestDatabase.available)
    func concurrentMigratorsDoNotCollide(database kind: TestDatabase) async throws {
        try await kind.withFreshLocation { location, _ in
            let a = try await Database.open(location, logger: TestLogger.make())
            let b = try await Database.open(location, logger: TestLogger.make())
            async let first = Result(catching: { try await Migrator(database: a, logger: TestLogger.make()).migrate() })
            async let second = Result(catching: { try await Migrator(database: b, logger: TestLogger.make()).migrate() })
            let results = await [first, second]
            let ledger = try await a.sql.select().column("name").from("schema_migrations").all()
            await a.close()
            await b.close()
            let applied = try results.flatMap { try $0.get() }
            #expect(applied.sorted() == Migrations.all.map(\.name).sorted())
            #expect(ledger.count == Migrations.all.count)
        }
    }
}
