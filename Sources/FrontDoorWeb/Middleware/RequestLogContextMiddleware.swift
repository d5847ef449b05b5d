import FrontDoorPersistence
import Hummingbird

/// Makes the request id available to every log line written while the request is handled
/// (see `RequestLogContext`).
public struct RequestLogContextMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try await RequestLogContext.$requestID.withValue(context.id) {
            try await next(request, context)
        }
    }
}
