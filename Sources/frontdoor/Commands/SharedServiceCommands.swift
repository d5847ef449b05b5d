import ArgumentParser
import Foundation
import FrontDoorApp
import FrontDoorDomain
import FrontDoorPersistence

struct SharedServiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shared-service",
        abstract: "Say which councils of this deployment run a service together, so their managers can see its performance together.",
        discussion: """
            Managers and administrators of each member council may switch the performance dashboard between their own \
            council and the shared service. Figures are shared, records are not: each council's cases and contacts stay its own.
            """,
        subcommands: [Create.self, List.self, Remove.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make a shared service of two or more councils.")

        @Option(help: "The shared service's name, e.g. \"Kingsmere and Westbury Customer Services\".") var name: String
        @Option(help: "A member council's slug (repeat for each, at least two).") var council: [String] = []

        func run() async throws {
            try await CommandSupport.run {
                let configuration = try CommandSupport.loadConfiguration()
                try await CommandSupport.withMigratedDatabase(configuration) { database in
                    let councils = CouncilRepository(database: database)
                    var members: [Council] = []
                    for slug in council { members.append(try await CouncilChoice.resolve(slug: slug, in: councils)) }
                    let service = try SharedService(name: name, councilIDs: members.map(\.id))
                    try await SharedServiceRepository(database: database).create(service)
                    CommandSupport.say("Created the shared service \(service.name) of \(members.map(\.name).joined(separator: ", ")).")
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the shared services and their councils.")

        func run() async throws {
            try await CommandSupport.run {
                let configuration = try CommandSupport.loadConfiguration()
                try await CommandSupport.withMigratedDatabase(configuration) { database in
                    let slugs = Dictionary(uniqueKeysWithValues: try await CouncilRepository(database: database).all().map { ($0.id, $0.slug.value) })
                    let services = try await SharedServiceRepository(database: database).all()
                    if services.isEmpty { CommandSupport.say("There are no shared services.") }
                    for service in services {
                        print("\(service.name): \(service.councilIDs.compactMap { slugs[$0] }.joined(separator: ", "))")
                    }
                }
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop a shared service; its councils and their records stay.")

        @Option(help: "The shared service's name.") var name: String

        func run() async throws {
            try await CommandSupport.run {
                let configuration = try CommandSupport.loadConfiguration()
                try await CommandSupport.withMigratedDatabase(configuration) { database in
                    let repository = SharedServiceRepository(database: database)
                    guard let service = try await repository.find(name: name) else {
                        throw CouncilChoice.Problem(description: "there is no shared service called \"\(name)\"")
                    }
                    try await repository.remove(id: service.id)
                    CommandSupport.say("Removed the shared service \(service.name).")
                }
            }
        }
    }
}
