import Foundation
import Hummingbird
import OpenAPIRuntime

/// Where the generated API layer and HTTP disagree. What it refuses before a handler runs (a
/// parameter that is not a number, a body of the wrong shape) becomes the API's own error body
/// naming the field, instead of the website's error page; and the ETag it percent-encodes (it
/// encodes every header as a URI part) goes out as the quoted string HTTP expects.
struct APIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as ServerError {
            let status = error.httpStatus.code >= 500 && error.underlyingError is DecodingError ? .badRequest : error.httpStatus
            guard status.code < 500 else { throw error }
            if let decoding = error.underlyingError as? DecodingError {
                let (field, message) = Self.explain(decoding)
                return APIResponse.problem(status, field: field, message)
            }
            return APIResponse.problem(status, field: "request", "The request could not be read: \(error.causeDescription)")
        }
        if let tag = response.headers[.eTag], tag.hasPrefix("%22") {
            response.headers[.eTag] = tag.removingPercentEncoding
        }
        return response
    }

    /// The field a body's decoding stopped at, and why, in words an integrator can act on.
    static func explain(_ error: DecodingError) -> (String, String) {
        func field(_ path: [any CodingKey]) -> String {
            path.isEmpty ? "body" : path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let name = field(context.codingPath + [key])
            return (name, "\(name) is required")
        case .valueNotFound(_, let context):
            let name = field(context.codingPath)
            return (name, "\(name) must have a value")
        case .typeMismatch(let type, let context):
            let name = field(context.codingPath)
            return (name, "\(name) must be \(Self.kind(type))")
        case .dataCorrupted(let context):
            let name = field(context.codingPath)
            if context.codingPath.isEmpty { return ("body", "The body is not valid JSON") }
            return (name, "\(name) is not one of the values it may take: " + context.debugDescription)
        @unknown default:
            return ("body", "The body could not be read")
        }
    }

    static func kind(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "a list"
        default: "an object"
        }
    }
}
