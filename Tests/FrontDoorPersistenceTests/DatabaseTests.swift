import Foundation
import FrontDoorPersistence
import FrontDoorTestSupport
import SQLKit
import Testing

@Suite("Opening the database and transactions")
struct DatabaseTests {
    @Test("A transaction that throws leaves nothing written", arguments: TestDatabase.available)
    func rollsBack(database kind: TestDatabase) async throws {
        struct Abandon: Error {}
        try await kind.withMigratedDatabase { database in
            let council = try makeCouncil(slug: "rollback")
            await #expect(throws: Abandon.self) {
                try await database.transaction { db in
                    try await db.raw("""
                        INSERT INTO councils (id, slug, name, nation, brand_colour, contact_email, contact_phone,
                            contact_address, website_url, opening_hours, is_demo, created_at)
                        VALUES (\(bind: council.id), 'rollback', 'Rollback', 'scotland', '#000000', 'a@b.example', '', '', '', '', \(bind: false), \(bind: Date()))
                        """).run()
                    try await db.raw("INSERT INTO council_host_names (host_name, council_id) VALUES ('x.example', \(bind: council.id))").run()
                    throw Abandon()
                }
            }
            #expect(try await database.sql.select().column("*").from("councils").all().isEmpty)
            #expect(try await database.sql.select().column("*").from("council_host_names").all().isEmpty)
        }
    }

    @Test("A PostgreSQL server that does not answer is reported with the reason, naming DATABASE_URL")
    func unreachablePostgres() async {
        do {
            _ = try await Database.open(.postgres(url: "postgres://nobody@127.0.0.1:1/nothing"), logger: TestLogger.make())
            Issue.record("expected the open to fail")
        } catch {
            #expect(error.description.contains("DATABASE_URL"))
            #expect(error.description.contains("127.0.0.1:1"))
            #expect(!error.description.contains("PSQLError – Generic"))
        }
    }

    @Test("An SQLite file whose folder cannot be created is reported with the folder")
    func sqliteFolderCannotBeCreated() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("plain-file-\(UUID().uuidString)")
        try Data("x".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            _ = try await Database.open(.sqlite(path: file.path + "/sub/db.sqlite"), logger: TestLogger.make())
            Issue.record("expected the open to fail")
        } catch {
            guard case .cannotCreateFolder(let path, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(path.hasSuffix("/sub"))
        }
    }

    @Test("Connections borrowed from the pool are returned", arguments: TestDatabase.available)
    func poolConnectionsReturned(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<8 { group.addTask { try await database.ping() } }
                try await group.waitForAll()
            }
            #expect(database.connectionsInUse == 0)
        }
    }
}

@Suite("DATABASE_URL")
struct DatabaseLocationTests {
    @Test("Accepted forms", arguments: [
        ("sqlite:data/app.sqlite", DatabaseLocation.sqlite(path: "data/app.sqlite")),
        ("sqlite:///var/lib/frontdoor/app.sqlite", .sqlite(path: "/var/lib/frontdoor/app.sqlite")),
        ("postgres://fd:secret@db.internal:5432/frontdoor", .postgres(url: "postgres://fd:secret@db.internal:5432/frontdoor")),
        ("postgresql://db.internal/frontdoor", .postgres(url: "postgresql://db.internal/frontdoor")),
    ])
    func accepts(text: String, location: DatabaseLocation) throws {
        #expect(try DatabaseLocation.parse(text) == location)
    }

    @Test("Refused forms say what is wrong", arguments: [
        ("mysql://db/frontdoor", DatabaseLocation.ParseError.unsupportedScheme("mysql")),
        ("postgres:///frontdoor", .missingHost),
        ("postgres://db.internal", .missingDatabaseName),
        ("sqlite:", .missingSQLitePath),
        ("just some words", .notAURL),
    ])
    func refuses(text: String, error: DatabaseLocation.ParseError) {
        #expect(throws: error) { try DatabaseLocation.parse(text) }
    }

    @Test("The printable form never shows the password")
    func descriptionHidesPassword() throws {
        let location = try DatabaseLocation.parse("postgres://fd:hunter2secret@db.internal:5432/frontdoor")
        #expect(!location.description.contains("hunter2secret"))
        #expect(location.description.contains("db.internal:5432/frontdoor"))
    }
}
