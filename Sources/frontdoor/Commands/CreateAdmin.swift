import ArgumentParser
import Foundation
import FrontDoorApp
import FrontDoorDomain
import FrontDoorPersistence
#if canImport(Glibc)
import Glibc
#endif

struct CreateAdmin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-admin",
        abstract: "Create an administrator's staff account.",
        discussion: """
            The password is read from standard input, never from the command line (where other \
            users of the machine could see it): typed twice at a prompt, or piped as one line, e.g. \
            `printf '%s\\n' "$ADMIN_PASSWORD" | frontdoor create-admin --email …`.
            """)

    @Option(help: "The administrator's email address (their sign-in).")
    var email: String

    @Option(help: "The administrator's full name.")
    var name: String

    @Option(help: "The council's slug. May be left out when the deployment has one council.")
    var council: String?

    func run() async throws {
        try await CommandSupport.run {
            let configuration = try CommandSupport.loadConfiguration()
            let commonPasswords = try CommonPasswordList.load()
            let password = try Self.readPassword(commonPasswords: commonPasswords)
            try await CommandSupport.withMigratedDatabase(configuration) { database in
                let target = try await CouncilChoice.resolve(slug: council, in: CouncilRepository(database: database))
                let repository = StaffAccountRepository(database: database, hasher: PasswordHasher(cost: configuration.passwordHashCost),
                                                        commonPasswords: commonPasswords)
                let account = try await repository.create(
                    StaffAccount(councilID: target.id, email: email, displayName: name, role: .administrator), password: password)
                CommandSupport.say("Created administrator \(account.email) for \(target.name).")
            }
        }
    }

    struct PasswordInputError: Error, CustomStringConvertible {
        let description: String
    }

    static func readPassword(commonPasswords: CommonPasswords) throws -> String {
        let password: String
        if isatty(STDIN_FILENO) == 1 {
            guard let first = getpass("Password (at least \(PasswordRule.minimumLength) characters): "),
                  let second = getpass("Password again: ") else { throw PasswordInputError(description: "no password was entered") }
            let (a, b) = (String(cString: first), String(cString: second))
            guard a == b else { throw PasswordInputError(description: "the two passwords were different") }
            password = a
        } else {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw PasswordInputError(description: "no password on standard input: pipe it in as one line")
            }
            password = line
        }
        if let problem = PasswordRule.check(password, against: commonPasswords) { throw PasswordInputError(description: problem.description) }
        return password
    }
}

/// Which council a command acts on: the named one, or the only one.
enum CouncilChoice {
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    static func resolve(slug: String?, in councils: CouncilRepository) async throws -> Council {
        if let slug {
            guard let council = try await councils.find(slug: CouncilSlug(slug)) else {
                throw Problem(description: "there is no council with the slug \"\(slug)\"")
            }
            return council
        }
        let all = try await councils.all()
        switch all.count {
        case 0: throw Problem(description: "there is no council yet: create one with `frontdoor create-council` (or `frontdoor seed-demo`)")
        case 1: return all[0]
        default: throw Problem(description: "choose the council with --council, one of: \(all.map(\.slug.value).joined(separator: ", "))")
        }
    }
}
