import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird
import HummingbirdWebSocket
import NIOConcurrencyHelpers

/// The request context for public pages (residents). Staff pages get their own context
/// with the signed-in account, so a handler's type says who can reach it.
public struct ResidentRequestContext: RequestContext, CouncilScopedContext, CSRFProtectedContext, WebSocketRequestContext {
    public var coreContext: CoreRequestContextStorage
    public var csrfToken: String = ""
    /// Shared by every copy of this context, so middleware further out (the error pages)
    /// sees the council that middleware further in resolved.
    public let councilBox: CouncilBox
    /// Set by `StaffSessionMiddleware` on staff paths when the cookie names a live session.
    public var staffSession: StaffSessionRepository.Session?
    /// Set by `ResidentSessionMiddleware` on public paths when the cookie names a live session.
    public var residentSession: ResidentSession?
    /// The client's IP address, for the sign-in lock-out and the audit trail
    /// (corrected by `ClientAddressMiddleware` behind trusted proxies).
    public var remoteAddress: String
    /// Set when the request upgrades to a WebSocket (only the call screen does).
    public let webSocket = WebSocketHandlerReference<ResidentRequestContext>()

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.councilBox = CouncilBox()
        self.remoteAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }
}

/// A context that carries the council the request is for.
public protocol CouncilScopedContext: RequestContext {
    var councilBox: CouncilBox { get }
}

extension CouncilScopedContext {
    /// How the council was chosen, once `CouncilResolutionMiddleware` has run.
    public var councilSelection: CouncilSelection? { councilBox.selection }

    /// The language the resident chose for the portal (staff pages are always in English).
    public var language: SiteLanguage { councilBox.language }

    /// The chosen council, when there is one.
    public var council: Council? {
        if case .council(let council, _) = councilBox.selection { return council }
        return nil
    }

    /// The path prefix that keeps links on the same council: `/c/{slug}` when the council came
    /// from the path, otherwise empty.
    public var basePath: String {
        if case .council(let council, via: .pathPrefix) = councilBox.selection { return "/c/\(council.slug.value)" }
        return ""
    }
}

/// A request-scoped slot for the council selection (see `ResidentRequestContext.councilBox`).
public final class CouncilBox: Sendable {
    private let storage = NIOLockedValueBox<(selection: CouncilSelection?, pathSlug: String?, requestPath: String?, query: String?,
                                             language: SiteLanguage, isGet: Bool)>((nil, nil, nil, nil, .english, false))

    public init() {}

    public var selection: CouncilSelection? {
        get { storage.withLockedValue { $0.selection } }
        set { storage.withLockedValue { $0.selection = newValue } }
    }

    /// The path the router sees (after any `/c/{slug}` prefix), for the page's "Is this page useful?" form.
    public var requestPath: String? {
        get { storage.withLockedValue { $0.requestPath } }
        set { storage.withLockedValue { $0.requestPath = newValue } }
    }

    /// The request's query, for links that keep it (the language switch); nil for anything but a
    /// GET, whose page a link cannot reach again.
    public var requestQuery: String? {
        get { storage.withLockedValue { $0.query } }
        set { storage.withLockedValue { $0.query = newValue } }
    }

    public var isGet: Bool {
        get { storage.withLockedValue { $0.isGet } }
        set { storage.withLockedValue { $0.isGet = newValue } }
    }

    /// The language the resident chose (see `LanguageMiddleware`).
    public var language: SiteLanguage {
        get { storage.withLockedValue { $0.language } }
        set { storage.withLockedValue { $0.language = newValue } }
    }

    /// The council's live service alerts, for the banner on every page (`ServiceAlertsMiddleware`).
    public var serviceAlerts: [LiveServiceAlert] {
        get { alerts.withLockedValue { $0 } }
        set { alerts.withLockedValue { $0 = newValue } }
    }

    private let alerts = NIOLockedValueBox<[LiveServiceAlert]>([])

    /// The slug from a `/c/{slug}` prefix, recorded before routing strips the prefix.
    public var pathSlug: String? {
        get { storage.withLockedValue { $0.pathSlug } }
        set { storage.withLockedValue { $0.pathSlug = newValue } }
    }
}
