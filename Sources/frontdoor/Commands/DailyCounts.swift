import ArgumentParser
import Foundation
import FrontDoorApp
import FrontDoorPersistence

struct DailyCounts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "daily-counts",
        abstract: "Checks the performance dashboard's daily counts against a full recount of the records, or counts them again.",
        discussion: """
            The database keeps the daily counts itself as records change. Without options, every month of every \
            council is recounted from the records and compared: exit status 0 when all agree, 1 naming each month \
            that does not. --rebuild empties the counts and counts every record again, in one transaction that \
            writers wait for (seconds on a large council): for a database loaded with its triggers switched off.
            """)

    @Flag(help: "Count every record again instead of checking.")
    var rebuild = false

    func run() async throws {
        try await CommandSupport.run {
            let configuration = try CommandSupport.loadConfiguration()
            try await CommandSupport.withMigratedDatabase(configuration) { database in
                let maintenance = DailyCountMaintenance(database: database)
                if rebuild {
                    let started = Date()
                    try await maintenance.rebuild()
                    CommandSupport.say("Counted every record again in \(String(format: "%.1f", Date().timeIntervalSince(started))) s.")
                    return
                }
                let (months, disagreements) = try await maintenance.check()
                let councils = Dictionary(uniqueKeysWithValues: try await CouncilRepository(database: database).all().map { ($0.id, $0.slug.value) })
                for disagreement in disagreements {
                    CommandSupport.printError("\(councils[disagreement.councilID] ?? disagreement.councilID.uuidString) "
                                              + "\(disagreement.month.first) to \(disagreement.month.last): "
                                              + "the daily counts differ from the records in \(disagreement.figures.joined(separator: ", "))")
                }
                guard disagreements.isEmpty else {
                    CommandSupport.printError("\(disagreements.count) of \(months) months differ: run `frontdoor daily-counts --rebuild`.")
                    throw ExitCode(1)
                }
                CommandSupport.say("The daily counts agree with the records in all \(months) months.")
            }
        }
    }
}
