import ArgumentParser

@main
struct FrontDoorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frontdoor",
        abstract: "FrontDoor: one front door to a council's services, for residents and staff.",
        discussion: """
            Settings come from environment variables (DATABASE_URL, PORT, BASE_URL, DATA_DIR, \
            LOG_LEVEL, LOG_FORMAT, SESSION_SECRET, FRONTDOOR_ENV, HOST, DATABASE_POOL_SIZE, TRUSTED_PROXIES); \
            see the README for each one's meaning and default.
            """,
        subcommands: [Serve.self, Migrate.self, SeedDemo.self, CreateAdmin.self, CreateCouncil.self, ConfigureSingleSignOn.self, ImportGazetteer.self,
                      ExportCatalogue.self, ImportCatalogue.self, BenchCustomerSearch.self, TelephonyKey.self, QueueCheck.self,
                      ReceiveEmail.self, ApiKey.self, SyntheticYearCommand.self, BenchDashboard.self, DailyCounts.self,
                      SharedServiceCommand.self],
        defaultSubcommand: nil)
}
