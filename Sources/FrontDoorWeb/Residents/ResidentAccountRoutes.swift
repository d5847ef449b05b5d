import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// Registering, confirming the email address, signing in and out, and forgotten passwords.
struct ResidentAccountRoutes {
    let renderer: PageRenderer
    let accounts: ResidentAccounts
    let links: PublicLinks
    let commonPasswords: CommonPasswords
    /// The shared-computer policy, named on the sign-in page.
    let kiosk: SessionPolicy
    let secureCookie: Bool

    func register(on router: Router<ResidentRequestContext>) {
        registerRegistration(on: router)
        registerSignIn(on: router)
        registerPasswordReset(on: router)
    }

    private func registerRegistration(on router: Router<ResidentRequestContext>) {
        router.get(RouterPath(ResidentPaths.register)) { _, context -> Response in
            _ = try Self.council(context)
            if context.residentSession != nil { return .redirect(to: context.basePath + ResidentPaths.account) }
            return try renderer.response(RegisterPage(chrome: chrome("Create an account", context), basePath: context.basePath,
                                                      csrfToken: context.csrfToken))
        }

        router.post(RouterPath(ResidentPaths.register)) { request, context -> Response in
            let council = try Self.council(context)
            let form = try await FormInput.read(from: request, context: context)
            var validation = FormValidation()
            let name = form["name"], email = form["email"], password = form.raw("password")
            if validation.required("name", name, "Enter your full name") {
                validation.maximumLength("name", name, ResidentDetailsForm.maximumTextLength,
                                         "Full name must be \(ResidentDetailsForm.maximumTextLength) characters or fewer")
            }
            validation.requiredEmail("email", email, missing: "Enter your email address")
            Self.checkNewPassword(password, into: &validation, commonPasswords: commonPasswords)
            guard validation.isValid else {
                return try renderer.response(RegisterPage(chrome: chrome("Create an account", context, hasErrors: true),
                                                          basePath: context.basePath, csrfToken: context.csrfToken, form: form,
                                                          validation: validation), status: .unprocessableContent)
            }
            try await accounts.register(.init(name: name, email: email, password: password, consents: ConsentChoices.read(form)),
                                        council: council, address: context.remoteAddress, now: Date(), link: link(request, context))
            return .redirect(to: context.basePath + ResidentPaths.checkEmail)
        }

        router.get(RouterPath(ResidentPaths.checkEmail)) { _, context -> Response in
            _ = try Self.council(context)
            return try renderer.response(ResidentMessagePage(
                chrome: chrome("Check your email", context), heading: "Check your email",
                paragraphs: [
                    "We have sent you an email with a link. Open it to carry on.",
                    "The email may take a few minutes to arrive. If it does not, check your spam or junk folder.",
                    "The link stops working after 24 hours.",
                ],
                link: .init(href: context.basePath + ResidentPaths.signIn, text: "Sign in")))
        }

        router.get(RouterPath(ResidentPaths.confirmEmail)) { request, context -> Response in
            let council = try Self.council(context)
            let token = request.uri.queryParameters["token"].map(String.init) ?? ""
            let outcome = try await accounts.check(token: token, purpose: .verifyEmail, council: council, now: Date())
            guard case .done = outcome else { return try linkProblem(outcome, purpose: .verifyEmail, context) }
            return try renderer.response(ConfirmLinkPage(
                chrome: chrome("Confirm your email address", context), heading: "Confirm your email address",
                explanation: "Confirm this is your email address to finish creating your account.",
                action: context.basePath + ResidentPaths.confirmEmail, csrfToken: context.csrfToken, token: token,
                buttonText: "Confirm email address"))
        }

        router.post(RouterPath(ResidentPaths.confirmEmail)) { request, context -> Response in
            let council = try Self.council(context)
            let form = try await FormInput.read(from: request, context: context)
            let outcome = try await accounts.confirmEmail(token: form["token"], council: council, address: context.remoteAddress, now: Date())
            guard case .done = outcome else { return try linkProblem(outcome, purpose: .verifyEmail, context) }
            return .redirect(to: context.basePath + ResidentPaths.signIn + "?confirmed=1")
        }
    }

