import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird
import OpenAPIHummingbird
import Logging
import Prometheus

/// What the web layer needs from the rest of the application.
public struct WebDependencies: Sendable {
    public var database: Database
    public var templates: TemplateLibrary
    public var assets: StaticAssets
    public var metricsRegistry: PrometheusCollectorRegistry
    /// Development shows what failed on the 500 page; production never does.
    public var showsDeveloperErrorDetail: Bool
    public var sendsStrictTransportSecurity: Bool
    /// BASE_URL is https: cookies get the Secure attribute.
    public var usesHTTPS: Bool
    /// Keys the CSRF tokens (and, later, other signed values).
    public var sessionSecret: String
    public var passwordHasher: PasswordHasher
    /// Reverse proxies whose X-Forwarded-For is believed.
    public var trustedProxies: Set<String>
    /// BASE_URL: the site's public address, for links in emails.
    public var baseURL: String
    /// Passwords too common to allow when residents choose one.
    public var commonPasswords: CommonPasswords
    /// How long sessions last (staff, residents, shared computers).
    public var sessionPolicies: SessionPolicies
    /// Each nation's bank holidays, for working-day deadlines.
    public var bankHolidays: BankHolidays
    /// Where uploaded files' bytes are kept.
    public var attachmentStorage: any AttachmentStorage
    /// INBOUND_EMAIL_KEY: turns the inbound email webhook on.
    public var inboundEmailKey: String?
    /// Each council's live service alerts, for a few seconds (see `LiveAlertCache`).
    var liveAlerts = LiveAlertCache()
    /// Wakes advisors' call screens when a call reaches them.
    public var callScreens = CallScreenHub()

    public init(database: Database, templates: TemplateLibrary, assets: StaticAssets,
                metricsRegistry: PrometheusCollectorRegistry, showsDeveloperErrorDetail: Bool,
                sendsStrictTransportSecurity: Bool, usesHTTPS: Bool, sessionSecret: String,
                passwordHasher: PasswordHasher, trustedProxies: Set<String> = [], baseURL: String,
                commonPasswords: CommonPasswords, sessionPolicies: SessionPolicies = .standard, bankHolidays: BankHolidays,
                attachmentStorage: any AttachmentStorage) {
        self.attachmentStorage = attachmentStorage
        self.database = database
        self.templates = templates
        self.assets = assets
        self.metricsRegistry = metricsRegistry
        self.showsDeveloperErrorDetail = showsDeveloperErrorDetail
        self.sendsStrictTransportSecurity = sendsStrictTransportSecurity
        self.usesHTTPS = usesHTTPS
        self.sessionSecret = sessionSecret
        self.passwordHasher = passwordHasher
        self.trustedProxies = trustedProxies
        self.baseURL = baseURL
        self.commonPasswords = commonPasswords
        self.sessionPolicies = sessionPolicies
        self.bankHolidays = bankHolidays
    }
}

