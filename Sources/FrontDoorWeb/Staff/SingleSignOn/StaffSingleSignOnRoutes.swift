import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// Signing staff in through the council's identity provider: the button on the sign-in page
/// starts it, the provider sends the browser back to the callback.
extension StaffRoutes {
    static let singleSignOnStateCookie = "fd_sso_state"

    func registerSingleSignOn(on router: Router<ResidentRequestContext>) {
        let renderer = self.renderer, singleSignOn = self.singleSignOn, links = self.links, secureCookie = self.secureCookie
        let kiosk = self.kiosk

        // A link, not a form: the Content-Security-Policy's form-action 'self' rightly forbids a form
        // from redirecting to another site. Starting a sign-in changes nothing anyone relies on;
        // the state cookie is what ties the callback to this browser.
        router.get(RouterPath(StaffPaths.singleSignOn)) { request, context -> Response in
            guard let council = context.council else { throw HTTPError(.notFound) }
            let returnTo = SafeReturnPath.validate(request.uri.queryParameters["return"].map(String.init))
            let redirectURI = links.url(StaffPaths.singleSignOnCallback, request: request, context: context)
            let started: (url: String, state: String)?
            do {
                started = try await singleSignOn.start(council: council, returnTo: returnTo, redirectURI: redirectURI, now: Date())
            } catch let failure as OpenIDConnectClient.Failure {
                context.logger.warning("Single sign-on could not start", metadata: ["reason": .string(failure.description)])
                return try await signInPage(context, council: council, message: "Signing in through your council's sign-in service is not working at the moment. Try again later, or sign in with your FrontDoor password.")
            }
            guard let started else { throw HTTPError(.notFound) }
            var response = Response.redirect(to: started.url)
            response.setCookie(Cookie(name: Self.singleSignOnStateCookie, value: started.state,
                                      maxAge: Int(SingleSignOnRequestRepository.lifetime), path: "/", secure: secureCookie,
                                      httpOnly: true, sameSite: .lax))
            return response
        }

        router.get(RouterPath(StaffPaths.singleSignOnCallback)) { request, context -> Response in
            guard let council = context.council else { throw HTTPError(.notFound) }
            let query = request.uri.queryParameters
            let code = query["code"].map(String.init) ?? "", state = query["state"].map(String.init) ?? ""
            let name = try await singleSignOn.provider(for: council)?.displayName ?? "your council's sign-in service"
            if query["error"] != nil || code.isEmpty {
                return try await signInPage(context, council: council, message: "You did not finish signing in with \(name). Try again, or sign in with your FrontDoor password.")
            }
            let outcome = try await singleSignOn.complete(
                code: code, state: state, stateCookie: request.cookies[Self.singleSignOnStateCookie]?.value, council: council,
                redirectURI: links.url(StaffPaths.singleSignOnCallback, request: request, context: context),
                address: context.remoteAddress, now: Date(), logger: context.logger)
            var response: Response
            switch outcome {
            case .signedIn(let token, _, let returnTo):
                response = .redirect(to: returnTo ?? context.basePath + StaffPaths.home)
                response.setCookie(sessionCookie(token))
            case .noRole(let provider):
                response = try await signInPage(context, council: council, message: "You signed in with \(provider), but your account there has not been given access to FrontDoor. Ask your manager or an administrator.", status: .forbidden)
            case .failed(let provider):
                response = try await signInPage(context, council: council, message: "Signing in with \(provider) did not work. Try again, or sign in with your FrontDoor password.")
            }
            response.setCookie(Cookie(name: Self.singleSignOnStateCookie, value: "", maxAge: 0, path: "/", secure: secureCookie,
                                      httpOnly: true, sameSite: .lax))
            return response
        }

        @Sendable func signInPage(_ context: ResidentRequestContext, council: Council, message: String,
                                  status: HTTPResponse.Status = .badRequest) async throws -> Response {
            try renderer.response(StaffSignInPage(
                chrome: ChromeFactory.chrome(pageTitle: "Sign in", council: council, basePath: context.basePath, hasErrors: true),
                basePath: context.basePath, csrfToken: context.csrfToken, returnTo: nil, kiosk: kiosk,
                singleSignOnName: try await singleSignOn.provider(for: council)?.displayName, singleSignOnMessage: message),
                status: status)
        }
    }
}
