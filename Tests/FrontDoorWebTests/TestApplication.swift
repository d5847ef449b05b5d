import Foundation
import FrontDoorApp
import FrontDoorPersistence
import FrontDoorTestSupport
import Hummingbird
import HummingbirdTesting
import Logging

/// Builds FrontDoor through `buildApplication`, on a fresh database of the given kind,
/// after `prepare` has put whatever the test needs into that database.
func withTestApplication<R: Sendable>(
    database kind: TestDatabase,
    mode: AppConfiguration.Mode = .development,
    seedDemo: Bool = true,
    setup: TestingSetup = .router,
    logger: Logger = TestLogger.make(),
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
        let configuration = try AppConfiguration.testing(database: location, dataDirectory: folder + "/data", mode: mode)
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
