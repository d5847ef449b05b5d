import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// The resident portal's side of service forms: a service's page, its question pages, check
/// your answers and sending. A signed-in resident starts a form from the service's page; for a
/// service that allows it, so does a guest, once they have opened the link emailed to them
/// (see `GuestFormRoutes`). The question pages serve both, each seeing only their own draft.
struct ResidentFormRoutes {
    let flow: FormJourneyFlow
    let links: PublicLinks

    func register(on router: Router<ResidentRequestContext>) {
        let flow = self.flow, links = self.links

        router.get(RouterPath(ResidentPaths.services + "/:code")) { _, context -> Response in
            let service = try await Self.onlineService(context, flow: flow)
            return try flow.renderer.response(Self.startPage(service, context))
        }

        let signedIn = router.group(RouterPath(""), context: SignedInResidentContext.self)
        signedIn.post(RouterPath(ResidentPaths.services + "/:code/start")) { request, context -> Response in
            let service = try await Self.onlineService(context, flow: flow)
            guard service.channels.contains(.online) else { throw HTTPError(.notFound) }
            return try await flow.start(service, for: .resident(customerID: context.customer.id),
                                        place: Self.place(request, context, filler: .resident(customerID: context.customer.id), links: links), channel: .online)
        }
        signedIn.post(RouterPath(ResidentPaths.forms + "/:draft/already-reported/:reference")) { request, context -> Response in
            let followed = try await flow.followInstead(draftID: try context.parameters.require("draft"), reference: try context.parameters.require("reference"),
                                                        place: Self.place(request, context, filler: .resident(customerID: context.customer.id), links: links), customerID: context.customer.id)
            return .redirect(to: context.basePath + ResidentPaths.requests + "/" + followed.reference.description + "?saved=followed")
        }

        router.get(RouterPath(ResidentPaths.forms + "/:draft")) { request, context -> Response in
            try await flow.showCheck(draftID: try context.parameters.require("draft"), place: Self.place(request, context, filler: try Self.filler(request, context), links: links))
        }
        router.post(RouterPath(ResidentPaths.forms + "/:draft")) { request, context -> Response in
            try await flow.send(draftID: try context.parameters.require("draft"), place: Self.place(request, context, filler: try Self.filler(request, context), links: links))
        }
        router.get(RouterPath(ResidentPaths.forms + "/:draft/:field")) { request, context -> Response in
            try await flow.showQuestion(request, draftID: try context.parameters.require("draft"),
                                        fieldID: try context.parameters.require("field"), place: Self.place(request, context, filler: try Self.filler(request, context), links: links))
        }
        router.post(RouterPath(ResidentPaths.forms + "/:draft/:field")) { request, context -> Response in
            try await flow.answerQuestion(request, draftID: try context.parameters.require("draft"),
                                          fieldID: try context.parameters.require("field"), place: Self.place(request, context, filler: try Self.filler(request, context), links: links))
        }
    }

    /// The service's page: what it is, what happens next, and how to start: signed in, or as a
    /// guest where the service allows it.
    static func startPage(_ service: CouncilService, _ context: ResidentRequestContext, guestError: String? = nil,
                          typedEmail: String = "") -> ServiceStartPage {
        let pageHref = context.basePath + ResidentPaths.services + "/" + service.code.value
        let online = service.channels.contains(.online)
        let signedIn = context.residentSession != nil
        let language = context.language
        let otherChannels = ServiceChannel.allCases.filter { $0 != .online && service.channels.contains($0) }
            .map { L("channel_" + $0.rawValue.replacingOccurrences(of: "-", with: "_"), language) }.joined(separator: ", ")
        let otherWays = otherChannels.isEmpty ? nil
            : L(service.isDigitalOnly ? "service_also_contact_digital" : "service_also_contact", language, ["channels": otherChannels])
        let guest = online && !signedIn && !service.needsAccount ? ServiceStartPage.GuestStart(
            action: pageHref + "/guest", csrfToken: context.csrfToken,
            email: TextInput(id: "guest-email", label: Label(L("guest_email_label", language)),
                             type: "email", hint: L("guest_email_hint", language),
                             error: guestError, value: typedEmail, autocomplete: "email", spellcheck: false),
            button: Button(L("guest_email_button", language), variant: .secondary)) : nil
        return ServiceStartPage(
            chrome: ChromeFactory.chrome(pageTitle: service.name, context: context, hasErrors: guestError != nil), heading: service.name,
            description: service.description, standard: service.standard.statement, needsAccount: service.needsAccount,
            signInHref: online && !signedIn ? context.basePath + ResidentPaths.signIn + SafeReturnPath.query(pageHref) : nil,
            action: online && signedIn ? pageHref + "/start" : nil, csrfToken: context.csrfToken, otherWays: otherWays, guest: guest,
            language: language)
    }

    /// An active service of this council, by the code in the path.
    static func onlineService(_ context: some CouncilScopedContext, flow: FormJourneyFlow) async throws -> CouncilService {
        guard let council = context.council, let code = context.parameters.get("code").flatMap(ServiceCode.init),
              let service = try await flow.services.find(code: code, councilID: council.id), service.isActive else {
            throw HTTPError(.notFound)
        }
        return service
    }

    /// Whose form this is: the signed-in resident's, or the guest's whose browser carries the
    /// secret from their link. Anyone else is asked to sign in.
    static func filler(_ request: Request, _ context: ResidentRequestContext) throws -> FormJourneyPlace.Filler {
        if let session = context.residentSession { return .resident(customerID: session.customer.id) }
        if let secret = request.cookies[GuestFormRoutes.cookieName]?.value, !secret.isEmpty {
            return .guest(tokenDigest: RandomToken.digest(secret))
        }
        throw SignInRequired(signInPath: ResidentPaths.signIn)
    }

    static func place(_ request: Request, _ context: some CouncilScopedContext & CSRFProtectedContext, filler: FormJourneyPlace.Filler,
                      links: PublicLinks) throws -> FormJourneyPlace {
        guard let council = context.council else { throw HTTPError(.notFound) }
        let basePath = context.basePath
        let isGuest = if case .guest = filler { true } else { false }
        return FormJourneyPlace(
            filler: filler, councilID: council.id, council: council, csrfToken: context.csrfToken,
            formsBase: basePath + ResidentPaths.forms,
            submittedHref: { _, reference in
                isGuest ? basePath + ResidentPaths.guestSent + "/" + reference.description
                    : basePath + ResidentPaths.requests + "/" + reference.description + "?sent=1"
            },
            requestLink: { reference in
                isGuest ? nil : links.url(ResidentPaths.requests + "/" + reference.description, request: request, context: context)
            },
            startHref: { service, _ in basePath + ResidentPaths.services + "/" + service.code.value },
            chrome: { title, hasErrors in ChromeFactory.chrome(pageTitle: title, context: context, hasErrors: hasErrors) },
            language: context.language)
    }
}
