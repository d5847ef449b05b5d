import FrontDoorPersistence
import Hummingbird
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

    public init(database: Database, templates: TemplateLibrary, assets: StaticAssets,
                metricsRegistry: PrometheusCollectorRegistry, showsDeveloperErrorDetail: Bool,
                sendsStrictTransportSecurity: Bool, usesHTTPS: Bool, sessionSecret: String,
                passwordHasher: PasswordHasher, trustedProxies: Set<String> = []) {
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
        ErrorPageMiddleware(renderer: renderer, showsDeveloperDetail: dependencies.showsDeveloperErrorDetail)
        CSRFMiddleware(tokens: CSRFTokens(secret: dependencies.sessionSecret), secureCookie: dependencies.usesHTTPS)
        CouncilResolutionMiddleware(councils: CouncilRepository(database: dependencies.database))
        StaffSessionMiddleware(database: dependencies.database, hasher: dependencies.passwordHasher, policy: .staff)
    }
    HealthRoutes(database: dependencies.database).register(on: router)
    MetricsRoutes(registry: dependencies.metricsRegistry).register(on: router)
    AssetRoutes(assets: dependencies.assets).register(on: router)
    PublicPageRoutes(renderer: renderer).register(on: router)
    StaffRoutes(renderer: renderer,
                signIn: StaffSignIn(database: dependencies.database, hasher: dependencies.passwordHasher,
                                    sealed: SealedSecrets(sessionSecret: dependencies.sessionSecret)),
                secureCookie: dependencies.usesHTTPS).register(on: router)
    return CouncilPathPrefixResponder(router: router.buildResponder())
}
