import ArgumentParser
import Foundation
import FrontDoorApp
import FrontDoorDomain
import FrontDoorPersistence

/// A large council's year, invented for benchmarking the manager's dashboard: fills a benchmark
/// council with customers, contacts, cases, calls, ratings, page feedback, complaints and
/// information requests (once; a second run adds nothing). Run against the database in
/// DATABASE_URL (or DATA_DIR's SQLite file).
struct SyntheticYearCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synthetic-year",
        abstract: "Invent a large council's year of activity for benchmarks (the council 'synthetic', made if missing).")

    @Option(help: "How many contacts, the cases' own among them (every case is also a contact).")
    var contacts = 2_000_000

    @Option(help: "How many cases.")
    var cases = 500_000

    @Option(help: "How many invented customers the council should have.")
    var customers = 250_000

    @Option(help: "Seed: the same seed gives the same year.")
    var seed: UInt64 = 20_261_101

    @Option(help: "A date (YYYY-MM-DD): the year is the twelve whole months before its month. Today by default.")
    var ending: String?

    static let councilID = UUID(uuidString: "5E7C0000-0000-4000-8000-000000005E7C")!

    func validate() throws {
        if let ending, LocalDate(ending) == nil { throw ValidationError("--ending must be a date like 2026-11-24") }
    }

    func run() async throws {
        try await CommandSupport.run {
            let configuration = try CommandSupport.loadConfiguration()
            let plan = SyntheticYear.Plan(contacts: contacts, cases: cases, customers: customers, seed: seed,
                                          endingBefore: ending.flatMap(LocalDate.init) ?? LocalDate(Date()))
            try await CommandSupport.withMigratedDatabase(configuration) { database in
                let councils = CouncilRepository(database: database)
                if try await councils.find(id: Self.councilID) == nil {
                    try await councils.create(try Council(
                        id: Self.councilID, slug: CouncilSlug("synthetic"), name: "Synthetic County Council", nation: .englandAndWales,
                        contact: CouncilContact(email: "contact@synthetic.example", phone: "01632 960001", address: "County Hall, Synthetic",
                                                websiteURL: "https://synthetic.example", openingHours: "Monday to Friday, 8:30am to 5:30pm")))
                }
                let last = plan.end.adding(days: -1)
                CommandSupport.say("Synthetic County Council, \(plan.firstMonth) to \(last): \(plan.contacts) contacts, \(plan.cases) cases, "
                                   + "\(plan.customers) customers (seed \(plan.seed))")
                let started = Date()
                let written = try await SyntheticYear(database: database).write(councilID: Self.councilID, plan: plan) { CommandSupport.say($0) }
                if !written.alreadyThere {
                    CommandSupport.say("Written in \(Int(Date().timeIntervalSince(started))) s: \(written.customers) customers, \(written.contacts) contacts, "
                                       + "\(written.cases) cases, \(written.calls) calls, \(written.ratings) ratings, \(written.pageFeedback) page feedback answers, "
                                       + "\(written.complaints) complaints, \(written.informationRequests) information requests")
                }
                // Fresh statistics, as a maintained database has (ANALYZE is the same word on both).
                let analysing = Date()
                try await database.sql.raw("ANALYZE").run()
                CommandSupport.say("ANALYZE took \(Int(Date().timeIntervalSince(analysing))) s")
            }
        }
    }
}
