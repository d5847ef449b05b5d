import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// Staff sign-in and sign-out, and the staff pages behind them.
struct StaffRoutes {
    let renderer: PageRenderer
    let signIn: StaffSignIn
    let secureCookie: Bool

    func register(on router: Router<ResidentRequestContext>) {
        router.get(RouterPath(StaffPaths.signIn)) { request, context -> Response in
            guard let council = context.council else { throw HTTPError(.notFound) }
            if context.staffSession != nil { return .redirect(to: context.basePath + StaffPaths.home) }
            let page = StaffSignInPage(
                chrome: ChromeFactory.chrome(pageTitle: "Sign in", council: council, basePath: context.basePath),
                basePath: context.basePath, csrfToken: context.csrfToken,
                returnTo: SafeReturnPath.validate(request.uri.queryParameters["return"].map(String.init)),
                signedOut: request.uri.queryParameters["signed-out"] != nil)
            return try renderer.response(page)
        }

        router.post(RouterPath(StaffPaths.signIn)) { request, context -> Response in
            guard let council = context.council else { throw HTTPError(.notFound) }
            let form = try await FormInput.read(from: request, context: context)
            let email = form["email"], password = form["password"]
            let returnTo = SafeReturnPath.validate(form["return"].isEmpty ? nil : form["return"])
            var validation = FormValidation()
            if validation.required("email", email, "Enter your email address") {
                validation.email("email", email, "Enter an email address in the correct format, like name@example.com")
            }
            validation.required("password", password, "Enter your password")
            if validation.isValid {
                switch try await signIn.signIn(email: email, password: password, councilID: council.id,
                                               address: context.remoteAddress, now: Date()) {
                case .signedIn(let token, _):
                    var response = Response.redirect(to: returnTo ?? context.basePath + StaffPaths.home)
                    response.setCookie(Cookie(name: StaffSessionMiddleware.cookieName, value: token, path: "/",
                                              secure: secureCookie, httpOnly: true, sameSite: .lax))
                    return response
                case .wrongEmailOrPassword:
                    validation.add("email", "Enter a correct email address and password")
                case .lockedOut(let until):
                    validation.add("email", "You have tried to sign in too many times. Try again in \(SignInThrottle.waitDescription(until: until, now: Date())).")
                }
            }
            let page = StaffSignInPage(
                chrome: ChromeFactory.chrome(pageTitle: "Sign in", council: council, basePath: context.basePath, hasErrors: true),
                basePath: context.basePath, csrfToken: context.csrfToken, returnTo: returnTo, enteredEmail: email,
                validation: validation)
            return try renderer.response(page, status: .unprocessableContent)
        }

        let staff = router.group(RouterPath(StaffPaths.home), context: StaffRequestContext.self)
        staff.get { _, context -> Response in
            let page = StaffHomePage(chrome: ChromeFactory.chrome(pageTitle: "Staff home", context: context),
                                     basePath: context.basePath, context: context)
            return try renderer.response(page)
        }
        staff.post("sign-out") { _, context -> Response in
            try await signIn.signOut(context.session, address: context.remoteAddress, now: Date())
            var response = Response.redirect(to: context.basePath + StaffPaths.signIn + "?signed-out=1")
            response.setCookie(Cookie(name: StaffSessionMiddleware.cookieName, value: "", maxAge: 0, path: "/",
                                      secure: secureCookie, httpOnly: true, sameSite: .lax))
            return response
        }
    }
}
