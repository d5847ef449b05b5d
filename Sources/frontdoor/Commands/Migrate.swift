import ArgumentParser
import FrontDoorApp
import FrontDoorPersistence

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply any pending database migrations, then exit.",
        discussion: "Safe to run at any time and from several servers at once: applied migrations are skipped.")

    func run() async throws {
        try await CommandSupport.run {
            let configuration = try CommandSupport.loadConfiguration()
            let database = try await CommandSupport.openDatabase(configuration)
            do {
                let applied = try await Migrator(database: database, logger: CommandSupport.logger(configuration)).migrate()
                CommandSupport.say(applied.isEmpty
                    ? "The database is up to date (\(database.location))."
                    : "Applied \(applied.count) migration(s) to \(database.location): \(applied.joined(separator: ", ")).")
            } catch {
                await database.close()
                throw error
            }
            await database.close()
        }
    }
}
