import Foundation
import FrontDoorDomain
import FrontDoorJobs
import FrontDoorPersistence
import FrontDoorWeb
import Logging
import NIOCore

/// Everything FrontDoor reads from its environment, checked before anything is written.
/// See the README's configuration table; defaults suit a developer's machine.
public struct AppConfiguration: Sendable {
    public enum Mode: String, Sendable, CaseIterable {
        case development, production
    }

    public enum LogFormat: String, Sendable, CaseIterable {
        case text, json
    }

    public enum SessionSecret: Sendable, Equatable {
        case provided(String)
        /// Development only: generated once and kept in the data folder.
        case keptInDataDirectory
    }

    public var mode: Mode
    public var dataDirectory: String
    /// Where uploaded files' bytes are kept (ATTACHMENTS_DIR; default: DATA_DIR/attachments).
    /// Several servers must share one folder.
    public var attachmentsDirectory: String?
    public var database: DatabaseLocation
    /// True when `database` is the default SQLite file inside `dataDirectory`.
    public var usesDefaultDatabase: Bool
    public var host: String
    public var port: Int
    public var baseURL: String
    public var logLevel: Logger.Level
    public var logFormat: LogFormat
    public var sessionSecret: SessionSecret
    public var databasePoolSize: Int
    /// Addresses of reverse proxies whose X-Forwarded-For header is believed.
    public var trustedProxies: Set<String>
    /// How long sessions last (the *_SESSION_* variables).
    public var sessionPolicies: SessionPolicies = .standard
    /// The mail relay (SMTP_URL); nil writes emails to the log instead (development).
    public var mailServer: SMTPSettings?
    /// The address emails come from (MAIL_FROM).
    public var mailSender: String
    /// GOV.UK Notify (NOTIFY_API_KEY, NOTIFY_*_TEMPLATE_ID, NOTIFY_URL): nil sends email through
    /// SMTP_URL (or the log) and text messages and letters nowhere.
    public var notify: NotifySettings?
    /// How often the outbox is checked for email to send; shortened only by tests.
    public var mailInterval: Duration = .seconds(2)
    /// How often each server offers the deployment-wide periodic work (the sweep, reminders)
    /// to the queue; lengthened by tests, whose servers must not sweep under them.
    public var scheduledWorkInterval: Duration = .seconds(30)
    /// How long a background worker holds a job before another process may take it over
    /// (JOB_LEASE_SECONDS): the longest a job waits after its worker dies.
    public var jobLease: TimeInterval = JobQueue.lease
    /// The secret an inbound-mail service sends with each email it posts (INBOUND_EMAIL_KEY);
    /// nil turns the inbound email webhook off (`frontdoor receive-email` needs none).
    public var inboundEmailKey: String?
    /// bcrypt cost for staff passwords; lowered only by tests.
    public var passwordHashCost: UInt8 = 12

    public static let minimumSessionSecretLength = 32

    public var isProduction: Bool { mode == .production }

    /// A request's page in My Account, for messages that link to it.
    public var requestLink: @Sendable (Council, CaseReference) -> String {
        PublicLinks(baseURL: baseURL).requestLink
    }

    /// Where attachments' bytes are kept: ATTACHMENTS_DIR, else a folder in the data folder.
    public var attachmentStorage: LocalFolderStorage {
        LocalFolderStorage(folder: attachmentsDirectory ?? dataDirectory + "/attachments")
    }

