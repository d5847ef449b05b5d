import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// Using a service without an account. The guest gives an email address; we send a link with a
/// secret; opening it (and pressing Continue, so a mail scanner that fetches links starts
/// nothing) puts the secret in a cookie that opens that one form. The request they send
/// carries the proved address, and its confirmation goes there. Only services that do not
/// need an account offer this.
struct GuestFormRoutes {
    static let cookieName = "fd_guest"
    /// Links sent to one address in an hour, at most: nobody can use the council to flood an inbox.
    static let linksPerHour = 5

    let flow: FormJourneyFlow
    let links: PublicLinks
    let outbox: EmailOutbox
    let submissions: SubmittedFormRepository
    let secureCookie: Bool

    func register(on router: Router<ResidentRequestContext>) {
        let routes = self, flow = self.flow

        router.post(RouterPath(ResidentPaths.services + "/:code/guest")) { request, context -> Response in
            let service = try await ResidentFormRoutes.onlineService(context, flow: flow)
            guard let council = context.council, service.channels.contains(.online), !service.needsAccount else { throw HTTPError(.notFound) }
            let form = try await FormInput.read(from: request, context: context)
            let email = form["guest-email"].trimmingCharacters(in: .whitespaces)
            let problem = email.isEmpty ? L("guest_email_missing", context.language)
                : !EmailAddressRule.isPlausible(email) ? L("guest_email_format", context.language) : nil
            if let problem {
                return try flow.renderer.response(ResidentFormRoutes.startPage(service, context, guestError: problem, typedEmail: email),
                                                  status: .unprocessableContent)
            }
            guard let definition = try await flow.forms.latest(of: service.id) else {
                throw Refusal(.notFound, heading: L("no_online_form", context.language), explanation: L("no_online_form_explanation", context.language))
            }
            let now = Date()
            // Past the limit the page reads the same: it never says what was or was not sent.
            if try await flow.drafts.guestDraftsStarted(email: email, since: now.addingTimeInterval(-3600)) < Self.linksPerHour {
                let secret = RandomToken.make()
                _ = try await flow.drafts.start(
                    councilID: council.id, serviceID: service.id, formVersion: definition.version,
                    filler: .guest(email: email, tokenDigest: RandomToken.digest(secret)), channel: .online,
                    prefilled: FormPrefill.answers(for: definition, email: email, phone: nil, address: nil), at: now)
                let link = routes.links.url(ResidentPaths.services + "/" + service.code.value + "/guest/" + secret, request: request, context: context)
                try await routes.outbox.enqueue(GuestEmails.formLink(service: service, council: council, to: email, link: link,
                                                                                     language: context.language), at: now)
            }
            return .redirect(to: context.basePath + ResidentPaths.services + "/" + service.code.value + "/check-your-email")
        }

        router.get(RouterPath(ResidentPaths.services + "/:code/check-your-email")) { _, context -> Response in
            let service = try await ResidentFormRoutes.onlineService(context, flow: flow)
            return try flow.renderer.response(ResidentMessagePage(
                chrome: ChromeFactory.chrome(pageTitle: L("guest_check_heading", context.language), context: context),
                heading: L("guest_check_heading", context.language),
                paragraphs: [L("guest_check_sent", context.language, ["service": service.name]), L("guest_check_works", context.language)],
                link: .init(href: context.basePath + ResidentPaths.services + "/" + service.code.value, text: L("guest_check_again", context.language))))
        }

        router.get(RouterPath(ResidentPaths.services + "/:code/guest/:secret")) { _, context -> Response in
            let (service, _) = try await routes.guestDraft(context)
            let action = context.basePath + ResidentPaths.services + "/" + service.code.value + "/guest/" + (try context.parameters.require("secret"))
            return try flow.renderer.response(ResidentMessagePage(
                chrome: ChromeFactory.chrome(pageTitle: service.name, context: context), heading: service.name,
                paragraphs: [L("guest_confirmed", context.language)],
                form: .init(action: action, csrfToken: context.csrfToken,
                            button: Button(L("guest_continue", context.language)))))
        }

        router.post(RouterPath(ResidentPaths.services + "/:code/guest/:secret")) { _, context -> Response in
            let (_, draft) = try await routes.guestDraft(context)
            try await flow.drafts.confirmGuest(draftID: draft.id, at: Date())
            var response = Response.redirect(to: context.basePath + ResidentPaths.forms + "/" + draft.id + "/" + (try await routes.firstQuestion(draft)))
            response.setCookie(Cookie(name: Self.cookieName, value: try context.parameters.require("secret"), path: "/",
                                      secure: routes.secureCookie, httpOnly: true, sameSite: .lax))
            return response
        }

        router.get(RouterPath(ResidentPaths.guestSent + "/:reference")) { request, context -> Response in
            try await routes.sentPage(request, context)
        }
    }

    /// The draft the link's secret opens, for the service in the path; otherwise a page saying the link has had its day.
    func guestDraft(_ context: ResidentRequestContext) async throws -> (CouncilService, FormDraft) {
        let service = try await ResidentFormRoutes.onlineService(context, flow: flow)
        let secret = try context.parameters.require("secret")
        guard let draft = try await flow.drafts.find(guestTokenDigest: RandomToken.digest(secret)), draft.serviceID == service.id,
              draft.councilID == service.councilID else {
            throw Refusal(.notFound, heading: L("guest_link_unusable", context.language),
                          explanation: L("guest_link_unusable_explanation", context.language))
        }
        return (service, draft)
    }

    func firstQuestion(_ draft: FormDraft) async throws -> String {
        guard let form = try await flow.forms.version(draft.formVersion, of: draft.serviceID) else { return "" }
        return FormJourney(form: form, submission: draft.answers).firstQuestion?.id ?? ""
    }

    /// The confirmation, for the browser that sent the request (it carries the secret whose digest the request keeps).
    func sentPage(_ request: Request, _ context: ResidentRequestContext) async throws -> Response {
        guard let council = context.council, let reference = context.parameters.get("reference").flatMap(CaseReference.init),
              let item = try await flow.cases.find(reference: reference, councilID: council.id), let submissionID = item.submissionID,
              let sent = try await submissions.find(id: submissionID, councilID: council.id), let digest = sent.guestTokenDigest,
              let secret = request.cookies[Self.cookieName]?.value, RandomToken.digest(secret) == digest,
              let service = try await flow.services.find(id: item.serviceID, councilID: council.id),
              let form = try await flow.forms.version(sent.formVersion, of: sent.serviceID) else { throw HTTPError(.notFound) }
        return try flow.renderer.response(SubmittedFormPage(
            chrome: ChromeFactory.chrome(pageTitle: L("sent_title", context.language), context: context),
            panel: Panel(titleText: L("sent_title", context.language), text: L("sent_reference_is", context.language), reference: item.reference.description),
            heading: nil,
            whatHappensNext: L("sent_guest_next", context.language, ["email": sent.guestEmail ?? "", "standard": service.standard.statement,
                                                                     "due": CaseDates.due(item.resolveBy, context.language)]),
            answers: AnswerText.summary(form: form, answers: sent.answers, language: context.language),
            links: [.init(href: context.basePath + ResidentPaths.register, text: L("sent_create_account", context.language))]))
    }
}
