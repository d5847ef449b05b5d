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
                // Only POSTs have bodies; anything else that fails to decode is a query parameter.
                if request.method != .post {
                    let (field, message) = Self.explainQuery(decoding, names: Self.queryNames(request.uri.query))
                    return APIResponse.problem(status, field: field, message)
                }
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

    /// The generated layer does not say which query parameter it could not read: named when
    /// the request had only one, else the ones it had are listed.
    static func explainQuery(_ error: DecodingError, names: [String]) -> (String, String) {
        let what: String
        switch error {
        case .typeMismatch(let type, _): what = "must be " + kind(type)
        case .valueNotFound: what = "must have a value"
        default: what = "is not a value it may take (see /api/openapi.json)"
        }
        if names.count == 1 { return (names[0], "\(names[0]) \(what)") }
        return ("query", "A query parameter (\(names.joined(separator: ", "))) \(what)")
    }

    static func queryNames(_ query: String?) -> [String] {
        var names: [String] = []
        for pair in (query ?? "").split(separator: "&") {
            let name = String(pair.split(separator: "=", maxSplits: 1).first ?? "").removingPercentEncoding ?? ""
            if !name.isEmpty, !names.contains(name) { names.append(name) }
        }
        return names
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
