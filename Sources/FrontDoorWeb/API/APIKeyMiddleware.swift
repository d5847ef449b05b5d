import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// The integration API's door: a bearer key of a council (401 without one), within its rate
/// limit (429 with Retry-After past it), with the scope the resource needs (403). The key's
/// holder is then known to the handlers for the rest of the request (`APIKeyHolder.current`).
struct APIKeyMiddleware<Context: RequestContext>: RouterMiddleware {
    let keys: ApiKeyRepository

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let authorization = request.headers[.authorization] ?? ""
        guard authorization.lowercased().hasPrefix("bearer "),
              let holder = try await keys.holder(of: String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces)) else {
            var response = APIResponse.problems(.unauthorized, [.init(field: "authorization", message: "Send an API key as ‘Authorization: Bearer <key>’")])
            response.headers[.wwwAuthenticate] = "Bearer realm=\"frontdoor-api\""
            return response
        }
        if let wait = try await keys.spend(holder) {
            var response = APIResponse.problems(.tooManyRequests, [.init(field: "authorization",
                message: "This key may make \(holder.requestsPerMinute) requests a minute; try again in \(wait) seconds")])
            response.headers[.retryAfter] = String(wait)
            return response
        }
        // Checked before the body is read, so a key that may not write learns that first.
        let resource = request.uri.path.split(separator: "/").dropFirst(2).first.map(String.init) ?? ""
        if let scope = ApiScope.needed(forResource: resource, writing: ![.get, .head].contains(request.method)), !holder.scopes.contains(scope) {
            return APIResponse.problem(.forbidden, field: "authorization", "This key does not have the \(scope.rawValue) scope")
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
