import ArgumentParser
import Foundation
import FrontDoorApp
import FrontDoorDomain
import FrontDoorPersistence

struct ApiKey: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api-key",
        abstract: "Make (or withdraw) an integrator's API key for a council, with its scopes.",
        discussion: """
            Prints a new key once: give it to the integrator (FixMyStreet posting Open311 reports sends it as \
            api_key). Only a digest of the key is stored. --revoke withdraws every key with the label instead.
            """)

    @Option(help: "The council's slug. May be left out when the deployment has one council.")
    var council: String?

    @Option(help: "A name for the key (the integrator's), shown on what it does, and to withdraw it.")
    var label: String

    @Option(help: "Comma-separated scopes: \(ApiScope.allCases.map(\.rawValue).joined(separator: ", ")).")
    var scopes: String = ApiScope.open311.rawValue

    @Option(help: "Requests a minute the key may make.")
    var perMinute: Int = ApiKeyRepository.defaultRequestsPerMinute

    @Flag(help: "Withdraw the council's keys with this label instead of making one.")
    var revoke = false

    func validate() throws {
        if case .failure(let unknown) = ApiScope.parse(scopes) { throw ValidationError(unknown.description) }
        if (try? ApiScope.parse(scopes).get())?.isEmpty == true { throw ValidationError("give at least one scope") }
        guard (1...100_000).contains(perMinute) else { throw ValidationError("--per-minute must be between 1 and 100000") }
        guard !label.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--label must not be empty") }
    }

    func run() async throws {
        try await CommandSupport.run {
            let configuration = try CommandSupport.loadConfiguration()
            try await CommandSupport.withMigratedDatabase(configuration) { database in
                let target = try await CouncilChoice.resolve(slug: council, in: CouncilRepository(database: database))
                let keys = ApiKeyRepository(database: database)
                if revoke {
                    let count = try await keys.revoke(councilID: target.id, label: label)
                    CommandSupport.say("Withdrew \(count) API key(s) labelled \"\(label)\" for \(target.name).")
                } else {
                    let key = try await keys.issue(councilID: target.id, label: label, scopes: try ApiScope.parse(scopes).get(),
                                                   requestsPerMinute: perMinute)
                    CommandSupport.say("API key for \(target.name) (label \"\(label)\", scopes \(scopes)); it will not be shown again:")
                    print(key)
                }
            }
        }
    }
}
