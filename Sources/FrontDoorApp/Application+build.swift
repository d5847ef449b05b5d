import Foundation
import FrontDoorDomain
import FrontDoorJobs
import FrontDoorPersistence
import FrontDoorWeb
import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import ServiceLifecycle

/// What start-up does to the database before serving.
public struct StartupOptions: Sendable {
    /// Apply pending migrations (otherwise refuse to start while any are pending).
    public var migrate: Bool
    /// On a database with no council, create the demo council and its staff.
    public var seedDemoWhenEmpty: Bool

    public init(migrate: Bool = true, seedDemoWhenEmpty: Bool = true) {
        self.migrate = migrate
        self.seedDemoWhenEmpty = seedDemoWhenEmpty
    }
}

/// Told to whoever started the server once it is listening.
public struct ServerStarted: Sendable {
    /// The address people should use (BASE_URL).
    public var baseURL: String
    /// The port actually bound (differs from the configured one when that was 0).
    public var port: Int
    public var demoSignIns: [StaffAccount]
    public var demoPassword: String
}

public enum StartupError: Error, CustomStringConvertible {
    case pendingMigrations([String])

    public var description: String {
        switch self {
        case .pendingMigrations(let names):
            "the database needs \(names.count) migration(s) (\(names.joined(separator: ", "))): run `frontdoor migrate` or start without --no-migrate"
        }
    }
}

/// Builds the whole application: checks the configuration's folders, opens and prepares the
/// database, and wires the web server with the background services. The CLI and the tests
/// both start FrontDoor through this one function.
public func buildApplication(
    _ configuration: AppConfiguration,
    options: StartupOptions = StartupOptions(),
    logger providedLogger: Logger? = nil,
    onServerRunning: @escaping @Sendable (ServerStarted) async -> Void = { _ in }
) async throws -> some ApplicationProtocol {
    var logger = providedLogger ?? Logger(label: "frontdoor")
    if providedLogger == nil { logger.logLevel = configuration.logLevel }

    if configuration.needsDataDirectory {
        try DataDirectory.prepare(configuration.dataDirectory)
    }
    let sessionSecret = try SessionSecretStore.resolve(configuration.sessionSecret, dataDirectory: configuration.dataDirectory)
    let metricsRegistry = ProcessMetrics.registry
    let templates = try await TemplateLibrary.load()
    let assets = try StaticAssets.load()

    let database = try await Database.open(configuration.database, poolSize: configuration.databasePoolSize, logger: logger)
    do {
        let demoSignIns = try await prepare(database, configuration: configuration, options: options, logger: logger)
        var web = WebDependencies(
            database: database, templates: templates, assets: assets, metricsRegistry: metricsRegistry,
            showsDeveloperErrorDetail: !configuration.isProduction,
            sendsStrictTransportSecurity: configuration.isProduction && configuration.baseURL.hasPrefix("https://"),
            usesHTTPS: configuration.baseURL.hasPrefix("https://"),
            sessionSecret: sessionSecret, passwordHasher: PasswordHasher(cost: configuration.passwordHashCost),
            trustedProxies: configuration.trustedProxies, baseURL: configuration.baseURL,
            commonPasswords: try CommonPasswordList.load(), sessionPolicies: configuration.sessionPolicies,
            bankHolidays: try ShippedBankHolidays.load(),
            attachmentStorage: configuration.attachmentStorage)
        web.inboundEmailKey = configuration.inboundEmailKey
        let transport: any MailTransport
        if let server = configuration.mailServer {
            transport = SMTPClient(settings: server, logger: logger)
        } else {
            if configuration.isProduction {
                logger.warning("SMTP_URL is not set: emails (such as account confirmation links) are written to the log, not sent")
            }
            transport = LogMailTransport(logger: logger)
        }
        // Once a period for the whole deployment, through the queue.
        let scheduled = ScheduledWork(database: database, work: [
            AbandonedDraftsJob(attachments: AttachmentRepository(database: database, storage: web.attachmentStorage)),
            ServiceStandardSweepJob(database: database, hasher: web.passwordHasher, bankHolidays: web.bankHolidays,
                                    caseLink: { [baseURL = configuration.baseURL] in baseURL + "/staff/cases/" + $0.description }),
            ReplyReminderJob(database: database, requestLink: configuration.requestLink),
        ], interval: configuration.scheduledWorkInterval)
        // Each process's own.
        let jobs = JobScheduler(jobs: [
            SQLiteMaintenanceJob(database: database),
            EmailDeliveryJob(database: database, transport: transport, sender: configuration.mailSender,
                             interval: configuration.mailInterval),
            scheduled,
        ], logger: logger)
        let worker = JobWorker(database: database, handlers: [
            QueueCheckJob(),
            SendNotificationJob(database: database, senders: notificationSenders(configuration, transport: transport, logger: logger)),
            DeliverWebhookJob(database: database, sealed: SealedSecrets(sessionSecret: sessionSecret)),
        ] + scheduled.handlers, lease: configuration.jobLease, logger: logger)
        let baseURL = configuration.baseURL
        return Application(
            responder: buildWebResponder(web),
            server: guardedHTTPServer(webSocketRouter: buildWebSocketRouter(web)),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "FrontDoor"),
            services: [DatabaseCloser(database: database), jobs, worker],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                await onServerRunning(ServerStarted(baseURL: baseURL, port: port, demoSignIns: demoSignIns,
                                                    demoPassword: DemoCouncil.password))
            },
            logger: logger)
    } catch {
        await database.close()
        throw error
    }
}

