import ArgumentParser
import Foundation
import FrontDoorApp
import FrontDoorPersistence

struct ExportCatalogue: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-catalogue",
        abstract: "Write a council's service catalogue (every service and its current form) as YAML or JSON.",
        discussion: "Writes to FILE, or to standard output when no file is given. The format follows the file's extension, or --format.")

    @Option(help: "The council's slug. May be left out when the deployment has one council.")
    var council: String?

    @Option(help: "yaml or json (default: from the file's extension, else yaml).")
    var format: String?

    @Argument(help: "The file to write.")
    var file: String?

    func run() async throws {
        try await CommandSupport.run {
            let chosen = try CatalogueCommandFormat.choose(format, file: file)
            let configuration = try CommandSupport.loadConfiguration()
            try await CommandSupport.withMigratedDatabase(configuration) { database in
                let target = try await CouncilChoice.resolve(slug: council, in: CouncilRepository(database: database))
                let document = try await CatalogueTransfer(database: database).export(councilID: target.id)
                let text = try chosen.encode(document)
                if let file {
                    try text.write(toFile: file, atomically: true, encoding: .utf8)
                    CommandSupport.say("Wrote \(document.services.count) services of \(target.name) to \(file).")
                } else {
                    FileHandle.standardOutput.write(Data(text.utf8))
                }
            }
        }
    }
}

struct ImportCatalogue: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-catalogue",
        abstract: "Add or update a council's services and forms from a catalogue file (YAML or JSON).",
        discussion: """
            Every service in the file is checked first; if any has a problem, each is reported and nothing changes. \
            Services are matched by code. A changed form becomes the service's next form version. Teams named in \
            the file that the council lacks are created. Services not in the file are left as they are.
            """)

    @Option(help: "The council's slug. May be left out when the deployment has one council.")
    var council: String?

    @Option(help: "yaml or json (default: from the file's extension).")
    var format: String?

    @Argument(help: "The catalogue file.")
    var file: String

    func run() async throws {
        try await CommandSupport.run {
            let chosen = try CatalogueCommandFormat.choose(format, file: file)
            let text: String
            do {
                text = try String(contentsOfFile: file, encoding: .utf8)
            } catch {
                throw ValidationError("\(file) could not be read as UTF-8 text")
            }
            let document = try chosen.decode(text)
            let configuration = try CommandSupport.loadConfiguration()
            try await CommandSupport.withMigratedDatabase(configuration) { database in
                let target = try await CouncilChoice.resolve(slug: council, in: CouncilRepository(database: database))
                let report = try await CatalogueTransfer(database: database).importCatalogue(document, councilID: target.id, at: Date())
                CommandSupport.say(CatalogueCommandFormat.summary(report, council: target.name))
            }
        }
    }
}

enum CatalogueCommandFormat {
    static func choose(_ option: String?, file: String?) throws -> CatalogueFormat {
        if let option {
            guard let format = CatalogueFormat(rawValue: option.lowercased()) else { throw ValidationError("--format must be yaml or json") }
            return format
        }
        return file.flatMap { CatalogueFormat(fileName: $0) } ?? .yaml
    }

    static func summary(_ report: CatalogueTransfer.Report, council: String) -> String {
        func line(_ label: String, _ codes: [String]) -> String? { codes.isEmpty ? nil : "\(label) (\(codes.count)): \(codes.joined(separator: ", "))" }
        return (["Imported into \(council)'s catalogue."]
            + [line("Added", report.created), line("Updated", report.updated), line("Unchanged", report.unchanged),
               line("New form versions", report.newFormVersions), line("Teams created", report.teamsCreated),
               line("Left as they are (not in the file)", report.notInFile)].compactMap { $0 }).joined(separator: "\n")
    }
}
