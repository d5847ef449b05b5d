import ArgumentParser
import Foundation
import FrontDoorApp
import FrontDoorPersistence

struct TelephonyKey: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "telephony-key",
        abstract: "Make (or withdraw) the key a council's telephony platform reports call events with.",
        discussion: """
            Prints a new key once: give it to the telephony platform, which sends it as \
            "Authorization: Bearer KEY" when it posts call events to BASE_URL/api/v1/telephony/call-events \
            (the API guide shows the events). Only a digest of the key is stored. --revoke withdraws every \
            key with the label instead.
            """)

    @Option(help: "The council's slug. May be left out when the deployment has one council.")
    var council: String?

    @Option(help: "A name for the key, to tell keys apart and to withdraw one.")
    var label: String = "telephony"

    @Flag(help: "Withdraw the council's keys with this label instead of making one.")
    var revoke = false

    func run() async throws {
        try await CommandSupport.run {
            let configuration = try CommandSupport.loadConfiguration()
            try await CommandSupport.withMigratedDatabase(configuration) { database in
                let target = try await CouncilChoice.resolve(slug: council, in: CouncilRepository(database: database))
                let keys = TelephonyKeyRepository(database: database)
                if revoke {
                    let count = try await keys.revoke(councilID: target.id, label: label)
                    CommandSupport.say("Withdrew \(count) telephony key(s) labelled \"\(label)\" for \(target.name).")
                } else {
                    let key = try await keys.issue(councilID: target.id, label: label)
                    CommandSupport.say("Telephony key for \(target.name) (label \"\(label)\"); it will not be shown again:")
                    print(key)
                }
            }
        }
    }
}
