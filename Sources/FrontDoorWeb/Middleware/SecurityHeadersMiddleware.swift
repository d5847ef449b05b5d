import HTTPTypes
import Hummingbird

/// Headers every response carries. The policy forbids inline scripts and styles and any
/// other host: pages work without JavaScript, and nothing is loaded from elsewhere.
public struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    let sendsStrictTransportSecurity: Bool

    public init(sendsStrictTransportSecurity: Bool) {
        self.sendsStrictTransportSecurity = sendsStrictTransportSecurity
    }

    static var contentSecurityPolicy: String {
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicyHeader] = "strict-origin-when-cross-origin"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.requestID] = context.id
        if sendsStrictTransportSecurity {
            response.headers[.strictTransportSecurity] = "max-age=31536000; includeSubDomains"
        }
        return response
    }
}

extension HTTPField.Name {
    static var contentSecurityPolicy: Self { .init("Content-Security-Policy")! }
    static var xContentTypeOptions: Self { .init("X-Content-Type-Options")! }
    static var referrerPolicyHeader: Self { .init("Referrer-Policy")! }
    static var xFrameOptions: Self { .init("X-Frame-Options")! }
    static var strictTransportSecurity: Self { .init("Strict-Transport-Security")! }
    /// The id in every log line for this request, so a resident's "it broke" can be traced.
    public static var requestID: Self { .init("X-Request-Id")! }
}
