import Foundation
import Hummingbird
import OpenAPIRuntime

/// Turns what the generated API layer refuses before a handler runs (a parameter that is not a
/// number, a missing path part, a body of the wrong type) into the API's own error body with
/// the status the runtime chose, instead of the website's error page.
struct APIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as ServerError {
            let status = error.httpStatus.code >= 500 && error.underlyingError is DecodingError ? .badRequest : error.httpStatus
            guard status.code < 500 else { throw error }
            return CallEventWebhookRoutes.problems(status, [.init(field: "request", message: "The request could not be read: \(error.causeDescription)")])
        }
    }
}
