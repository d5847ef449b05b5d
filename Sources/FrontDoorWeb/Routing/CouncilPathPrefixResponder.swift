import Hummingbird

/// Serves `/c/{slug}/…` as `/…` for the council `slug`, so every route exists once and works
/// both on a council's own host name and under a shared host.
///
/// This wraps the router rather than being router middleware because Hummingbird's router
/// matches the path before its middleware runs.
public struct CouncilPathPrefixResponder<Context: CouncilScopedContext>: HTTPResponder {
    public static var prefix: String { "/c/" }
    let router: any HTTPResponder<Context>

    public init(router: any HTTPResponder<Context>) {
        self.router = router
    }

    public func respond(to request: Request, context: Context) async throws -> Response {
        guard let (slug, remainder) = Self.split(request.uri.path) else {
            return try await router.respond(to: request, context: context)
        }
        context.councilBox.pathSlug = slug
        var head = request.head
        head.path = remainder + (request.uri.query.map { "?\($0)" } ?? "")
        return try await router.respond(to: Request(head: head, body: request.body), context: context)
    }

    /// `/c/kingsmere/components` → ("kingsmere", "/components"); `/c/kingsmere` → ("kingsmere", "/").
    static func split(_ path: String) -> (slug: String, remainder: String)? {
        guard path.hasPrefix(prefix) else { return nil }
        let rest = path.dropFirst(prefix.count)
        let slug = rest.prefix { $0 != "/" }
        guard !slug.isEmpty else { return nil }
        let remainder = rest.dropFirst(slug.count)
        return (String(slug), remainder.isEmpty ? "/" : String(remainder))
    }
}
