import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird
import HummingbirdWebSocket

/// The advisor's call screen: a WebSocket that pushes the calls put through to them (the
/// screen pop), and the "Your calls" page listing the same calls for a browser without
/// JavaScript or with the socket blocked.
struct CallScreenRoutes {
    let renderer: PageRenderer
    let calls: CallRepository
    let hub: CallScreenHub
    /// How often an open screen looks again without being woken: the path by which a call
    /// reported to another server process reaches this one's screens.
    let pollInterval: Duration

    init(renderer: PageRenderer, database: Database, hub: CallScreenHub, pollInterval: Duration = .seconds(3)) {
        self.renderer = renderer
        self.calls = CallRepository(database: database)
        self.hub = hub
        self.pollInterval = pollInterval
    }

    func register(on router: Router<ResidentRequestContext>) {
        let routes = self
        let staff = router.group(RouterPath(StaffPaths.home), context: StaffRequestContext.self)
        staff.get("calls") { _, context -> Response in
            try context.require(.logContact)
            let pops = try await routes.calls.screenPops(staffID: context.staff.id, councilID: context.staff.councilID, limit: 20)
            let entries = pops.map { CallScreenEntry($0, basePath: context.basePath) }
            return try routes.renderer.response(CallListPage(
                chrome: ChromeFactory.chrome(pageTitle: "Your calls", context: context),
                calls: entries.map { .init(heading: $0.heading, detail: $0.detail, href: $0.href, linkText: $0.linkText) }, hasCalls: !entries.isEmpty,
                refreshHref: context.basePath + StaffPaths.calls, searchHref: context.basePath + StaffPaths.customers))
        }
    }

    /// The socket lives on its own router (see `buildWebSocketResponder`): only the middleware
    /// that finds the council and the member of staff runs before the upgrade.
    func registerSocket(on router: Router<ResidentRequestContext>) {
        let routes = self
        router.ws(RouterPath(StaffPaths.callScreenSocket), shouldUpgrade: { request, context in
            guard let session = context.staffSession,
                  Permissions.isAllowed(StaffMember(role: session.account.role, councilID: session.account.councilID, teamIDs: session.teamIDs),
                                        .logContact, on: ResourceScope(councilID: session.account.councilID)),
                  SameOrigin.holds(request) else { return .dontUpgrade }
            return .upgrade([:])
        }, onUpgrade: { inbound, outbound, socketContext in
            guard let session = socketContext.requestContext.staffSession else { return }
            try await routes.serve(staffID: session.account.id, councilID: session.account.councilID,
                                   basePath: socketContext.requestContext.basePath, inbound: inbound, outbound: outbound)
        })
    }

    func serve(staffID: UUID, councilID: UUID, basePath: String, inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async throws {
        let (screen, wakes) = await hub.open(staffID: staffID)
        defer { Task { await hub.close(staffID: staffID, screen: screen) } }
        try await withThrowingTaskGroup(of: Void.self) { group in
            // The browser sends nothing; reading is how the socket's closing is noticed.
            group.addTask { for try await _ in inbound {} }
            group.addTask { [hub, pollInterval] in
                while !Task.isCancelled {
                    try await Task.sleep(for: pollInterval)
                    await hub.wake(staffID: staffID, screen: screen)
                }
            }
            group.addTask { [calls] in
                var shown: [CallScreenEntry]?
                for await _ in wakes {
                    let entries = try await calls.screenPops(staffID: staffID, councilID: councilID).map { CallScreenEntry($0, basePath: basePath) }
                    guard entries != shown else { continue }
                    try await outbound.write(.text(CallScreenEntry.message(entries)))
                    shown = entries
                }
            }
            _ = try await group.next()
            group.cancelAll()
        }
    }
}

/// A WebSocket may be opened by any page on the internet, with the advisor's cookies (browsers
/// do not apply the same-origin rules to it). A browser always says which page opened it, in
/// the Origin header: only this site's pages may open the call screen. A client that is not a
/// browser names no web page (or none at all) and still needs a signed-in advisor's cookie.
enum SameOrigin {
    static func holds(_ request: Request) -> Bool {
        guard let host = request.head.authority?.lowercased() else { return false }
        let origins = request.headers[values: .origin].flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        return origins.allSatisfy { origin in
            guard origin != "null" else { return false }
            guard let parts = URLComponents(string: origin), let scheme = parts.scheme else { return false }
            guard scheme == "http" || scheme == "https" else { return true }
            return (parts.host ?? "") + (parts.port.map { ":\($0)" } ?? "") == host
        }
    }
}

/// "Your calls": the calls put through to this advisor in the last half hour.
public struct CallListPage: PageModel {
    public static let template = "staff-calls"

    public struct Call: Sendable {
        public var heading: String
        public var detail: String
        public var href: String
        public var linkText: String
    }

    public var chrome: PageChrome
    public var calls: [Call]
    public var hasCalls: Bool
    public var refreshHref: String
    public var searchHref: String
}