/// The whole HTTP surface: middleware in the order a request meets it, then the routes,
/// wrapped so `/c/{slug}/…` reaches the same routes for that council.
public func buildWebResponder(_ dependencies: WebDependencies) -> some HTTPResponder<ResidentRequestContext> {
    let router = Router(context: ResidentRequestContext.self)
    let renderer = PageRenderer(templates: dependencies.templates)
    router.addMiddleware {
        RequestLogContextMiddleware()
        ClientAddressMiddleware(trustedProxies: dependencies.trustedProxies)
        SecurityHeadersMiddleware(sendsStrictTransportSecurity: dependencies.sendsStrictTransportSecurity)
        MetricsMiddleware()
        LogRequestsMiddleware(.info)
        LanguageMiddleware(secureCookie: dependencies.usesHTTPS)
        ErrorPageMiddleware(renderer: renderer, showsDeveloperDetail: dependencies.showsDeveloperErrorDetail)
        CSRFMiddleware(tokens: CSRFTokens(secret: dependencies.sessionSecret), secureCookie: dependencies.usesHTTPS)
        CouncilResolutionMiddleware(councils: CouncilRepository(database: dependencies.database))
        ServiceAlertsMiddleware(alerts: ServiceAlertRepository(database: dependencies.database),
                                services: ServiceRepository(database: dependencies.database), cache: dependencies.liveAlerts)
        StaffSessionMiddleware(database: dependencies.database, hasher: dependencies.passwordHasher, policies: dependencies.sessionPolicies)
        ResidentSessionMiddleware(database: dependencies.database, hasher: dependencies.passwordHasher, policies: dependencies.sessionPolicies)
    }
    HealthRoutes(database: dependencies.database).register(on: router)
    MetricsRoutes(registry: dependencies.metricsRegistry).register(on: router)
    AssetRoutes(assets: dependencies.assets).register(on: router)
    PublicPageRoutes(renderer: renderer).register(on: router)
    ComplaintPublicRoutes<ResidentRequestContext>(renderer: renderer, database: dependencies.database, bankHolidays: dependencies.bankHolidays)
        .register(on: router)
    DisclosureLogRoutes<ResidentRequestContext>(renderer: renderer, database: dependencies.database).register(on: router)
    OurPerformanceRoutes<ResidentRequestContext>(renderer: renderer, database: dependencies.database, bankHolidays: dependencies.bankHolidays)
        .register(on: router)
    PortalRoutes(renderer: renderer, database: dependencies.database).register(on: router)
    PublicReportRoutes(renderer: renderer, database: dependencies.database).register(on: router)
    PageFeedbackRoutes(renderer: renderer, database: dependencies.database).register(on: router)
    PageFeedbackReportRoutes(renderer: renderer, database: dependencies.database).register(on: router)
    PerformanceRoutes(renderer: renderer, database: dependencies.database, bankHolidays: dependencies.bankHolidays).register(on: router)
    ChannelCostRoutes(renderer: renderer, database: dependencies.database).register(on: router)
    let sealed = SealedSecrets(sessionSecret: dependencies.sessionSecret)
    StaffRoutes(renderer: renderer,
                signIn: StaffSignIn(database: dependencies.database, hasher: dependencies.passwordHasher, sealed: sealed),
                singleSignOn: StaffSingleSignOn(database: dependencies.database, hasher: dependencies.passwordHasher, sealed: sealed),
                links: PublicLinks(baseURL: dependencies.baseURL), kiosk: dependencies.sessionPolicies.kiosk,
                secureCookie: dependencies.usesHTTPS).register(on: router)
    let accounts = ResidentAccounts(database: dependencies.database, hasher: dependencies.passwordHasher)
    let accountRoutes = ResidentAccountRoutes(renderer: renderer, accounts: accounts, links: PublicLinks(baseURL: dependencies.baseURL),
                                              commonPasswords: dependencies.commonPasswords, kiosk: dependencies.sessionPolicies.kiosk,
                                              secureCookie: dependencies.usesHTTPS)
    accountRoutes.register(on: router)
    let requestRoutes = ResidentRequestRoutes(renderer: renderer, database: dependencies.database, bankHolidays: dependencies.bankHolidays)
    requestRoutes.register(on: router)
    ResidentProfileRoutes(account: accountRoutes, accounts: accounts, requests: requestRoutes).register(on: router)
    ResidentAlertRoutes(account: accountRoutes, database: dependencies.database).register(on: router)
    let customerRecord = CustomerRecordRoutes(renderer: renderer, database: dependencies.database, hasher: dependencies.passwordHasher)
    customerRecord.register(on: router)
    CustomerFlagRoutes(record: customerRecord).register(on: router)
    CallbackRoutes(record: customerRecord, renderer: renderer).register(on: router)
    CustomerMergeRoutes(record: customerRecord, renderer: renderer,
                        merger: CustomerMerger(database: dependencies.database, hasher: dependencies.passwordHasher)).register(on: router)
    AdvisorGuidanceRoutes(renderer: renderer, database: dependencies.database).register(on: router)
    JobQueueRoutes(renderer: renderer, database: dependencies.database).register(on: router)
    WebhookRoutes(renderer: renderer, database: dependencies.database, sealed: SealedSecrets(sessionSecret: dependencies.sessionSecret),
                  allowsLocalHTTP: dependencies.showsDeveloperErrorDetail).register(on: router)
    NotificationTemplateRoutes(renderer: renderer, database: dependencies.database).register(on: router)
    ServiceAlertRoutes(renderer: renderer, database: dependencies.database, links: PublicLinks(baseURL: dependencies.baseURL),
                       cache: dependencies.liveAlerts).register(on: router)
    CallEventWebhookRoutes(database: dependencies.database, hub: dependencies.callScreens).register(on: router)
    let api = router.group(RouterPath("/api/v1")).add(middleware: APIErrorMiddleware())
        .add(middleware: APIKeyMiddleware(keys: ApiKeyRepository(database: dependencies.database)))
        .add(middleware: APIRequestBodyMiddleware())
        .add(middleware: APIIdempotencyMiddleware(store: ApiIdempotency(database: dependencies.database)))
    // The generated handlers cannot fail to register: their paths are fixed by the document.
    try? IntegrationAPI(database: dependencies.database, hasher: dependencies.passwordHasher, bankHolidays: dependencies.bankHolidays,
                        links: PublicLinks(baseURL: dependencies.baseURL)).registerHandlers(on: api, serverURL: URL(string: "/")!)
    APIDocumentRoutes().register(on: router)
    Open311Routes(database: dependencies.database, bankHolidays: dependencies.bankHolidays, baseURL: dependencies.baseURL).register(on: router)
    InboundEmailWebhookRoutes(key: dependencies.inboundEmailKey, intake: EmailIntake(
        database: dependencies.database, storage: dependencies.attachmentStorage, bankHolidays: dependencies.bankHolidays,
        requestLink: PublicLinks(baseURL: dependencies.baseURL).requestLink)).register(on: router)
    CallScreenRoutes(renderer: renderer, database: dependencies.database, hub: dependencies.callScreens).register(on: router)
    let attachments = AttachmentRepository(database: dependencies.database, storage: dependencies.attachmentStorage)
    ServiceCatalogueRoutes(renderer: renderer, database: dependencies.database).register(on: router)
    FormEditorRoutes(renderer: renderer, database: dependencies.database).register(on: router)
    CalendarRoutes(renderer: renderer, database: dependencies.database, shipped: dependencies.bankHolidays).register(on: router)
    ComplaintPolicyRoutes(renderer: renderer, database: dependencies.database).register(on: router)
    CaseQueueRoutes(renderer: renderer, database: dependencies.database, hasher: dependencies.passwordHasher).register(on: router)
    let caseRoutes = CaseRoutes(renderer: renderer, database: dependencies.database, hasher: dependencies.passwordHasher,
                                bankHolidays: dependencies.bankHolidays, attachments: attachments,
                                links: PublicLinks(baseURL: dependencies.baseURL))
    caseRoutes.register(on: router)
    ComplaintRoutes(cases: caseRoutes, database: dependencies.database, bankHolidays: dependencies.bankHolidays,
                    links: PublicLinks(baseURL: dependencies.baseURL)).register(on: router)
    InformationRequestRoutes(cases: caseRoutes, database: dependencies.database, bankHolidays: dependencies.bankHolidays,
                             links: PublicLinks(baseURL: dependencies.baseURL)).register(on: router)
    FeedbackRoutes(cases: caseRoutes, database: dependencies.database, links: PublicLinks(baseURL: dependencies.baseURL)).register(on: router)
    let formJourney = FormJourneyFlow(renderer: renderer, database: dependencies.database, hasher: dependencies.passwordHasher,
                                      bankHolidays: dependencies.bankHolidays, attachments: attachments)
    let submissions = SubmittedFormRepository(database: dependencies.database)
    let cases = CaseRepository(database: dependencies.database)
    ResidentFormRoutes(flow: formJourney, links: PublicLinks(baseURL: dependencies.baseURL)).register(on: router)
    GuestFormRoutes(flow: formJourney, links: PublicLinks(baseURL: dependencies.baseURL), outbox: EmailOutbox(database: dependencies.database),
                    submissions: submissions, secureCookie: dependencies.usesHTTPS).register(on: router)
    StaffFormRoutes(flow: formJourney, submissions: submissions, attachments: attachments,
                    cases: cases).register(on: router)
    StaffAdminRoutes(renderer: renderer,
                     administration: StaffAdministration(database: dependencies.database, hasher: dependencies.passwordHasher),
                     accountRoutes: accountRoutes).register(on: router)
    return CouncilPathPrefixResponder(router: router.buildResponder())
}

/// The routes a WebSocket upgrade may reach (only the advisor's call screen), behind just the
/// middleware that finds the client's address, the council and the member of staff.
public func buildWebSocketRouter(_ dependencies: WebDependencies) -> CouncilPrefixedRouter {
    let router = Router(context: ResidentRequestContext.self)
    router.addMiddleware {
        ClientAddressMiddleware(trustedProxies: dependencies.trustedProxies)
        CouncilResolutionMiddleware(councils: CouncilRepository(database: dependencies.database))
        StaffSessionMiddleware(database: dependencies.database, hasher: dependencies.passwordHasher, policies: dependencies.sessionPolicies)
    }
    CallScreenRoutes(renderer: PageRenderer(templates: dependencies.templates), database: dependencies.database,
                     hub: dependencies.callScreens).registerSocket(on: router)
    return CouncilPrefixedRouter(router: router)
}

/// A router seen through `CouncilPathPrefixResponder`, as a builder (what the WebSocket upgrade takes).
public struct CouncilPrefixedRouter: HTTPResponderBuilder {
    let router: Router<ResidentRequestContext>

    public func buildResponder() -> CouncilPathPrefixResponder<ResidentRequestContext> {
        CouncilPathPrefixResponder(router: router.buildResponder())
    }
}