    private func registerSignIn(on router: Router<ResidentRequestContext>) {
        router.get(RouterPath(ResidentPaths.signIn)) { request, context -> Response in
            _ = try Self.council(context)
            if context.residentSession != nil { return .redirect(to: context.basePath + ResidentPaths.account) }
            let query = request.uri.queryParameters
            let banner: NotificationBanner? =
                query["confirmed"] != nil ? NotificationBanner(heading: "Your email address is confirmed", text: "You can now sign in.", isSuccess: true)
                : query["password-changed"] != nil ? NotificationBanner(heading: "Your password has been changed", text: "Sign in with your new password.", isSuccess: true)
                : query["signed-out"] != nil ? NotificationBanner(heading: "You have signed out", isSuccess: true)
                : nil
            return try renderer.response(ResidentSignInPage(
                chrome: chrome("Sign in", context), basePath: context.basePath, csrfToken: context.csrfToken,
                returnTo: SafeReturnPath.validate(query["return"].map(String.init)), kiosk: kiosk, banner: banner))
        }

        router.post(RouterPath(ResidentPaths.signIn)) { request, context -> Response in
            let council = try Self.council(context)
            let form = try await FormInput.read(from: request, context: context)
            let email = form["email"], password = form.raw("password"), sharedDevice = SharedComputerChoice.read(form)
            let returnTo = SafeReturnPath.validate(form["return"].isEmpty ? nil : form["return"])
            var validation = FormValidation()
            validation.requiredEmail("email", email, missing: "Enter your email address")
            validation.required("password", password, "Enter your password")
            if validation.isValid {
                switch try await accounts.signIn(email: email, password: password, sharedDevice: sharedDevice, council: council,
                                                 address: context.remoteAddress, now: Date(), link: link(request, context)) {
                case .signedIn(let token, _):
                    var response = Response.redirect(to: returnTo ?? context.basePath + ResidentPaths.account)
                    response.setCookie(Cookie(name: ResidentSessionMiddleware.cookieName, value: token, path: "/",
                                              secure: secureCookie, httpOnly: true, sameSite: .lax))
                    return response
                case .emailNotConfirmed:
                    return try renderer.response(ResidentMessagePage(
                        chrome: chrome("Confirm your email address first", context), heading: "Confirm your email address first",
                        paragraphs: [
                            "You need to confirm your email address before you can sign in.",
                            "We have sent you a new link. Open it, then sign in again. The email may take a few minutes to arrive.",
                        ]))
                case .wrongEmailOrPassword:
                    validation.add("email", "Enter a correct email address and password")
                case .lockedOut(let until):
                    validation.add("email", "You have tried to sign in too many times. Try again in \(SignInThrottle.waitDescription(until: until, now: Date())).")
                }
            }
            return try renderer.response(ResidentSignInPage(
                chrome: chrome("Sign in", context, hasErrors: true), basePath: context.basePath, csrfToken: context.csrfToken,
                returnTo: returnTo, enteredEmail: email, sharedDevice: sharedDevice, kiosk: kiosk, validation: validation),
                status: .unprocessableContent)
        }

        router.post(RouterPath(ResidentPaths.signOut)) { _, context -> Response in
            let council = try Self.council(context)
            if let session = context.residentSession {
                try await accounts.signOut(session, council: council, address: context.remoteAddress, now: Date())
            }
            var response = Response.redirect(to: context.basePath + ResidentPaths.signIn + "?signed-out=1")
            response.setCookie(Cookie(name: ResidentSessionMiddleware.cookieName, value: "", maxAge: 0, path: "/",
                                      secure: secureCookie, httpOnly: true, sameSite: .lax))
            return response
        }
    }

