import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// Decides which council the request is for (see `CouncilSelection` for the rule) and
/// records it on the context. A `/c/{slug}` naming no council is a 404.
public struct CouncilResolutionMiddleware<Context: CouncilScopedContext>: RouterMiddleware {
    let councils: CouncilRepository

    public init(councils: CouncilRepository) {
        self.councils = councils
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard SitePath.needsCouncil(request.uri.path) else { return try await next(request, context) }
        let selection = CouncilSelection.select(
            hostName: request.head.authority,
            pathSlug: context.councilBox.pathSlug,
            councils: try await councils.all(),
            hostNames: try await councils.hostNames())
        if case .unknownSlug = selection { throw HTTPError(.notFound) }
        context.councilBox.selection = selection
        context.councilBox.requestPath = request.uri.path
        context.councilBox.requestQuery = request.uri.query
        context.councilBox.isGet = request.method == .get
        return try await next(request, context)
    }
}
