import ArgumentParser
import Foundation
import FrontDoorApp
import FrontDoorPersistence
import Logging

/// Shared by every command: read the configuration, set up logging, report failures as one line.
enum CommandSupport {
    /// Runs a command body; any failure becomes one line on standard error and exit status 1.
    static func run(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as ExitCode {
            throw error
        } catch {
            printError(message(for: error))
            throw ExitCode(1)
        }
    }

    static func message(for error: any Error) -> String {
        switch error {
        case let error as ConfigurationError: error.description
        case let error as DatabaseOpenError: error.description
        case let error as StartupError: error.description
        // A list the administrator works through: one problem a line, under one heading line.
        case let error as CatalogueProblems: "the catalogue was not imported, and nothing changed:\n" + error.messages.map { "  - " + $0 }.joined(separator: "\n")
        case let error as any CustomStringConvertible: String(describing: error)
        default: String(reflecting: error)
        }
    }

    static func printError(_ message: String) {
        // One line, except for lists of problems, whose items are indented under the first line.
        let flat = message.split(separator: "\n").map { $0.hasPrefix("  - ") ? "\n" + $0 : " " + $0 }.joined().dropFirst()
        let line = "frontdoor: " + flat + "\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Written straight to the file descriptor so it appears at once even when stdout is a pipe.
    static func say(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// `logToStandardError` for commands whose standard output is read by a program (a mail
    /// server reads `receive-email`'s into its bounces).
    static func loadConfiguration(logToStandardError: Bool = false) throws -> AppConfiguration {
        let configuration = try AppConfiguration.fromEnvironment(ProcessInfo.processInfo.environment)
        bootstrapLogging(configuration, toStandardError: logToStandardError)
        return configuration
    }

    static func bootstrapLogging(_ configuration: AppConfiguration, toStandardError: Bool = false) {
        let level = configuration.logLevel
        switch configuration.logFormat {
        case .text:
            LoggingSystem.bootstrap({ label, metadataProvider in
                var handler = toStandardError ? StreamLogHandler.standardError(label: label, metadataProvider: metadataProvider)
                    : StreamLogHandler.standardOutput(label: label, metadataProvider: metadataProvider)
                handler.logLevel = level
                return handler
            }, metadataProvider: RequestLogContext.metadataProvider)
        case .json:
            LoggingSystem.bootstrap({ label, metadataProvider in
                var handler = toStandardError ? JSONLogHandler.standardError(label: label, metadataProvider: metadataProvider)
                    : JSONLogHandler.standardOutput(label: label, metadataProvider: metadataProvider)
                handler.logLevel = level
                return handler
            }, metadataProvider: RequestLogContext.metadataProvider)
        }
    }

    static func logger(_ configuration: AppConfiguration) -> Logger {
        var logger = Logger(label: "frontdoor")
        logger.logLevel = configuration.logLevel
        return logger
    }

    /// Opens the database the configuration names, creating the data folder first when the
    /// database lives there.
    static func openDatabase(_ configuration: AppConfiguration) async throws -> Database {
        if configuration.needsDataDirectory {
            try DataDirectory.prepare(configuration.dataDirectory)
        }
        return try await Database.open(configuration.database, poolSize: configuration.databasePoolSize,
                                       logger: logger(configuration))
    }

    /// Runs `body` with an open, migrated database and closes it afterwards.
    static func withMigratedDatabase(_ configuration: AppConfiguration, _ body: (Database) async throws -> Void) async throws {
        let database = try await openDatabase(configuration)
        do {
            try await Migrator(database: database, logger: logger(configuration)).migrate()
            try await body(database)
        } catch {
            await database.close()
            throw error
        }
        await database.close()
    }
}
