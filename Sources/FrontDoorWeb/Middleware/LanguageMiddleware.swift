import Foundation
import Hummingbird

/// Chooses the page language: `?lang=cy` or `?lang=en` (the switch in the header) chooses and is
/// remembered in a cookie for a year; otherwise the cookie; otherwise English.
public struct LanguageMiddleware<Context: CouncilScopedContext>: RouterMiddleware {
    public static var cookieName: String { "fd_lang" }
    let secureCookie: Bool

    public init(secureCookie: Bool) {
        self.secureCookie = secureCookie
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let asked = request.uri.queryParameters["lang"].flatMap { SiteLanguage(rawValue: String($0)) }
        let remembered = request.cookies[Self.cookieName].flatMap { SiteLanguage(rawValue: $0.value) }
        context.councilBox.language = asked ?? remembered ?? .english
        var response = try await next(request, context)
        if let asked, asked != remembered {
            response.setCookie(Cookie(name: Self.cookieName, value: asked.rawValue, maxAge: 365 * 86_400, path: "/",
                                      secure: secureCookie, httpOnly: true, sameSite: .lax))
        }
        return response
    }
}
