import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// Staff sign-in and sign-out, and the staff pages behind them.
struct StaffRoutes {
    let renderer: PageRenderer
    let signIn: StaffSignIn
    let singleSignOn: StaffSingleSignOn
    let links: PublicLinks
    /// The shared-computer policy, named on the sign-in page.
    let kiosk: SessionPolicy
    let secureCookie: Bool

    func register(on router: Router<ResidentRequestContext>) {
        router.get(RouterPath(StaffPaths.signIn)) { request, context -> Response in
            guard let council = context.council else { throw HTTPError(.notFound) }
            if context.staffSession != nil { return .redirect(to: context.basePath + StaffPaths.home) }
            let page = StaffSignInPage(
                chrome: ChromeFactory.chrome(pageTitle: "Sign in", council: council, basePath: context.basePath),
                basePath: context.basePath, csrfToken: context.csrfToken,
                returnTo: SafeReturnPath.validate(request.uri.queryParameters["return"].map(String.init)), kiosk: kiosk,
                signedOut: request.uri.queryParameters["signed-out"] != nil,
                invitationAccepted: request.uri.queryParameters["invitation-accepted"] != nil,
                singleSignOnName: try await singleSignOn.provider(for: council)?.displayName)
            return try renderer.response(page)
        }

        router.post(RouterPath(StaffPaths.signIn)) { request, context -> Response in
            guard let council = context.council else { throw HTTPError(.notFound) }
            let form = try await FormInput.read(from: request, context: context)
            let email = form["email"], password = form["password"], sharedDevice = SharedComputerChoice.read(form)
            let returnTo = SafeReturnPath.validate(form["return"].isEmpty ? nil : form["return"])
            var validation = FormValidation()
            validation.requiredEmail("email", email, missing: "Enter your email address")
            validation.required("password", password, "Enter your password")
            if validation.isValid {
                switch try await signIn.signIn(email: email, password: password, sharedDevice: sharedDevice, council: council,
                                               address: context.remoteAddress, now: Date()) {
                case .signedIn(let token, _):
                    var response = Response.redirect(to: returnTo ?? context.basePath + StaffPaths.home)
                    response.setCookie(sessionCookie(token))
                    return response
                case .secondFactorNeeded(let pendingToken):
                    var response = Response.redirect(to: context.basePath + StaffPaths.twoFactor + (returnTo.map(SafeReturnPath.query) ?? ""))
                    response.setCookie(Cookie(name: Self.pendingCookieName, value: pendingToken, maxAge: Int(PendingSignInRepository.lifetime),
                                              path: "/", secure: secureCookie, httpOnly: true, sameSite: .lax))
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
                sharedDevice: sharedDevice, kiosk: kiosk, validation: validation, singleSignOnName: try await singleSignOn.provider(for: council)?.displayName)
            return try renderer.response(page, status: .unprocessableContent)
        }

        registerTwoFactor(on: router)
        registerSingleSignOn(on: router)

        let staff = router.group(RouterPath(StaffPaths.home), context: StaffRequestContext.self)
        staff.get { _, context -> Response in
            let page = StaffHomePage(chrome: ChromeFactory.chrome(pageTitle: "Staff home", context: context),
                                     basePath: context.basePath, context: context)
            return try renderer.response(page)
        }
        staff.get("audit") { request, context -> Response in
            try context.require(.viewAuditTrail)
            let filter = Self.auditFilter(request)
            let events = try await signIn.audit.events(councilID: context.staff.councilID, filter: filter, limit: 200)
            let page = AuditTrailPage(chrome: ChromeFactory.chrome(pageTitle: "Audit trail", context: context),
                                      basePath: context.basePath, filter: filter, events: events,
                                      queryString: request.uri.query ?? "")
            return try renderer.response(page)
        }
        staff.get("audit.csv") { request, context -> Response in
            try context.require(.exportAuditTrail)
            let filter = Self.auditFilter(request)
            let events = try await signIn.audit.events(councilID: context.staff.councilID, filter: filter, limit: 100_000)
            // Every export of personal data is itself recorded.
            try await signIn.audit.record(AuditEvent(
                councilID: context.staff.councilID, occurredAt: Date(), actorID: context.staff.id, actor: context.staff.email,
                kind: .auditTrailExported, subject: "\(events.count) audit events", address: context.remoteAddress))
            return Response(status: .ok, headers: [
                .contentType: "text/csv; charset=utf-8",
                .contentDisposition: "attachment; filename=\"audit-trail.csv\"",
                .cacheControl: "no-store",
            ], body: .init(byteBuffer: ByteBuffer(string: try AuditTrailCSV.render(events))))
        }
        staff.post("sign-out") { _, context -> Response in
            try await signIn.signOut(context.session, address: context.remoteAddress, now: Date())
            var response = Response.redirect(to: context.basePath + StaffPaths.signIn + "?signed-out=1")
            response.setCookie(Cookie(name: StaffSessionMiddleware.cookieName, value: "", maxAge: 0, path: "/",
                                      secure: secureCookie, httpOnly: true, sameSite: .lax))
            return response
        }
    }

    static let pendingCookieName = "fd_staff_pending"

    static func auditFilter(_ request: Request) -> AuditTrail.Filter {
        let kind = request.uri.queryParameters["event"].flatMap { AuditEvent.Kind(rawValue: String($0)) }
        let actor = request.uri.queryParameters["actor"].map(String.init)?.trimmingCharacters(in: .whitespaces)
        return AuditTrail.Filter(kind: kind, actorContains: actor?.isEmpty == true ? nil : actor)
    }

    func sessionCookie(_ token: String) -> Cookie {
        Cookie(name: StaffSessionMiddleware.cookieName, value: token, path: "/", secure: secureCookie, httpOnly: true, sameSite: .lax)
    }

    /// The second step: an authenticator code (or recovery code), or setting the app up.
    func registerTwoFactor(on router: Router<ResidentRequestContext>) {
        @Sendable func waiting(_ request: Request, _ context: ResidentRequestContext) async throws -> (Council, PendingSignInRepository.Pending)? {
            guard let council = context.council, let token = request.cookies[Self.pendingCookieName]?.value,
                  let waiting = try await signIn.pending.find(token: token, councilID: council.id, now: Date()) else { return nil }
            return (council, waiting)
        }

        router.get(RouterPath(StaffPaths.twoFactor)) { request, context -> Response in
            guard let (council, pending) = try await waiting(request, context),
                  let step = try await signIn.secondFactorStep(pending) else {
                return .redirect(to: context.basePath + StaffPaths.signIn)
            }
            let page = StaffTwoFactorPage(
                chrome: ChromeFactory.chrome(pageTitle: "Two-factor sign-in", council: council, basePath: context.basePath),
                basePath: context.basePath, csrfToken: context.csrfToken,
                returnTo: SafeReturnPath.validate(request.uri.queryParameters["return"].map(String.init)), step: step, issuer: council.name)
            return try renderer.response(page)
        }

        router.post(RouterPath(StaffPaths.twoFactor)) { request, context -> Response in
            guard let (council, pending) = try await waiting(request, context) else {
                return .redirect(to: context.basePath + StaffPaths.signIn)
            }
            let form = try await FormInput.read(from: request, context: context)
            let returnTo = SafeReturnPath.validate(form["return"].isEmpty ? nil : form["return"])
            var validation = FormValidation()
            if validation.required("code", form["code"], "Enter the code from your authenticator app") {
                switch try await signIn.completeSecondFactor(pending, typed: form["code"], council: council,
                                                             address: context.remoteAddress, now: Date()) {
                case .signedIn(let token, _, let recoveryCodes):
                    let destination = returnTo ?? context.basePath + StaffPaths.home
                    var response: Response
                    if recoveryCodes.isEmpty {
                        response = .redirect(to: destination)
                    } else {
                        response = try renderer.response(StaffRecoveryCodesPage(
                            chrome: ChromeFactory.chrome(pageTitle: "Save your recovery codes", council: council, basePath: context.basePath),
                            codes: recoveryCodes, continueTo: destination))
                    }
                    response.setCookie(sessionCookie(token))
                    response.setCookie(Cookie(name: Self.pendingCookieName, value: "", maxAge: 0, path: "/", secure: secureCookie,
                                              httpOnly: true, sameSite: .lax))
                    return response
                case .wrongCode:
                    validation.add("code", "Enter a correct security code")
                case .lockedOut(let until):
                    validation.add("code", "You have tried to sign in too many times. Try again in \(SignInThrottle.waitDescription(until: until, now: Date())).")
                case .expired:
                    return .redirect(to: context.basePath + StaffPaths.signIn)
                }
            }
            guard let step = try await signIn.secondFactorStep(pending) else { return .redirect(to: context.basePath + StaffPaths.signIn) }
            let page = StaffTwoFactorPage(
                chrome: ChromeFactory.chrome(pageTitle: "Two-factor sign-in", council: council, basePath: context.basePath, hasErrors: true),
                basePath: context.basePath, csrfToken: context.csrfToken, returnTo: returnTo, step: step, issuer: council.name,
                validation: validation)
            return try renderer.response(page, status: .unprocessableContent)
        }
    }
}
