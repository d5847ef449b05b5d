import FrontDoorApp
import FrontDoorPersistence

extension AppConfiguration {
    /// A development configuration for tests: the given database, a scratch data folder,
    /// any free port, and a cheap bcrypt cost.
    public static func testing(database: DatabaseLocation, dataDirectory: String,
                               mode: Mode = .development) throws -> AppConfiguration {
        var environment = [
            "DATA_DIR": dataDirectory,
            "PORT": "8080",
            "SESSION_SECRET": String(repeating: "s", count: 40),
            "FRONTDOOR_ENV": mode.rawValue,
        ]
        switch database {
        case .sqlite(let path): environment["DATABASE_URL"] = "sqlite:" + path
        case .postgres(let url): environment["DATABASE_URL"] = url
        }
        var configuration = try AppConfiguration.fromEnvironment(environment)
        configuration.port = 0
        configuration.passwordHashCost = 4
        // Tests run in parallel, each with its own database: small pools keep the test server
        // within its connection limit.
        configuration.databasePoolSize = 2
        // The periodic work (a sweep of every case, reminders) is tested on its own; running it
        // inside every test's server would compete for the test's connections.
        configuration.scheduledWorkInterval = .seconds(24 * 3600)
        return configuration
    }
}
