import ArgumentParser
import FrontDoorApp
import FrontDoorPersistence

struct SeedDemo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed-demo",
        abstract: "Create the demo council and its demo staff where missing (safe to repeat).",
        discussion: "Applies pending migrations first. Existing records are never changed.")

    func run() async throws {
        try await CommandSupport.run {
            let configuration = try CommandSupport.loadConfiguration()
            try await CommandSupport.withMigratedDatabase(configuration) { database in
                let outcome = try await DemoSeeder(database: database, hasher: PasswordHasher(cost: configuration.passwordHashCost)).seed()
                if outcome.createdCouncil { _ = try await DemoCases(database: database, shipped: try ShippedBankHolidays.load()).seed() }
                if !outcome.createdCouncil && outcome.createdStaff.isEmpty {
                    CommandSupport.say("The demo council is already set up; nothing changed.")
                } else {
                    var parts: [String] = []
                    if outcome.createdCouncil { parts.append("the demo council \(DemoCouncil.council.name)") }
                    if !outcome.createdStaff.isEmpty { parts.append("demo staff sign-ins \(outcome.createdStaff.joined(separator: ", "))") }
                    CommandSupport.say("Created \(parts.joined(separator: " and ")). Demo password: \(DemoCouncil.password)")
                }
            }
        }
    }
}
