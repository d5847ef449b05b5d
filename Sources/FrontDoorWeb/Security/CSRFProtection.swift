import Crypto
import Foundation
import FrontDoorPersistence
import Hummingbird

/// A context whose pages carry a CSRF token in their forms.
public protocol CSRFProtectedContext: RequestContext {
    /// The token every form on the page must send back as `csrf_token`.
    var csrfToken: String { get set }
}

/// Tokens that only this deployment can make: a random value and its HMAC under a key derived
/// from SESSION_SECRET, so a cookie planted by another site (or a sibling subdomain) fails.
public struct CSRFTokens: Sendable {
    let key: SymmetricKey

    public init(secret: String) {
        self.key = SymmetricKey(data: SHA256.hash(data: Data("frontdoor csrf token key|\(secret)".utf8)))
    }

    public func issue() -> String {
        let nonce = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        return nonce.base64URLEncoded + "." + signature(of: nonce).base64URLEncoded
    }

    public func isAuthentic(_ token: String) -> Bool {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let nonce = Data(base64URLEncoded: String(parts[0])), nonce.count == 32,
              let mac = Data(base64URLEncoded: String(parts[1])) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: nonce, using: key)
    }

    private func signature(of nonce: Data) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: nonce, using: key))
    }
}

/// CSRF protection for every state-changing form (Hummingbird ships none): the signed
/// double-submit pattern, plus refusing requests whose Origin is another site.
///
/// A GET gets the token in a cookie and in the context (forms render it as a hidden
/// `csrf_token` field). A POST, PUT, PATCH or DELETE must send the same authentic token in its
/// form body. Paths for machine clients (API keys, signed webhooks), probes and static files
/// pass straight through: they carry no forms and must not collect cookies.
public struct CSRFMiddleware<Context: CSRFProtectedContext>: RouterMiddleware {
    public static var cookieName: String { "fd_csrf" }
    public static var fieldName: String { "csrf_token" }

    let tokens: CSRFTokens
    let secureCookie: Bool
    let exemptPathPrefixes: [String]

    public init(tokens: CSRFTokens, secureCookie: Bool,
                exemptPathPrefixes: [String] = ["/api/", "/open311/", "/health/", "/metrics", "/assets/"]) {
        self.tokens = tokens
        self.secureCookie = secureCookie
        self.exemptPathPrefixes = exemptPathPrefixes
    }

    static var refusal: Refusal {
        Refusal(.forbidden, heading: "Your form could not be sent",
                explanation: "This form could not be sent. It may have been open for a long time, or sent from another website. Go back, reload the page and try again.")
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if exemptPathPrefixes.contains(where: { request.uri.path.hasPrefix($0) }) {
            return try await next(request, context)
        }
        let presented = request.cookies[Self.cookieName]?.value
        let cookieIsAuthentic = presented.map(tokens.isAuthentic) ?? false
        var context = context
        context.csrfToken = cookieIsAuthentic ? presented! : tokens.issue()
        var request = request

        if Self.changesState(request.method) {
            guard Self.originMatchesHost(request), cookieIsAuthentic, let presented else { throw Self.refusal }
            let contentType = request.headers[.contentType] ?? ""
            let sent: String?
            if contentType.hasPrefix("application/x-www-form-urlencoded") {
                sent = Self.token(inFormBody: String(buffer: try await request.collectBody(upTo: context.maxUploadSize)))
            } else if let boundary = MultipartForm.boundary(contentType: contentType) {
                // Forms with a file. The body is collected once here and read again by the handler.
                let body = try await request.collectBody(upTo: MultipartForm.bodyLimit)
                sent = (try? MultipartForm(body: body, boundary: boundary))?.fields.raw(Self.fieldName)
            } else {
                // Pages post no other kind of body; refusing is the safe default.
                throw Self.refusal
            }
            guard let sent, !sent.isEmpty, constantTimeEquals(sent, presented) else { throw Self.refusal }
        }

        var response = try await next(request, context)
        if !cookieIsAuthentic {
            response.setCookie(Cookie(name: Self.cookieName, value: context.csrfToken, path: "/",
                                      secure: secureCookie, httpOnly: true, sameSite: .lax))
        }
        return response
    }

    static func changesState(_ method: HTTPRequest.Method) -> Bool {
        [.post, .put, .patch, .delete].contains(method)
    }

    /// Browsers send Origin on cross-site form posts; when present it must name the host the
    /// request was sent to (a reverse proxy must pass the Host header through).
    static func originMatchesHost(_ request: Request) -> Bool {
        guard let origin = request.headers[.origin] else { return true }
        guard let url = URL(string: origin), let originHost = url.host, let authority = request.head.authority else { return false }
        let originAuthority = url.port.map { "\(originHost):\($0)" } ?? originHost
        return originAuthority.lowercased() == authority.lowercased()
    }

    /// The token in an `application/x-www-form-urlencoded` body, read by the same parser as
    /// the forms themselves (so repeated fields, such as checkboxes, are no obstacle).
    static func token(inFormBody body: String) -> String? {
        guard let form = try? FormInput(urlEncoded: body) else { return nil }
        let token = form.raw(fieldName)
        return token.isEmpty ? nil : token
    }
}
