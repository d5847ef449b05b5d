import ArgumentParser
import FrontDoorApp
import FrontDoorDomain
import FrontDoorPersistence

struct CreateCouncil: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-council",
        abstract: "Add a council to this deployment.",
        discussion: """
            A deployment with one council serves it at /. With several, each is reached on its own \
            host name (--host-name) or under /c/SLUG/.
            """)

    @Option(help: "Short name used in addresses, e.g. kingsmere.") var slug: String
    @Option(help: "Full name, e.g. \"Kingsmere Borough Council\".") var name: String
    @Option(help: "Whose bank holidays apply: england-and-wales, scotland or northern-ireland.") var nation: String
    @Option(help: "Header colour (#rrggbb), dark enough for white text.") var brandColour: String = BrandColour.standard.hex
    @Option(help: "Contact email address.") var email: String
    @Option(help: "Contact phone number.") var phone: String
    @Option(help: "Postal address, comma separated.") var address: String
    @Option(help: "The council's main website.") var website: String
    @Option(help: "Opening hours in plain English.") var openingHours: String = "Monday to Friday, 9am to 5pm"
    @Option(help: "A host name this council is served on (repeatable).") var hostName: [String] = []

    func run() async throws {
        try await CommandSupport.run {
            let configuration = try CommandSupport.loadConfiguration()
            guard let nation = Nation(rawValue: nation) else {
                throw CouncilChoice.Problem(description: "--nation must be one of \(Nation.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let council = try Council(
                slug: CouncilSlug(slug), name: name, nation: nation, brandColour: BrandColour(brandColour),
                contact: CouncilContact(email: email, phone: phone, address: address, websiteURL: website, openingHours: openingHours))
            let hosts = try hostName.map { host throws(CouncilValidationError) in try HostName(host) }
            try await CommandSupport.withMigratedDatabase(configuration) { database in
                try await CouncilRepository(database: database).create(council, hostNames: hosts)
                CommandSupport.say("Created \(council.name) (\(council.slug)).")
            }
        }
    }
}
