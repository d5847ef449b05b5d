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
                request.uri.queryParameters["saved"] != nil ? NotificationBanner(heading: L("acct_details_saved", context.language), isSuccess: true)
                : request.uri.queryParameters["email-changed"] != nil
                    ? NotificationBanner(heading: L("acct_email_changed", context.language), text: L("acct_will_use", context.language, ["email": context.customer.email ?? ""]), isSuccess: true)
                : request.uri.queryParameters["email-link-sent"] != nil
                    ? NotificationBanner(heading: L("guest_check_heading", context.language), text: L("acct_email_link_sent", context.language))
                : nil
            return try renderer.response(AccountHomePage(
                chrome: account.chrome(L("acct_account_heading", context.language), context), basePath: context.basePath, csrfToken: context.csrfToken,
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
                chrome: account.chrome(L("acct_details_heading", context.language), context), basePath: context.basePath, csrfToken: context.csrfToken,
                customer: context.customer, consents: try await accounts.currentConsents(context.customer)))
        }

        signedIn.post("details") { request, context -> Response in
            let council = try ResidentAccountRoutes.council(context)
            let form = try await FormInput.read(from: request, context: context)
            let details = ResidentDetailsForm(form, applyingTo: context.customer, language: context.language)
            guard details.validation.isValid else {
                return try renderer.response(ResidentDetailsPage(
                    chrome: account.chrome(L("acct_details_heading", context.language), context, hasErrors: true), basePath: context.basePath,
                    csrfToken: context.csrfToken, customer: context.customer, consents: [], form: form,
                    validation: details.validation), status: .unprocessableContent)
            }
            try await accounts.updateDetails(details.customer, consents: details.consents, council: council,
                                             address: context.remoteAddress, now: Date())
            return .redirect(to: context.basePath + ResidentPaths.account + "?saved=1")
        }

        signedIn.get("change-email") { _, context -> Response in
            try renderer.response(ChangeEmailPage(chrome: account.chrome(L("acct_change_email_heading", context.language), context), basePath: context.basePath,
                                                  csrfToken: context.csrfToken, currentEmail: context.customer.email ?? ""))
        }

        signedIn.post("change-email") { request, context -> Response in
            let council = try ResidentAccountRoutes.council(context)
            let form = try await FormInput.read(from: request, context: context)
            let email = form["email"], password = form.raw("password")
            var validation = FormValidation()
            validation.requiredEmail("email", email, missing: L("acct_enter_new_email", context.language), format: L("guest_email_format", context.language))
            validation.required("password", password, L("acct_enter_password", context.language))
            if validation.isValid {
                switch try await accounts.requestEmailChange(context.customer, to: email, password: password, council: council,
                                                             now: Date(), link: account.link(request, context)) {
                case .linkSent: return .redirect(to: context.basePath + ResidentPaths.account + "?email-link-sent=1")
                case .wrongPassword: validation.add("password", L("acct_enter_correct_password", context.language))
                case .sameAsCurrent: validation.add("email", L("acct_same_email", context.language))
                }
            }
            return try renderer.response(ChangeEmailPage(
                chrome: account.chrome(L("acct_change_email_heading", context.language), context, hasErrors: true), basePath: context.basePath,
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
                chrome: account.chrome(L("acct_confirm_new_heading", context.language), context), heading: L("acct_confirm_new_heading", context.language),
                explanation: L("acct_confirm_new_explanation", context.language),
                action: context.basePath + ResidentPaths.confirmEmailChange, csrfToken: context.csrfToken, token: token,
                buttonText: L("acct_confirm_new_button", context.language)))
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
