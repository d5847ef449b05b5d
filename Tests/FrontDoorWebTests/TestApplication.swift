import Foundation
import FrontDoorApp
import FrontDoorPersistence
import FrontDoorTestSupport
import FrontDoorWeb
import Testing
import Hummingbird
import HummingbirdTesting
import Logging
import NIOConcurrencyHelpers
import SQLKit

/// Builds FrontDoor through `buildApplication`, on a fresh database of the given kind,
/// after `prepare` has put whatever the test needs into that database.
func withTestApplication<R: Sendable>(
    database kind: TestDatabase,
    mode: AppConfiguration.Mode = .development,
    seedDemo: Bool = true,
    setup: TestingSetup = .router,
    logger: Logger = TestLogger.make(),
    configure: @escaping @Sendable (inout AppConfiguration) -> Void = { _ in },
    prepare: @escaping @Sendable (Database) async throws -> Void = { _ in },
    test: @escaping @Sendable (any TestClientProtocol) async throws -> R
) async throws -> R {
    try await kind.withFreshLocation { location, folder in
        let setupDatabase = try await Database.open(location, poolSize: 1, logger: TestLogger.make())
        do {
            try await Migrator(database: setupDatabase, logger: TestLogger.make()).migrate()
            try await prepare(setupDatabase)
        } catch {
            await setupDatabase.close()
            throw error
        }
        await setupDatabase.close()
        var configuration = try AppConfiguration.testing(database: location, dataDirectory: folder + "/data", mode: mode)
        configure(&configuration)
        let app = try await buildApplication(configuration, options: StartupOptions(seedDemoWhenEmpty: seedDemo),
                                             logger: logger)
        return try await CurrentTestDatabase.$location.withValue(location) {
            try await app.test(setup, test)
        }
    }
}

/// The database the current test application uses, for tests that check what it stored.
enum CurrentTestDatabase {
    @TaskLocal static var location: DatabaseLocation?
}

extension TestResponse {
    var text: String { String(buffer: body) }
}

/// The demo deployment (Kingsmere and its staff) in a browser-like client, with the test's own
/// handle on the database for checking what was stored.
func withDemoDeployment(database kind: TestDatabase, requireTwoFactorForAll: Bool = false, setup: TestingSetup = .router,
                        configure: @escaping @Sendable (inout AppConfiguration) -> Void = { _ in },
                        _ body: @escaping @Sendable (BrowserLikeClient, Database) async throws -> Void) async throws {
    let box = DatabaseBox()
    try await withTestApplication(database: kind, setup: setup, configure: configure, prepare: { database in
        try await seedDemoCouncil(database)
        if requireTwoFactorForAll {
            try await database.sql.update("councils").set("requires_two_factor_for_all_staff", to: true).run()
        }
    }) { client in
        // Closed on the way out either way: a pool left open stops the test process.
        do {
            try await body(BrowserLikeClient(client), try await box.open())
        } catch {
            await box.close()
            throw error
        }
    }
    await box.close()
}

/// Opens the test application's own database for direct checks, and closes it afterwards.
final class DatabaseBox: Sendable {
    let opened = NIOLockedValueBox<Database?>(nil)

    func open() async throws -> Database {
        guard let location = CurrentTestDatabase.location else { fatalError("withTestApplication sets the location") }
        let database = try await Database.open(location, poolSize: 1, logger: TestLogger.make())
        opened.withLockedValue { $0 = database }
        return database
    }

    func close() async {
        if let database = opened.withLockedValue({ $0 }) { await database.close() }
    }
}

/// Signs the demo administrator in, setting up two-factor sign-in on the way (as at a first sign-in).
func signInAsAdministrator(_ browser: BrowserLikeClient, also fields: [(String, String)] = []) async throws {
    try await browser.postForm("/staff/sign-in", [("email", "admin@kingsmere.example"), ("password", DemoCouncil.password)] + fields)
    let setup = try await browser.get("/staff/two-factor").text
    let start = try #require(setup.range(of: #"<strong class="fd-setup-key">"#))
    let key = String(setup[start.upperBound...].prefix { $0 != "<" }).replacingOccurrences(of: " ", with: "")
    try await browser.postForm("/staff/two-factor", [("code", OneTimePasswordVerifier(secret: key).code(at: Date()))])
}
