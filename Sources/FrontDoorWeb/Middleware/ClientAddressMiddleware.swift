import HTTPTypes
import Hummingbird

/// Replaces the connecting address with the client's when the request came through a trusted
/// reverse proxy (see `ClientAddress`).
public struct ClientAddressMiddleware: RouterMiddleware {
    public typealias Context = ResidentRequestContext
    let trustedProxies: Set<String>

    public init(trustedProxies: Set<String>) {
        self.trustedProxies = trustedProxies
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard !trustedProxies.isEmpty else { return try await next(request, context) }
        var context = context
        context.remoteAddress = ClientAddress.resolve(connecting: context.remoteAddress,
                                                      forwardedFor: request.headers[.xForwardedFor], trustedProxies: trustedProxies)
        return try await next(request, context)
    }
}

extension HTTPField.Name {
    static var xForwardedFor: Self { .init("X-Forwarded-For")! }
}
