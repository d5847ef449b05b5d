import Foundation
import Hummingbird
import NIOCore

/// The integration API reads JSON bodies of at most 64 KB: anything else is refused here, in
/// the API's error format, before a handler (or the generated layer) sees it. The body is read
/// into memory once, so what follows (the idempotency check, the handler) can read it again.
/// Text with a NUL character is refused too, in the body or the query: PostgreSQL cannot store
/// it and SQLite would cut the text short at it.
struct APIRequestBodyMiddleware<Context: RequestContext>: RouterMiddleware {
    static var limit: Int { 64 * 1024 }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if (request.uri.query ?? "").lowercased().contains("%00") {
            return APIResponse.problem(.badRequest, field: "query", "The query must not contain the NUL character (%00)")
        }
        guard [.post, .put, .patch].contains(request.method) else { return try await next(request, context) }
        let mediaType = (request.headers[.contentType] ?? "").split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        guard mediaType == "application/json" else {
            return APIResponse.problem(.unsupportedMediaType, field: "content-type", "Send the body as application/json")
        }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: Self.limit)
        } catch is NIOTooManyBytesError {
            return APIResponse.problem(.contentTooLarge, field: "body", "The body must be \(Self.limit / 1024) KB or smaller")
        }
        if let field = Self.fieldWithNUL(in: Data(buffer: body)) {
            return APIResponse.problem(.badRequest, field: field, "\(field) must not contain the NUL character (\\u0000)")
        }
        return try await next(request, context)
    }

    /// The first field (as a dotted path) whose text, or name, has a NUL character; nil when
    /// none has, or when the body is not JSON (the generated layer says so in its own words).
    static func fieldWithNUL(in body: Data) -> String? {
        guard let value = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) else { return nil }
        func search(_ value: Any, _ path: [String]) -> String? {
            let here = path.isEmpty ? "body" : path.joined(separator: ".")
            switch value {
            case let text as String:
                return text.contains("\u{0}") ? here : nil
            case let object as [String: Any]:
                for (key, member) in object.sorted(by: { $0.key < $1.key }) {
                    if key.contains("\u{0}") { return here }
                    if let found = search(member, path + [key]) { return found }
                }
                return nil
            case let array as [Any]:
                for (index, member) in array.enumerated() {
                    if let found = search(member, path + [String(index)]) { return found }
                }
                return nil
            default:
                return nil
            }
        }
        return search(value, [])
    }
}
