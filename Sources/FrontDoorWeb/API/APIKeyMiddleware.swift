import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// The integration API's door: a bearer key of a council (401 without one), within its rate
/// limit (429 with Retry-After past it). The key's holder is then known to the handlers for
/// the rest of the request (`APIKeyHolder.current`), which check the scope each call needs.
struct APIKeyMiddleware<Context: RequestContext>: RouterMiddleware {
    let keys: ApiKeyRepository

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let authorization = request.headers[.authorization] ?? ""
        guard authorization.lowercased().hasPrefix("bearer "),
              let holder = try await keys.holder(of: String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces)) else {
            var response = CallEventWebhookRoutes.problems(.unauthorized, [.init(field: "authorization", message: "Send an API key as ‘Authorization: Bearer <key>’")])
            response.headers[.wwwAuthenticate] = "Bearer realm=\"frontdoor-api\""
            return response
        }
        if let wait = try await keys.spend(holder) {
            var response = CallEventWebhookRoutes.problems(.tooManyRequests, [.init(field: "authorization",
                message: "This key may make \(holder.requestsPerMinute) requests a minute; try again in \(wait) seconds")])
            response.headers[.retryAfter] = String(wait)
            return response
        }
        return try await APIKeyHolder.$current.withValue(holder) {
            try await next(request, context)
        }
    }
}

/// The key the current API request came with (set by `APIKeyMiddleware`).
enum APIKeyHolder {
    @TaskLocal static var current: ApiKeyRepository.Holder?
}