    private func registerPasswordReset(on router: Router<ResidentRequestContext>) {
        router.get(RouterPath(ResidentPaths.forgotPassword)) { _, context -> Response in
            _ = try Self.council(context)
            return try renderer.response(ForgotPasswordPage(chrome: chrome("Reset your password", context), basePath: context.basePath,
                                                            csrfToken: context.csrfToken))
        }

        router.post(RouterPath(ResidentPaths.forgotPassword)) { request, context -> Response in
            let council = try Self.council(context)
            let form = try await FormInput.read(from: request, context: context)
            let email = form["email"]
            var validation = FormValidation()
            validation.requiredEmail("email", email, missing: "Enter your email address")
            guard validation.isValid else {
                return try renderer.response(ForgotPasswordPage(chrome: chrome("Reset your password", context, hasErrors: true),
                                                                basePath: context.basePath, csrfToken: context.csrfToken,
                                                                enteredEmail: email, validation: validation), status: .unprocessableContent)
            }
            try await accounts.requestPasswordReset(email: email, council: council, now: Date(), link: link(request, context))
            return .redirect(to: context.basePath + ResidentPaths.checkEmail)
        }

        router.get(RouterPath(ResidentPaths.resetPassword)) { request, context -> Response in
            let council = try Self.council(context)
            let token = request.uri.queryParameters["token"].map(String.init) ?? ""
            let outcome = try await accounts.check(token: token, purpose: .resetPassword, council: council, now: Date())
            guard case .done = outcome else { return try linkProblem(outcome, purpose: .resetPassword, context) }
            return try renderer.response(ResetPasswordPage(chrome: chrome("Choose a new password", context), basePath: context.basePath,
                                                           csrfToken: context.csrfToken, token: token))
        }

        router.post(RouterPath(ResidentPaths.resetPassword)) { request, context -> Response in
            let council = try Self.council(context)
            let form = try await FormInput.read(from: request, context: context)
            let token = form["token"], password = form.raw("password")
            var validation = FormValidation()
            Self.checkNewPassword(password, into: &validation, commonPasswords: commonPasswords)
            guard validation.isValid else {
                let outcome = try await accounts.check(token: token, purpose: .resetPassword, council: council, now: Date())
                guard case .done = outcome else { return try linkProblem(outcome, purpose: .resetPassword, context) }
                return try renderer.response(ResetPasswordPage(chrome: chrome("Choose a new password", context, hasErrors: true),
                                                               basePath: context.basePath, csrfToken: context.csrfToken, token: token,
                                                               validation: validation), status: .unprocessableContent)
            }
            let outcome = try await accounts.resetPassword(token: token, newPassword: password, council: council,
                                                          address: context.remoteAddress, now: Date())
            guard case .done = outcome else { return try linkProblem(outcome, purpose: .resetPassword, context) }
            var response = Response.redirect(to: context.basePath + ResidentPaths.signIn + "?password-changed=1")
            response.setCookie(Cookie(name: ResidentSessionMiddleware.cookieName, value: "", maxAge: 0, path: "/",
                                      secure: secureCookie, httpOnly: true, sameSite: .lax))
            return response
        }
    }

    // MARK: - Shared by the account pages

    /// Resident pages belong to a council; without one (several councils and none chosen) there is no such page.
    static func council(_ context: some CouncilScopedContext) throws -> Council {
        guard let council = context.council else { throw HTTPError(.notFound) }
        return council
    }

    func chrome(_ title: String, _ context: some CouncilScopedContext, hasErrors: Bool = false) -> PageChrome {
        ChromeFactory.chrome(pageTitle: title, context: context, hasErrors: hasErrors)
    }

    func link(_ request: Request, _ context: some CouncilScopedContext) -> ResidentAccounts.LinkMaker {
        let links = self.links
        let absolute = links.url("", request: request, context: context)
        return { path in absolute + path }
    }

    /// The NCSC rule for a new password, as a form error.
    static func checkNewPassword(_ password: String, into validation: inout FormValidation, commonPasswords: CommonPasswords) {
        guard validation.required("password", password, "Enter a password") else { return }
        switch PasswordRule.check(password, against: commonPasswords) {
        case .tooShort: validation.add("password", "Password must be \(PasswordRule.minimumLength) characters or more")
        case .tooLong: validation.add("password", "Password must be \(PasswordRule.maximumLength) characters or fewer")
        case .tooCommon: validation.add("password", "Password is too easy to guess: it is one of the most common passwords. Try three random words")
        case nil: break
        }
    }

    /// The page for a link that cannot be used, saying what to do instead.
    func linkProblem(_ outcome: ResidentAccounts.LinkOutcome, purpose: AccountTokenPurpose, _ context: some CouncilScopedContext) throws -> Response {
        let again: PageChrome.FooterLink = switch purpose {
        case .verifyEmail: .init(href: context.basePath + ResidentPaths.signIn, text: "Sign in to get a new link")
        case .resetPassword: .init(href: context.basePath + ResidentPaths.forgotPassword, text: "Get a new link")
        case .changeEmail: .init(href: context.basePath + ResidentPaths.changeEmail, text: "Ask for a new link")
        }
        let (heading, paragraph): (String, String) = switch outcome {
        case .used: ("This link has already been used", "Each link works only once. If you still need to, ask for a new one.")
        case .expired: ("This link has expired", "Links stop working after \(purpose.lifetimeDescription), or when a newer one is sent. Ask for a new one.")
        case .emailTaken: ("That email address is used by another account", "Your email address has not changed. Choose a different one.")
        case .unknown, .done: ("This link does not work", "Check you copied the whole link from the email. If it still does not work, ask for a new one.")
        }
        return try renderer.response(ResidentMessagePage(chrome: chrome(heading, context), heading: heading, paragraphs: [paragraph], link: again),
                                     status: outcome == .unknown ? .notFound : .gone)
    }
}
