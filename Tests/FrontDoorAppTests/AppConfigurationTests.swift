import FrontDoorApp
import FrontDoorDomain
import FrontDoorJobs
import FrontDoorPersistence
import Logging
import Testing

@Suite("Configuration from the environment")
struct AppConfigurationTests {
    @Test("With nothing set: development, SQLite in ./data, port 8080, text logs at info")
    func defaults() throws {
        let configuration = try AppConfiguration.fromEnvironment([:])
        #expect(configuration.mode == .development)
        #expect(configuration.database == .sqlite(path: "./data/frontdoor.sqlite"))
        #expect(configuration.usesDefaultDatabase)
        #expect(configuration.port == 8080)
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.baseURL == "http://localhost:8080")
        #expect(configuration.logLevel == .info)
        #expect(configuration.logFormat == .text)
        #expect(configuration.sessionSecret == .keptInDataDirectory)
        #expect(configuration.databasePoolSize == 10)
    }

    @Test("Every variable is read")
    func everyVariableRead() throws {
        let configuration = try AppConfiguration.fromEnvironment([
            "FRONTDOOR_ENV": "production", "DATA_DIR": "/srv/fd", "DATABASE_URL": "postgres://db.internal/fd",
            "HOST": "10.0.0.5", "PORT": "9000", "BASE_URL": "https://reports.example.gov.uk/", "LOG_LEVEL": "debug",
            "LOG_FORMAT": "json", "SESSION_SECRET": String(repeating: "k", count: 32), "DATABASE_POOL_SIZE": "20",
        ])
        #expect(configuration.isProduction)
        #expect(configuration.dataDirectory == "/srv/fd")
        #expect(configuration.database == .postgres(url: "postgres://db.internal/fd"))
        #expect(!configuration.usesDefaultDatabase)
        #expect(!configuration.needsDataDirectory)
        #expect(configuration.host == "10.0.0.5")
        #expect(configuration.port == 9000)
        #expect(configuration.baseURL == "https://reports.example.gov.uk")
        #expect(configuration.logLevel == .debug)
        #expect(configuration.logFormat == .json)
        #expect(configuration.databasePoolSize == 20)
    }

    @Test("Trusted proxies are a comma-separated list of IP addresses; none by default")
    func trustedProxies() throws {
        #expect(try AppConfiguration.fromEnvironment([:]).trustedProxies.isEmpty)
        #expect(try AppConfiguration.fromEnvironment(["TRUSTED_PROXIES": "10.0.0.2, 10.0.0.3,::1"]).trustedProxies == ["10.0.0.2", "10.0.0.3", "::1"])
    }

    @Test("Session lengths: the standard ones by default, each settable; idle may not outlast the maximum")
    func sessionLengths() throws {
        #expect(try AppConfiguration.fromEnvironment([:]).sessionPolicies == .standard)
        let set = try AppConfiguration.fromEnvironment([
            "STAFF_SESSION_IDLE_MINUTES": "15", "STAFF_SESSION_MAX_HOURS": "8", "RESIDENT_SESSION_IDLE_MINUTES": "90",
            "RESIDENT_SESSION_MAX_HOURS": "12", "KIOSK_SESSION_IDLE_MINUTES": "3", "KIOSK_SESSION_MAX_MINUTES": "20",
        ]).sessionPolicies
        #expect(set.staff == SessionPolicy(idleTimeout: 15 * 60, absoluteTimeout: 8 * 3600))
        #expect(set.resident == SessionPolicy(idleTimeout: 90 * 60, absoluteTimeout: 12 * 3600))
        #expect(set.kiosk == SessionPolicy(idleTimeout: 3 * 60, absoluteTimeout: 20 * 60))
        #expect(throws: ConfigurationError.self) {
            try AppConfiguration.fromEnvironment(["RESIDENT_SESSION_IDLE_MINUTES": "1500", "RESIDENT_SESSION_MAX_HOURS": "24"])
        }
    }

    @Test("Mail: no relay and a sender at BASE_URL's host by default; SMTP_URL and MAIL_FROM when set")
    func mail() throws {
        let plain = try AppConfiguration.fromEnvironment(["BASE_URL": "https://reports.kingsmere.gov.uk"])
        #expect(plain.mailServer == nil && plain.mailSender == "noreply@reports.kingsmere.gov.uk")
        let set = try AppConfiguration.fromEnvironment(["SMTP_URL": "smtp://fd:secret@relay.internal:587", "MAIL_FROM": "council@kingsmere.gov.uk"])
        #expect(set.mailServer == SMTPSettings(host: "relay.internal", port: 587, username: "fd", password: "secret"))
        #expect(set.mailSender == "council@kingsmere.gov.uk")
        #expect(plain.inboundEmailKey == nil)
        #expect(try AppConfiguration.fromEnvironment(["INBOUND_EMAIL_KEY": String(repeating: "k", count: 24)]).inboundEmailKey == String(repeating: "k", count: 24))
    }

    @Test("Production listens on every interface by default")
    func productionHost() throws {
        let configuration = try AppConfiguration.fromEnvironment(["FRONTDOOR_ENV": "production", "SESSION_SECRET": String(repeating: "k", count: 40)])
        #expect(configuration.host == "0.0.0.0")
    }

    @Test("A bad value is refused with a message naming its variable", arguments: [
        ("PORT", "eighty"), ("PORT", "70000"), ("PORT", "0"), ("LOG_LEVEL", "loud"), ("LOG_FORMAT", "xml"),
        ("FRONTDOOR_ENV", "staging"), ("DATABASE_URL", "mysql://db/fd"), ("BASE_URL", "reports.example.gov.uk"),
        ("SESSION_SECRET", "too-short"), ("DATABASE_POOL_SIZE", "-1"), ("TRUSTED_PROXIES", "10.0.0.2, proxy.internal"),
        ("SMTP_URL", "mail.example.gov.uk"), ("MAIL_FROM", "not an address"), ("STAFF_SESSION_IDLE_MINUTES", "0"),
        ("RESIDENT_SESSION_MAX_HOURS", "a day"), ("KIOSK_SESSION_IDLE_MINUTES", "45"), ("INBOUND_EMAIL_KEY", "short-secret"),
    ])
    func badValueNamesVariable(variable: String, value: String) {
        do {
            _ = try AppConfiguration.fromEnvironment([variable: value])
            Issue.record("\(variable)=\(value) was accepted")
        } catch {
            #expect(error.variable == variable)
            #expect(error.description.hasPrefix(variable))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test("Production refuses to start without a session secret")
    func productionNeedsSecret() {
        #expect(throws: ConfigurationError.self) { try AppConfiguration.fromEnvironment(["FRONTDOOR_ENV": "production"]) }
        do {
            _ = try AppConfiguration.fromEnvironment(["FRONTDOOR_ENV": "production"])
        } catch {
            #expect(error.variable == "SESSION_SECRET")
        }
    }
}
