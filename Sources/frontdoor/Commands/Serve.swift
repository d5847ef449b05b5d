#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import FrontDoorApp
import FrontDoorDomain
import Hummingbird
import NIOCore
import ServiceLifecycle

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the web server (and the background jobs) until stopped.",
        discussion: """
            On an empty database, serve applies the migrations and creates the demo council \
            (Kingsmere Borough Council) with demo staff sign-ins, then prints the address and \
            the sign-ins. Stops gracefully on SIGTERM or Ctrl+C.
            """)

    @Flag(name: .customLong("no-demo"), help: "Do not create the demo council on an empty database.")
    var noDemo = false

    @Flag(name: .customLong("no-migrate"), help: "Do not apply migrations; refuse to start if any are pending.")
    var noMigrate = false

    func run() async throws {
        try await CommandSupport.run {
            let configuration = try CommandSupport.loadConfiguration()
            try await PortCheck.ensureAvailable(host: configuration.host, port: configuration.port)
            let logger = CommandSupport.logger(configuration)
            let isJSON = configuration.logFormat == .json
            let app = try await buildApplication(
                configuration, options: StartupOptions(migrate: !noMigrate, seedDemoWhenEmpty: !noDemo),
                logger: logger
            ) { started in
                if isJSON {
                    logger.notice("FrontDoor is running at \(started.baseURL)", metadata: [
                        "url": .string(started.baseURL),
                        "demo_sign_ins": .array(started.demoSignIns.map { .string($0.email) }),
                    ])
                } else {
                    CommandSupport.say(Self.banner(started))
                }
            }
            do {
                try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
            } catch let error as IOError where error.errnoCode == EADDRINUSE {
                throw ConfigurationError(variable: "PORT", problem: "\(configuration.port) is already in use: stop the other program or choose another PORT")
            }
        }
    }

    static func banner(_ started: ServerStarted) -> String {
        var lines = ["FrontDoor is running at \(started.baseURL)"]
        if !started.demoSignIns.isEmpty {
            lines.append("")
            lines.append("Demo sign-ins (password for each: \(started.demoPassword)):")
            let width = started.demoSignIns.map(\.role.displayName.count).max() ?? 0
            for account in started.demoSignIns {
                let role = account.role.displayName
                lines.append("  \(role)\(String(repeating: " ", count: width - role.count))  \(account.email)")
            }
        }
        lines.append("")
        lines.append("Press Ctrl+C to stop.")
        return lines.joined(separator: "\n")
    }
}
