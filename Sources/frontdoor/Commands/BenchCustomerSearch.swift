import ArgumentParser
import Foundation
import FrontDoorApp
import FrontDoorDomain
import FrontDoorPersistence

/// The advisor's customer search at scale: fills a benchmark council with invented customers
/// (once; a second run reuses them), then times searches of every kind an advisor types and
/// prints the latency percentiles. Run against the database in DATABASE_URL (or DATA_DIR's
/// SQLite file); docs/performance.md records the results.
struct BenchCustomerSearch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-customer-search",
        abstract: "Benchmark finding a customer among many (fills a benchmark council with invented customers first).")

    @Option(help: "How many customers the benchmark council should have.")
    var customers = 1_000_000

    @Option(help: "How many searches to time.")
    var searches = 2_000

    @Option(help: "Seed for the invented customers and the searches.")
    var seed: UInt64 = 20_261_124

    static let councilID = UUID(uuidString: "BE4C0000-0000-4000-8000-00000000BE4C")!

    func run() async throws {
        try await CommandSupport.run {
            let configuration = try CommandSupport.loadConfiguration()
            try await CommandSupport.withMigratedDatabase(configuration) { database in
                let councils = CouncilRepository(database: database)
                if try await councils.find(slug: CouncilSlug("benchmark")) == nil {
                    try await councils.create(try Council(
                        id: Self.councilID, slug: CouncilSlug("benchmark"), name: "Benchmark Borough Council", nation: .englandAndWales,
                        contact: CouncilContact(email: "bench@example.com", phone: "01632 960000", address: "Bench House",
                                                websiteURL: "https://bench.example", openingHours: "Never")))
                }
                let synthetic = SyntheticCustomers(database: database)
                let existing = try await synthetic.count(councilID: Self.councilID)
                if existing < customers {
                    CommandSupport.say("Adding \(customers - existing) invented customers (\(existing) already there)…")
                    let started = Date()
                    try await synthetic.write(from: existing, to: customers, councilID: Self.councilID, seed: seed, batch: 1_000) { done in
                        if done % 100_000 == 0 { CommandSupport.say("  \(done) customers, \(Int(Date().timeIntervalSince(started))) s") }
                    }
                }
                // Fresh statistics, as a maintained database has (ANALYZE is the same word on both).
                try await database.sql.raw("ANALYZE").run()
                let index = CustomerSearchIndex(database: database)
                var timings: [String: [Double]] = [:]
                var random = SystemRandomNumberGenerator()
                for number in 0..<searches {
                    let person = SyntheticCustomers.customer(Int.random(in: 0..<customers, using: &random), councilID: Self.councilID, seed: seed)
                    let words = person.name.split(separator: " ").map(String.init)
                    let (kind, typed): (String, String) = switch number % 6 {
                    case 0: ("surname", words.last ?? "")
                    case 1: ("first and surname, started", String(words.first?.prefix(3) ?? "") + " " + String(words.last?.prefix(4) ?? ""))
                    case 2: ("email", person.email ?? "")
                    case 3: ("phone", person.phone)
                    case 4: ("postcode", person.address?.postcode.value ?? "")
                    default: ("street and surname", (person.address?.line1.split(separator: " ").dropFirst().first.map(String.init) ?? "") + " " + (words.last ?? ""))
                    }
                    let started = DispatchTime.now().uptimeNanoseconds
                    _ = try await index.search(typed, councilID: Self.councilID)
                    timings[kind, default: []].append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
                }
                let all = timings.values.flatMap { $0 }
                CommandSupport.say("\(searches) searches over \(customers) customers (\(database.kind == .postgres ? "PostgreSQL" : "SQLite")):")
                for (kind, values) in timings.sorted(by: { $0.key < $1.key }) + [("all searches", all)] {
                    CommandSupport.say("  " + kind.padding(toLength: 28, withPad: " ", startingAt: 0) + Self.describe(values))
                }
            }
        }
    }

    static func describe(_ milliseconds: [Double]) -> String {
        let sorted = milliseconds.sorted()
        func at(_ fraction: Double) -> String {
            String(format: "%.1f ms", sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))])
        }
        return "p50 \(at(0.5))   p95 \(at(0.95))   p99 \(at(0.99))   max \(at(1))"
    }
}
