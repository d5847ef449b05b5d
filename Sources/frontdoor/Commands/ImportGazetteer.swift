import ArgumentParser
import Foundation
import FrontDoorApp
import FrontDoorPersistence

struct ImportGazetteer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-gazetteer",
        abstract: "Replace a council's gazetteer (the addresses an address lookup finds) from a CSV file.",
        discussion: """
            The file's first line names the columns: uprn,line1,line2,town,postcode,latitude,longitude,ward. \
            Every row is checked before anything changes; a bad row is reported with its line number and nothing is imported.
            """)

    @Option(help: "The council's slug. May be left out when the deployment has one council.")
    var council: String?

    @Argument(help: "The CSV file.")
    var file: String

    func run() async throws {
        try await CommandSupport.run {
            let configuration = try CommandSupport.loadConfiguration()
            let text: String
            do {
                text = try String(contentsOfFile: file, encoding: .utf8)
            } catch {
                throw ValidationError("\(file) could not be read as UTF-8 text")
            }
            let addresses = try GazetteerRepository.parse(csv: text)
            try await CommandSupport.withMigratedDatabase(configuration) { database in
                let target = try await CouncilChoice.resolve(slug: council, in: CouncilRepository(database: database))
                try await GazetteerRepository(database: database).replace(councilID: target.id, with: addresses)
                CommandSupport.say("Imported \(addresses.count) addresses into \(target.name)'s gazetteer.")
            }
        }
    }
}
