import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// My Account: the resident's details, and changing their email address. Every handler takes a
/// `SignedInResidentContext`, so it runs only for a signed-in resident and acts on them alone.
struct ResidentProfileRoutes {
    let account: ResidentAccountRoutes
    let accounts: ResidentAccounts
    let requests: ResidentRequestRoutes

    var renderer: PageRenderer { account.renderer }

    func register(on router: Router<ResidentRequestContext>) {
        let account = self.account, accounts = self.accounts, renderer = self.renderer, requests = self.requests
        let signedIn = router.group(RouterPath(ResidentPaths.account), context: SignedInResidentContext.self)

        signedIn.get { request, context -> Response in
            let banner: NotificationBanner? =
                request.uri.queryParameters["saved"] != nil ? NotificationBanner(heading: "Your details have been saved", isSuccess: true)
                : request.uri.queryParameters["email-changed"] != nil
                    ? NotificationBanner(heading: "Your email address has been changed", text: "We will use \(context.customer.email ?? "") from now on.", isSuccess: true)
                : request.uri.queryParameters["email-link-sent"] != nil
                    ? NotificationBanner(heading: "Check your email", text: "We have sent a link to your new email address. Your address changes when you open it.")
                : nil
            return try renderer.response(AccountHomePage(
                chrome: account.chrome("Your account", context), basePath: context.basePath, csrfToken: context.csrfToken,
                customer: context.customer, consents: try await accounts.currentConsents(context.customer),
                recentRequests: try await requests.recent(context), banner: banner))
        }

        signedIn.get("download-your-data") { _, context -> Response in
            let council = try ResidentAccountRoutes.council(context)
            let export = try await requests.export(for: context.customer, consents: try await accounts.currentConsents(context.customer),
                                                   council: council, at: Date())
            var headers = HTTPFields()
            headers[.contentType] = "application/json; charset=utf-8"
            headers[.contentDisposition] = "attachment; filename=\"your-data-\(council.slug.value).json\""
            headers[.cacheControl] = "no-store"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: try export.json()))
        }

        signedIn.get("details") { _, context -> Response in
            try renderer.response(ResidentDetailsPage(
                chrome: account.chrome("Your details", context), basePath: context.basePath, csrfToken: context.csrfToken,
                customer: context.customer, consents: try await accounts.currentConsents(context.customer)))
        }

        signedIn.post("details") { request, context -> Response in
            let council = try ResidentAccountRoutes.council(context)
            let form = try await FormInput.read(from: request, context: context)
            let details = ResidentDetailsForm(form, applyingTo: context.customer)
            guard details.validation.isValid else {
                return try renderer.response(ResidentDetailsPage(
                    chrome: account.chrome("Your details", context, hasErrors: true), basePath: context.basePath,
                    csrfToken: context.csrfToken, customer: context.customer, consents: [], form: form,
                    validation: details.validation), status: .unprocessableContent)
            }
            try await accounts.updateDetails(details.customer, consents: details.consents, council: council,
                                             address: context.remoteAddress, now: Date())
            return .redirect(to: context.basePath + ResidentPaths.account + "?saved=1")
        }

        signedIn.get("change-email") { _, context -> Response in
            try renderer.response(ChangeEmailPage(chrome: account.chrome("Change your email address", context), basePath: context.basePath,
                                                  csrfToken: context.csrfToken, currentEmail: context.customer.email ?? ""))
        }

        signedIn.post("change-email") { request, context -> Response in
            let council = try ResidentAccountRoutes.council(context)
            let form = try await FormInput.read(from: request, context: context)
            let email = form["email"], password = form.raw("password")
            var validation = FormValidation()
            validation.requiredEmail("email", email, missing: "Enter your new email address")
            validation.required("password", password, "Enter your password")
            if validation.isValid {
                switch try await accounts.requestEmailChange(context.customer, to: email, password: password, council: council,
                                                             now: Date(), link: account.link(request, context)) {
                case .linkSent: return .redirect(to: context.basePath + ResidentPaths.account + "?email-link-sent=1")
                case .wrongPassword: validation.add("password", "Enter your correct password")
                case .sameAsCurrent: validation.add("email", "Enter a different email address from the one you use now")
                }
            }
            return try renderer.response(ChangeEmailPage(
                chrome: account.chrome("Change your email address", context, hasErrors: true), basePath: context.basePath,
                csrfToken: context.csrfToken, currentEmail: context.customer.email ?? "", enteredEmail: email,
                validation: validation), status: .unprocessableContent)
        }

        // The link in the email may be opened signed out, or on another device: it is the proof.
        router.get(RouterPath(ResidentPaths.confirmEmailChange)) { request, context -> Response in
            let council = try ResidentAccountRoutes.council(context)
            let token = request.uri.queryParameters["token"].map(String.init) ?? ""
            let outcome = try await accounts.check(token: token, purpose: .changeEmail, council: council, now: Date())
            guard case .done = outcome else { return try account.linkProblem(outcome, purpose: .changeEmail, context) }
            return try renderer.response(ConfirmLinkPage(
                chrome: account.chrome("Confirm your new email address", context), heading: "Confirm your new email address",
                explanation: "Confirm to start using this email address for your account. We will tell your old address about the change.",
                action: context.basePath + ResidentPaths.confirmEmailChange, csrfToken: context.csrfToken, token: token,
                buttonText: "Confirm new email address"))
        }

        router.post(RouterPath(ResidentPaths.confirmEmailChange)) { request, context -> Response in
            let council = try ResidentAccountRoutes.council(context)
            let form = try await FormInput.read(from: request, context: context)
            let outcome = try await accounts.confirmEmailChange(token: form["token"], council: council, address: context.remoteAddress, now: Date())
            guard case .done = outcome else { return try account.linkProblem(outcome, purpose: .changeEmail, context) }
            return .redirect(to: context.basePath + (context.residentSession != nil ? ResidentPaths.account + "?email-changed=1"
                                                                                      : ResidentPaths.signIn + "?email-changed=1"))
        }
    }
}