    /// Reads the configuration. Throws a `ConfigurationError` naming the first bad variable.
    public static func fromEnvironment(_ environment: [String: String]) throws(ConfigurationError) -> AppConfiguration {
        func value(_ name: String) -> String? {
            guard let raw = environment[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            return raw
        }

        let mode = try parseChoice(value("FRONTDOOR_ENV"), variable: "FRONTDOOR_ENV", default: Mode.development)
        let dataDirectory = value("DATA_DIR") ?? "./data"

        let database: DatabaseLocation
        if let url = value("DATABASE_URL") {
            do {
                database = try DatabaseLocation.parse(url)
            } catch {
                throw ConfigurationError(variable: "DATABASE_URL", problem: error.description)
            }
        } else {
            database = .sqlite(path: dataDirectory + "/frontdoor.sqlite")
        }

        let port: Int
        if let text = value("PORT") {
            guard let number = Int(text), (1...65535).contains(number) else {
                throw ConfigurationError(variable: "PORT", problem: "must be a whole number from 1 to 65535, not \"\(text)\"")
            }
            port = number
        } else {
            port = 8080
        }

        let host = value("HOST") ?? (mode == .production ? "0.0.0.0" : "127.0.0.1")

        let baseURL: String
        if let text = value("BASE_URL") {
            guard text.hasPrefix("http://") || text.hasPrefix("https://"), text.count > "https://".count,
                  !text.contains(where: \.isWhitespace) else {
                throw ConfigurationError(variable: "BASE_URL", problem: "must be an http:// or https:// address such as https://reports.example.gov.uk, not \"\(text)\"")
            }
            baseURL = text.hasSuffix("/") ? String(text.dropLast()) : text
        } else {
            baseURL = "http://localhost:\(port)"
        }

        let logLevel: Logger.Level
        if let text = value("LOG_LEVEL") {
            guard let level = Logger.Level(rawValue: text.lowercased()) else {
                let choices = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
                throw ConfigurationError(variable: "LOG_LEVEL", problem: "must be one of \(choices), not \"\(text)\"")
            }
            logLevel = level
        } else {
            logLevel = .info
        }
        let logFormat = try parseChoice(value("LOG_FORMAT"), variable: "LOG_FORMAT", default: LogFormat.text)

        let sessionSecret: SessionSecret
        if let secret = value("SESSION_SECRET") {
            guard secret.count >= minimumSessionSecretLength else {
                throw ConfigurationError(variable: "SESSION_SECRET", problem: "must be at least \(minimumSessionSecretLength) characters long")
            }
            sessionSecret = .provided(secret)
        } else if mode == .production {
            throw ConfigurationError(variable: "SESSION_SECRET", problem: "is required in production: set it to a random string of at least \(minimumSessionSecretLength) characters")
        } else {
            sessionSecret = .keptInDataDirectory
        }

        let poolSize: Int
        if let text = value("DATABASE_POOL_SIZE") {
            guard let number = Int(text), (1...1000).contains(number) else {
                throw ConfigurationError(variable: "DATABASE_POOL_SIZE", problem: "must be a whole number from 1 to 1000, not \"\(text)\"")
            }
            poolSize = number
        } else {
            poolSize = 10
        }

        var trustedProxies: Set<String> = []
        for entry in (value("TRUSTED_PROXIES") ?? "").split(separator: ",") {
            let address = entry.trimmingCharacters(in: .whitespaces)
            guard !address.isEmpty else { continue }
            guard (try? SocketAddress(ipAddress: address, port: 0)) != nil else {
                throw ConfigurationError(variable: "TRUSTED_PROXIES", problem: "must list IP addresses separated by commas, and \"\(address)\" is not one")
            }
            trustedProxies.insert(address)
        }

        var mailServer: SMTPSettings?
        if let text = value("SMTP_URL") {
            guard let settings = SMTPSettings.parse(text) else {
                throw ConfigurationError(variable: "SMTP_URL", problem: "must be an address such as smtp://user:password@mail.example.gov.uk:587, not \"\(text)\"")
            }
            mailServer = settings
        }
        let mailSender: String
        if let text = value("MAIL_FROM") {
            guard EmailAddressRule.isPlausible(text) else {
                throw ConfigurationError(variable: "MAIL_FROM", problem: "must be an email address such as noreply@kingsmere.gov.uk, not \"\(text)\"")
            }
            mailSender = text
        } else {
            mailSender = "noreply@" + (URL(string: baseURL)?.host ?? "localhost")
        }

        func minutes(_ name: String, default fallback: TimeInterval, unit: TimeInterval = 60) throws(ConfigurationError) -> TimeInterval {
            guard let text = value(name) else { return fallback }
            guard let number = Int(text), (1...100_000).contains(number) else {
                throw ConfigurationError(variable: name, problem: "must be a whole number from 1 to 100000, not \"\(text)\"")
            }
            return TimeInterval(number) * unit
        }
        let policies = SessionPolicies(
            staff: SessionPolicy(idleTimeout: try minutes("STAFF_SESSION_IDLE_MINUTES", default: SessionPolicy.staff.idleTimeout),
                                 absoluteTimeout: try minutes("STAFF_SESSION_MAX_HOURS", default: SessionPolicy.staff.absoluteTimeout, unit: 3600)),
            resident: SessionPolicy(idleTimeout: try minutes("RESIDENT_SESSION_IDLE_MINUTES", default: SessionPolicy.resident.idleTimeout),
                                    absoluteTimeout: try minutes("RESIDENT_SESSION_MAX_HOURS", default: SessionPolicy.resident.absoluteTimeout, unit: 3600)),
            kiosk: SessionPolicy(idleTimeout: try minutes("KIOSK_SESSION_IDLE_MINUTES", default: SessionPolicy.kiosk.idleTimeout),
                                 absoluteTimeout: try minutes("KIOSK_SESSION_MAX_MINUTES", default: SessionPolicy.kiosk.absoluteTimeout)))
        for (name, policy) in [("STAFF_SESSION_IDLE_MINUTES", policies.staff), ("RESIDENT_SESSION_IDLE_MINUTES", policies.resident),
                               ("KIOSK_SESSION_IDLE_MINUTES", policies.kiosk)] where !policy.isCoherent {
            throw ConfigurationError(variable: name, problem: "must not be longer than the session's maximum length")
        }

        var configuration = AppConfiguration(
            mode: mode, dataDirectory: dataDirectory, database: database, usesDefaultDatabase: value("DATABASE_URL") == nil,
            host: host, port: port, baseURL: baseURL, logLevel: logLevel, logFormat: logFormat,
            sessionSecret: sessionSecret, databasePoolSize: poolSize, trustedProxies: trustedProxies,
            mailServer: mailServer, mailSender: mailSender)
        configuration.sessionPolicies = policies
        configuration.attachmentsDirectory = value("ATTACHMENTS_DIR")
        configuration.jobLease = try minutes("JOB_LEASE_SECONDS", default: JobQueue.lease, unit: 1)
        if let key = value("INBOUND_EMAIL_KEY") {
            guard key.count >= 24 else {
                throw ConfigurationError(variable: "INBOUND_EMAIL_KEY", problem: "must be at least 24 characters: it is all that stands between the internet and the council's cases")
            }
            configuration.inboundEmailKey = key
        }
        if let text = value("NOTIFY_API_KEY") {
            guard let key = NotifyAPIKey(text) else {
                throw ConfigurationError(variable: "NOTIFY_API_KEY", problem: "must be a GOV.UK Notify API key (key name, service id and secret joined by hyphens)")
            }
            var templates: [NotificationChannel: String] = [:]
            for (variable, channel) in [("NOTIFY_EMAIL_TEMPLATE_ID", NotificationChannel.email), ("NOTIFY_SMS_TEMPLATE_ID", .sms),
                                        ("NOTIFY_LETTER_TEMPLATE_ID", .letter)] {
                guard let id = value(variable) else { continue }
                guard UUID(uuidString: id) != nil else {
                    throw ConfigurationError(variable: variable, problem: "must be a Notify template id (a UUID), not \"\(id)\"")
                }
                templates[channel] = id
            }
            guard !templates.isEmpty else {
                throw ConfigurationError(variable: "NOTIFY_EMAIL_TEMPLATE_ID", problem: "or another NOTIFY_*_TEMPLATE_ID must be set with NOTIFY_API_KEY")
            }
            var url = NotifyClient.productionURL
            if let text = value("NOTIFY_URL") {
                guard let parsed = URL(string: text), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host != nil else {
                    throw ConfigurationError(variable: "NOTIFY_URL", problem: "must be an http:// or https:// address, not \"\(text)\"")
                }
                url = parsed
            }
            configuration.notify = NotifySettings(key: key, templates: templates, url: url)
        }
        return configuration
    }

    private static func parseChoice<Choice: RawRepresentable & CaseIterable>(
        _ text: String?, variable: String, default fallback: Choice
    ) throws(ConfigurationError) -> Choice where Choice.RawValue == String {
        guard let text else { return fallback }
        guard let choice = Choice(rawValue: text.lowercased()) else {
            let choices = Choice.allCases.map(\.rawValue).joined(separator: " or ")
            throw ConfigurationError(variable: variable, problem: "must be \(choices), not \"\(text)\"")
        }
        return choice
    }

    /// Whether start-up must create or write to the data folder.
    public var needsDataDirectory: Bool {
        usesDefaultDatabase || sessionSecret == .keptInDataDirectory
    }
}

/// GOV.UK Notify: the API key, the template id for each channel sent through it (each template's
/// content being `((subject))`/`((body))`), and the API's address.
public struct NotifySettings: Sendable {
    public var key: NotifyAPIKey
    public var templates: [NotificationChannel: String]
    public var url: URL
}
