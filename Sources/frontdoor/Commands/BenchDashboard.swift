import ArgumentParser
import Foundation
import FrontDoorApp
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorWeb

/// The manager dashboard at scale: times what one dashboard request does (every count for the
/// period and the one before, then every table) on the synthetic council's year, for the year
/// and for its last month. Run `synthetic-year` first, against the same database;
/// docs/performance.md records the results.
struct BenchDashboard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-dashboard",
        abstract: "Benchmark the manager dashboard on the synthetic council's year (run synthetic-year first).")

    @Option(help: "How many times to time each period, after one untimed run.")
    var runs = 10

    @Option(help: "The date synthetic-year was given (YYYY-MM-DD): its year is the twelve whole months before its month. Today by default.")
    var ending: String?

    func validate() throws {
        if let ending, LocalDate(ending) == nil { throw ValidationError("--ending must be a date like 2026-11-24") }
        if runs < 1 { throw ValidationError("--runs must be 1 or more") }
    }

    func run() async throws {
        try await CommandSupport.run {
            let configuration = try CommandSupport.loadConfiguration()
            try await CommandSupport.withMigratedDatabase(configuration) { database in
                guard let council = try await CouncilRepository(database: database).find(id: SyntheticYearCommand.councilID) else {
                    throw ValidationError("There is no synthetic council in this database: run `frontdoor synthetic-year` first")
                }
                let recorded = try await SyntheticYear(database: database).recorded(councilID: council.id)
                let today = ending.flatMap(LocalDate.init) ?? LocalDate(Date())
                let year = ReportingPeriod.lastTwelveMonths(before: today), month = ReportingPeriod.lastWholeMonth(before: today)
                let holidays = try ShippedBankHolidays.load()
                CommandSupport.say("\(recorded.contacts) contacts and \(recorded.cases) cases (\(database.kind == .postgres ? "PostgreSQL" : "SQLite")); "
                                   + "\(runs) timed runs each:")
                for (name, period) in [("the year, against the year before", year), ("its last month, against the month before", month)] {
                    var milliseconds: [Double] = []
                    var rows = 0
                    for run in 0...runs {
                        let started = DispatchTime.now().uptimeNanoseconds
                        rows = try await PerformanceDashboardWork.run(database: database, council: council, period: period, bankHolidays: holidays, today: today)
                        if run > 0 { milliseconds.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000) }
                    }
                    let sorted = milliseconds.sorted()
                    CommandSupport.say("  " + name.padding(toLength: 42, withPad: " ", startingAt: 0)
                                       + String(format: "median %.0f ms   slowest %.0f ms   (%d table rows)", sorted[sorted.count / 2], sorted.last ?? 0, rows))
                }
            }
        }
    }
}
