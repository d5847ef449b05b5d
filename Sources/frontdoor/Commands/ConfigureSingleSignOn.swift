import ArgumentParser
import Foundation
import FrontDoorApp
import FrontDoorDomain
import FrontDoorPersistence

struct ConfigureSingleSignOn: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "configure-sso",
        abstract: "Let a council's staff sign in through its OpenID Connect identity provider.",
        discussion: """
            Register FrontDoor with the provider as a confidential web client using the authorization code \
            flow with PKCE, and give it the redirect URI BASE_URL/staff/sso/callback (BASE_URL/c/SLUG/staff/sso/callback \
            on a deployment with several councils). The client secret is read from standard input, never from \
            the command line, and stored encrypted with SESSION_SECRET. Running it again replaces the settings.

            Roles come from a claim in the ID token (--role-claim, for example "roles" or "groups"), mapped by \
            --map rules checked in order: --map "frontdoor-administrators=administrator" --map "frontdoor-advisors=advisor". \
            Someone no rule matches is not let in.
            """)

    @Option(help: "The council's slug. May be left out when the deployment has one council.")
    var council: String?

    @Option(help: "What the sign-in button calls the provider, as in \"Sign in with Kingsmere staff account\".")
    var displayName: String

    @Option(help: "The provider's issuer URL (its discovery document is ISSUER/.well-known/openid-configuration).")
    var issuer: String

    @Option(help: "The client id FrontDoor was registered with.")
    var clientID: String

    @Option(help: "The ID token claim holding the person's groups or roles.")
    var roleClaim: String = "roles"

    @Option(name: .customLong("map"), help: "A rule claim-value=role; repeat for each role, most powerful first.")
    var rules: [String] = []

    func run() async throws {
        try await CommandSupport.run {
            let configuration = try CommandSupport.loadConfiguration()
            guard let url = URL(string: issuer), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
                throw ValidationError("--issuer must be an http:// or https:// URL, not \"\(issuer)\"")
            }
            let mapping = try RoleMapping.parse(rules)
            let secret = (readLine(strippingNewline: true) ?? "").trimmingCharacters(in: .whitespaces)
            guard !secret.isEmpty else { throw ValidationError("the client secret is read from standard input, and none was given") }
            if configuration.needsDataDirectory { try DataDirectory.prepare(configuration.dataDirectory) }
            let sessionSecret = try SessionSecretStore.resolve(configuration.sessionSecret, dataDirectory: configuration.dataDirectory)
            try await CommandSupport.withMigratedDatabase(configuration) { database in
                let target = try await CouncilChoice.resolve(slug: council, in: CouncilRepository(database: database))
                let settings = IdentityProviderSettings(displayName: displayName, issuer: issuer, clientID: clientID, clientSecret: secret,
                                                        roleClaim: roleClaim, roleMapping: mapping)
                try await IdentityProviderRepository(database: database, sealed: SealedSecrets(sessionSecret: sessionSecret))
                    .save(settings, councilID: target.id, at: Date())
                CommandSupport.say("Single sign-on set for \(target.name): \(mapping.rules.count) role rule(s), issuer \(issuer).")
            }
        }
    }
}
