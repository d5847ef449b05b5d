import Foundation
import FrontDoorApp
import FrontDoorPersistence
import Logging
import PostgresKit

/// The databases every database test runs against: SQLite always, PostgreSQL when the test
/// script provides a server in `FRONTDOOR_TEST_POSTGRES_URL`.
public enum TestDatabase: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    public static var available: [TestDatabase] {
        postgresAdminURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    static var postgresAdminURL: String? {
        ProcessInfo.processInfo.environment["FRONTDOOR_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    public var description: String { rawValue }

    /// A database of this kind that no other test sees, removed afterwards.
    public func withFreshLocation<R: Sendable>(_ body: (DatabaseLocation, _ scratchFolder: String) async throws -> R) async throws -> R {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontdoor-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        switch self {
        case .sqlite:
            return try await body(.sqlite(path: folder + "/test.sqlite"), folder)
        case .postgres:
            guard let adminURL = Self.postgresAdminURL else { fatalError("PostgreSQL tests need FRONTDOOR_TEST_POSTGRES_URL") }
            let name = "fd_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            let admin = try await Database.open(.postgres(url: adminURL), poolSize: 1, logger: TestLogger.make())
            try await admin.sql.raw("CREATE DATABASE \(unsafeRaw: String(name))").run()
            do {
                let result = try await body(.postgres(url: Self.replacingDatabaseName(in: adminURL, with: String(name))), folder)
                try await admin.sql.raw("DROP DATABASE \(unsafeRaw: String(name)) WITH (FORCE)").run()
                await admin.close()
                return result
            } catch {
                try? await admin.sql.raw("DROP DATABASE \(unsafeRaw: String(name)) WITH (FORCE)").run()
                await admin.close()
                throw error
            }
        }
    }

    /// An open database of this kind with every migration applied.
    public func withMigratedDatabase<R: Sendable>(_ body: (Database) async throws -> R) async throws -> R {
        try await withFreshLocation { location, _ in
            let database = try await Database.open(location, poolSize: 2, waitForConnection: 60, logger: TestLogger.make())
            do {
                try await Migrator(database: database, logger: TestLogger.make()).migrate()
                let result = try await body(database)
                await database.close()
                return result
            } catch {
                await database.close()
                throw error
            }
        }
    }

    static func replacingDatabaseName(in url: String, with name: String) -> String {
        var components = URLComponents(string: url)!
        components.path = "/" + name
        return components.string!
    }
}

public enum TestLogger {
    /// Quiet unless a test run asks for more with `FRONTDOOR_TEST_LOG_LEVEL`.
    public static func make() -> Logger {
        var logger = Logger(label: "frontdoor-test")
        logger.logLevel = ProcessInfo.processInfo.environment["FRONTDOOR_TEST_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .critical
        return logger
    }
}
