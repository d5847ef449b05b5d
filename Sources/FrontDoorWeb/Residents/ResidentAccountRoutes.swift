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
            return try renderer.response(RegisterPage(chrome: chrome(L("acct_register_heading", context.language), context), basePath: context.basePath,
                                                      csrfToken: context.csrfToken))
        }

        router.post(RouterPath(ResidentPaths.register)) { request, context -> Response in
            let council = try Self.council(context)
            let form = try await FormInput.read(from: request, context: context)
            var validation = FormValidation()
            let name = form["name"], email = form["email"], password = form.raw("password")
            if validation.required("name", name, L("acct_enter_full_name", context.language)) {
                validation.maximumLength("name", name, ResidentDetailsForm.maximumTextLength,
                                         L("acct_full_name_long", context.language, ["count": String(ResidentDetailsForm.maximumTextLength)]))
            }
            validation.requiredEmail("email", email, missing: L("acct_enter_email", context.language), format: L("guest_email_format", context.language))
            Self.checkNewPassword(password, into: &validation, commonPasswords: commonPasswords, language: context.language)
            guard validation.isValid else {
                return try renderer.response(RegisterPage(chrome: chrome(L("acct_register_heading", context.language), context, hasErrors: true),
                                                          basePath: context.basePath, csrfToken: context.csrfToken, form: form,
                                                          validation: validation), status: .unprocessableContent)
            }
            try await accounts.register(.init(name: name, email: email, password: password, consents: ConsentChoices.read(form),
                                              language: context.language.statedName),
                                        council: council, address: context.remoteAddress, now: Date(), link: link(request, context))
            return .redirect(to: context.basePath + ResidentPaths.checkEmail)
        }

        router.get(RouterPath(ResidentPaths.checkEmail)) { _, context -> Response in
            _ = try Self.council(context)
            return try renderer.response(ResidentMessagePage(
                chrome: chrome(L("guest_check_heading", context.language), context), heading: L("guest_check_heading", context.language),
                paragraphs: [
                    L("acct_check_email_sent", context.language),
                    L("acct_check_email_wait", context.language),
                    L("acct_check_email_24h", context.language),
                ],
                link: .init(href: context.basePath + ResidentPaths.signIn, text: L("acct_sign_in", context.language))))
        }

        router.get(RouterPath(ResidentPaths.confirmEmail)) { request, context -> Response in
            let council = try Self.council(context)
            let token = request.uri.queryParameters["token"].map(String.init) ?? ""
            let outcome = try await accounts.check(token: token, purpose: .verifyEmail, council: council, now: Date())
            guard case .done = outcome else { return try linkProblem(outcome, purpose: .verifyEmail, context) }
            return try renderer.response(ConfirmLinkPage(
                chrome: chrome(L("acct_confirm_heading", context.language), context), heading: L("acct_confirm_heading", context.language),
                explanation: L("acct_confirm_explanation", context.language),
                action: context.basePath + ResidentPaths.confirmEmail, csrfToken: context.csrfToken, token: token,
                buttonText: L("acct_confirm_button", context.language)))
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
                query["confirmed"] != nil ? NotificationBanner(heading: L("acct_confirmed", context.language), text: L("acct_can_sign_in", context.language), isSuccess: true)
                : query["password-changed"] != nil ? NotificationBanner(heading: L("acct_password_changed", context.language), text: L("acct_sign_in_new_password", context.language), isSuccess: true)
                : query["signed-out"] != nil ? NotificationBanner(heading: L("acct_signed_out", context.language), isSuccess: true)
                : nil
            return try renderer.response(ResidentSignInPage(
                chrome: chrome(L("acct_sign_in", context.language), context), basePath: context.basePath, csrfToken: context.csrfToken,
                returnTo: SafeReturnPath.validate(query["return"].map(String.init)), kiosk: kiosk, banner: banner))
        }

        router.post(RouterPath(ResidentPaths.signIn)) { request, context -> Response in
            let council = try Self.council(context)
            let form = try await FormInput.read(from: request, context: context)
            let email = form["email"], password = form.raw("password"), sharedDevice = SharedComputerChoice.read(form)
            let returnTo = SafeReturnPath.validate(form["return"].isEmpty ? nil : form["return"])
            var validation = FormValidation()
            validation.requiredEmail("email", email, missing: L("acct_enter_email", context.language), format: L("guest_email_format", context.language))
            validation.required("password", password, L("acct_enter_password", context.language))
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
                        chrome: chrome(L("acct_confirm_first", context.language), context), heading: L("acct_confirm_first", context.language),
                        paragraphs: [
                            L("acct_confirm_first_need", context.language),
                            L("acct_confirm_first_sent", context.language),
                        ]))
                case .wrongEmailOrPassword:
                    validation.add("email", L("acct_wrong_details", context.language))
                case .lockedOut(let until):
                    validation.add("email", L("acct_too_many", context.language, ["minutes": String(max(1, Int((until.timeIntervalSince(Date()) / 60).rounded(.up))))]))
                }
            }
            return try renderer.response(ResidentSignInPage(
                chrome: chrome(L("acct_sign_in", context.language), context, hasErrors: true), basePath: context.basePath, csrfToken: context.csrfToken,
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
            return try renderer.response(ForgotPasswordPage(chrome: chrome(L("acct_reset_heading", context.language), context), basePath: context.basePath,
                                                            csrfToken: context.csrfToken))
        }

        router.post(RouterPath(ResidentPaths.forgotPassword)) { request, context -> Response in
            let council = try Self.council(context)
            let form = try await FormInput.read(from: request, context: context)
            let email = form["email"]
            var validation = FormValidation()
            validation.requiredEmail("email", email, missing: L("acct_enter_email", context.language), format: L("guest_email_format", context.language))
            guard validation.isValid else {
                return try renderer.response(ForgotPasswordPage(chrome: chrome(L("acct_reset_heading", context.language), context, hasErrors: true),
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
            return try renderer.response(ResetPasswordPage(chrome: chrome(L("acct_new_password", context.language), context), basePath: context.basePath,
                                                           csrfToken: context.csrfToken, token: token))
        }

        router.post(RouterPath(ResidentPaths.resetPassword)) { request, context -> Response in
            let council = try Self.council(context)
            let form = try await FormInput.read(from: request, context: context)
            let token = form["token"], password = form.raw("password")
            var validation = FormValidation()
            Self.checkNewPassword(password, into: &validation, commonPasswords: commonPasswords, language: context.language)
            guard validation.isValid else {
                let outcome = try await accounts.check(token: token, purpose: .resetPassword, council: council, now: Date())
                guard case .done = outcome else { return try linkProblem(outcome, purpose: .resetPassword, context) }
                return try renderer.response(ResetPasswordPage(chrome: chrome(L("acct_new_password", context.language), context, hasErrors: true),
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
    static func checkNewPassword(_ password: String, into validation: inout FormValidation, commonPasswords: CommonPasswords,
                                 language: SiteLanguage = .english) {
        guard validation.required("password", password, L("acct_enter_a_password", language)) else { return }
        switch PasswordRule.check(password, against: commonPasswords) {
        case .tooShort: validation.add("password", L("acct_password_short", language, ["count": String(PasswordRule.minimumLength)]))
        case .tooLong: validation.add("password", L("acct_password_long", language, ["count": String(PasswordRule.maximumLength)]))
        case .tooCommon: validation.add("password", L("acct_password_common", language))
        case nil: break
        }
    }

    /// The page for a link that cannot be used, saying what to do instead.
    func linkProblem(_ outcome: ResidentAccounts.LinkOutcome, purpose: AccountTokenPurpose, _ context: some CouncilScopedContext) throws -> Response {
        let language = context.language
        let again: PageChrome.FooterLink = switch purpose {
        case .verifyEmail: .init(href: context.basePath + ResidentPaths.signIn, text: L("link_sign_in_again", language))
        case .resetPassword: .init(href: context.basePath + ResidentPaths.forgotPassword, text: L("link_get_new", language))
        case .changeEmail: .init(href: context.basePath + ResidentPaths.changeEmail, text: L("link_ask_new", language))
        }
        let lifetime = L(purpose == .resetPassword ? "link_lifetime_hour" : "link_lifetime_day", language)
        let (heading, paragraph): (String, String) = switch outcome {
        case .used: (L("link_used", language), L("link_used_text", language))
        case .expired: (L("link_expired", language), L("link_expired_text", language, ["lifetime": lifetime]))
        case .emailTaken: (L("link_email_taken", language), L("link_email_taken_text", language))
        case .unknown, .done: (L("link_unknown", language), L("link_unknown_text", language))
        }
        return try renderer.response(ResidentMessagePage(chrome: chrome(heading, context), heading: heading, paragraphs: [paragraph], link: again),
                                     status: outcome == .unknown ? .notFound : .gone)
    }
}
