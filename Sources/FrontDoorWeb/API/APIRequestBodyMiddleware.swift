import Foundation
import Hummingbird
import NIOCore

/// The integration API reads JSON bodies of at most 64 KB: anything else is refused here, in
/// the API's error format, before a handler (or the generated layer) sees it. The body is read
/// into memory once, so what follows (the idempotency check, the handler) can read it again.
struct APIRequestBodyMiddleware<Context: RequestContext>: RouterMiddleware {
    static var limit: Int { 64 * 1024 }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard [.post, .put, .patch].contains(request.method) else { return try await next(request, context) }
        let mediaType = (request.headers[.contentType] ?? "").split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        guard mediaType == "application/json" else {
            return APIResponse.problem(.unsupportedMediaType, field: "content-type", "Send the body as application/json")
        }
        var request = request
        do {
            _ = try await request.collectBody(upTo: Self.limit)
        } catch is NIOTooManyBytesError {
            return APIResponse.problem(.contentTooLarge, field: "body", "The body must be \(Self.limit / 1024) KB or smaller")
        }
        return try await next(request, context)
    }
}