/// Who sends each channel's notifications: GOV.UK Notify for the channels it has a template for;
/// email otherwise through the mail relay (or the log); text messages and letters otherwise
/// through the log in development and nowhere in production (they fail, visibly, in administration).
func notificationSenders(_ configuration: AppConfiguration, transport: any MailTransport, logger: Logger) -> [NotificationChannel: any NotificationSender] {
    var senders: [NotificationChannel: any NotificationSender] = [.email: MailSender(transport: transport, from: configuration.mailSender)]
    if !configuration.isProduction {
        senders[.sms] = LogSender(logger: logger)
        senders[.letter] = LogSender(logger: logger)
    }
    if let notify = configuration.notify {
        let sender = NotifySender(client: NotifyClient(key: notify.key, baseURL: notify.url), templates: notify.templates)
        for channel in notify.templates.keys { senders[channel] = sender }
    }
    return senders
}

/// Migrates (or checks nothing is pending) and seeds the demo council when the database is empty.
/// Returns the demo sign-ins, if the demo council exists.
private func prepare(_ database: Database, configuration: AppConfiguration, options: StartupOptions,
                     logger: Logger) async throws -> [StaffAccount] {
    let migrator = Migrator(database: database, logger: logger)
    if options.migrate {
        try await migrator.migrate()
    } else {
        let pending = try await migrator.pending()
        guard pending.isEmpty else { throw StartupError.pendingMigrations(pending) }
    }
    let hasher = PasswordHasher(cost: configuration.passwordHashCost)
    if options.seedDemoWhenEmpty, try await CouncilRepository(database: database).count() == 0 {
        logger.info("Empty database: creating the demo council")
        _ = try await DemoSeeder(database: database, hasher: hasher).seed()
        _ = try await DemoCases(database: database, shipped: try ShippedBankHolidays.load()).seed()
        _ = try await DemoActivity(database: database).seed(today: LocalDate(Date()))
    }
    return try await StaffAccountRepository(database: database, hasher: hasher).demoAccounts()
}

/// Closes the database pool after the server has stopped taking requests
/// (services shut down in reverse order, so the server goes first).
struct DatabaseCloser: Service {
    let database: Database

    func run() async throws {
        try? await gracefulShutdown()
        await database.close()
    }
}

/// HTTP/1.1 with WebSocket upgrades (as `.http1WebSocketUpgrade(webSocketRouter:)` builds it),
/// each connection behind `MalformedRequestGuard`.
func guardedHTTPServer<Router: HTTPResponderBuilder>(webSocketRouter: Router) -> HTTPServerBuilder
where Router.Responder.Context: WebSocketRequestContext {
    let webSocketResponder = webSocketRouter.buildResponder()
    return HTTPServerBuilder { responder in
        MalformedRequestGuard(wrapped: HTTP1WebSocketUpgradeChannel(responder: responder, webSocketResponder: webSocketResponder,
                                                                    configuration: HTTP1WebSocketUpgradeChannel.Configuration()))
    }
}
