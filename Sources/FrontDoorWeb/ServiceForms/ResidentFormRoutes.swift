import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// The resident portal's side of service forms: a service's page, its question pages, check
/// your answers and sending. Forms need a signed-in resident for now (guest journeys come with
/// the portal).
struct ResidentFormRoutes {
    let flow: FormJourneyFlow
    let links: PublicLinks

    func register(on router: Router<ResidentRequestContext>) {
        let flow = self.flow, links = self.links

        router.get(RouterPath(ResidentPaths.services + "/:code")) { _, context -> Response in
            let service = try await Self.onlineService(context, flow: flow)
            let pageHref = context.basePath + ResidentPaths.services + "/" + service.code.value
            let online = service.channels.contains(.online)
            let signedIn = context.residentSession != nil
            let otherWays = service.channels.subtracting([.online]).isEmpty ? nil
                : "You can also contact us by " + ServiceChannel.allCases.filter { $0 != .online && service.channels.contains($0) }
                    .map { $0.displayName.lowercased() }.joined(separator: ", ") + (service.isDigitalOnly ? " if you cannot use the online service." : ".")
            return try flow.renderer.response(ServiceStartPage(
                chrome: ChromeFactory.chrome(pageTitle: service.name, context: context), heading: service.name,
                description: service.description, standard: service.standard.statement, needsAccount: service.needsAccount,
                signInHref: online && !signedIn ? context.basePath + ResidentPaths.signIn + SafeReturnPath.query(pageHref) : nil,
                action: online && signedIn ? pageHref + "/start" : nil, csrfToken: context.csrfToken, otherWays: otherWays))
        }

        let signedIn = router.group(RouterPath(""), context: SignedInResidentContext.self)
        signedIn.post(RouterPath(ResidentPaths.services + "/:code/start")) { request, context -> Response in
            let service = try await Self.onlineService(context, flow: flow)
            guard service.channels.contains(.online) else { throw HTTPError(.notFound) }
            return try await flow.start(service, for: .resident(customerID: context.customer.id), place: Self.place(request, context, links: links), channel: .online)
        }
        signedIn.get(RouterPath(ResidentPaths.forms + "/:draft")) { request, context -> Response in
            try await flow.showCheck(draftID: try context.parameters.require("draft"), place: Self.place(request, context, links: links))
        }
        signedIn.post(RouterPath(ResidentPaths.forms + "/:draft")) { request, context -> Response in
            try await flow.send(draftID: try context.parameters.require("draft"), place: Self.place(request, context, links: links))
        }
        signedIn.post(RouterPath(ResidentPaths.forms + "/:draft/already-reported/:reference")) { request, context -> Response in
            let followed = try await flow.followInstead(draftID: try context.parameters.require("draft"), reference: try context.parameters.require("reference"),
                                                        place: Self.place(request, context, links: links), customerID: context.customer.id)
            return .redirect(to: context.basePath + ResidentPaths.requests + "/" + followed.reference.description + "?saved=followed")
        }
        signedIn.get(RouterPath(ResidentPaths.forms + "/:draft/:field")) { request, context -> Response in
            try await flow.showQuestion(request, draftID: try context.parameters.require("draft"),
                                        fieldID: try context.parameters.require("field"), place: Self.place(request, context, links: links))
        }
        signedIn.post(RouterPath(ResidentPaths.forms + "/:draft/:field")) { request, context -> Response in
            try await flow.answerQuestion(request, draftID: try context.parameters.require("draft"),
                                          fieldID: try context.parameters.require("field"), place: Self.place(request, context, links: links))
        }
    }

    /// An active service of this council, by the code in the path.
    static func onlineService(_ context: some CouncilScopedContext, flow: FormJourneyFlow) async throws -> CouncilService {
        guard let council = context.council, let code = context.parameters.get("code").flatMap(ServiceCode.init),
              let service = try await flow.services.find(code: code, councilID: council.id), service.isActive else {
            throw HTTPError(.notFound)
        }
        return service
    }

    static func place(_ request: Request, _ context: SignedInResidentContext, links: PublicLinks) throws -> FormJourneyPlace {
        guard let council = context.council else { throw HTTPError(.notFound) }
        let basePath = context.basePath
        return FormJourneyPlace(
            filler: .resident(customerID: context.customer.id), councilID: council.id, council: council, csrfToken: context.csrfToken,
            formsBase: basePath + ResidentPaths.forms,
            submittedHref: { _, reference in basePath + ResidentPaths.requests + "/" + reference.description + "?sent=1" },
            requestLink: { reference in links.url(ResidentPaths.requests + "/" + reference.description, request: request, context: context) },
            startHref: { service, _ in basePath + ResidentPaths.services + "/" + service.code.value },
            chrome: { title, hasErrors in ChromeFactory.chrome(pageTitle: title, council: council, basePath: basePath, hasErrors: hasErrors) })
    }
}
