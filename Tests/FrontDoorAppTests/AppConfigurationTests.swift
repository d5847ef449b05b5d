import FrontDoorApp
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

    @Test("Production listens on every interface by default")
    func productionHost() throws {
        let configuration = try AppConfiguration.fromEnvironment(["FRONTDOOR_ENV": "production", "SESSION_SECRET": String(repeating: "k", count: 40)])
        #expect(configuration.host == "0.0.0.0")
    }

    @Test("A bad value is refused with a message naming its variable", arguments: [
        ("PORT", "eighty"), ("PORT", "70000"), ("PORT", "0"), ("LOG_LEVEL", "loud"), ("LOG_FORMAT", "xml"),
        ("FRONTDOOR_ENV", "staging"), ("DATABASE_URL", "mysql://db/fd"), ("BASE_URL", "reports.example.gov.uk"),
        ("SESSION_SECRET", "too-short"), ("DATABASE_POOL_SIZE", "-1"), ("TRUSTED_PROXIES", "10.0.0.2, proxy.internal"),
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
