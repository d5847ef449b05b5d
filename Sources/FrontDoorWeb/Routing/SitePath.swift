/// Every public path, in one place: routes are registered from these and links are built
/// from them, so a renamed page cannot leave a broken link behind.
public enum SitePath: String, CaseIterable, Sendable {
    case home = "/"
    case components = "/components"
    case accessibility = "/accessibility"
    case youSaidWeDid = "/you-said-we-did"
    case complaintsReport = "/complaints-report"
    case complaintsReportCSV = "/complaints-report.csv"
    case disclosureLog = "/disclosure-log"
    case ourPerformance = "/our-performance"
    case brandStylesheet = "/brand.css"
    case healthLive = "/health/live"
    case healthReady = "/health/ready"
    case metrics = "/metrics"
    case assets = "/assets/{file}"

    /// The link to this page for a council reached under `basePath` (see `CouncilPathPrefixResponder`).
    public func href(basePath: String) -> String {
        self == .home ? basePath + "/" : basePath + rawValue
    }

    /// Paths that never depend on a council, so resolving one would only cost a query.
    static let councilIndependentPrefixes = ["/health/", "/metrics", "/assets/"]

    static func needsCouncil(_ path: String) -> Bool {
        !councilIndependentPrefixes.contains { path.hasPrefix($0) }
    }
}
