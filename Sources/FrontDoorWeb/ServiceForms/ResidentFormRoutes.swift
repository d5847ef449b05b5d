import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// The resident portal's side of service forms: a service's page, its question pages, check
/// your answers and the request as sent. Forms need a signed-in resident for now (guest
/// journeys come with the portal).
struct ResidentFormRoutes {
    let flow: FormJourneyFlow
    let submissions: SubmittedFormRepository
    let cases: CaseRepository

    func register(on router: Router<ResidentRequestContext>) {
        let flow = self.flow, submissions = self.submissions, cases = self.cases

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
        signedIn.post(RouterPath(ResidentPaths.services + "/:code/start")) { _, context -> Response in
            let service = try await Self.onlineService(context, flow: flow)
            guard service.channels.contains(.online) else { throw HTTPError(.notFound) }
            return try await flow.start(service, for: .resident(customerID: context.customer.id), place: Self.place(context), channel: .online)
        }
        signedIn.get(RouterPath(ResidentPaths.forms + "/:draft")) { _, context -> Response in
            try await flow.showCheck(draftID: try context.parameters.require("draft"), place: Self.place(context))
        }
        signedIn.post(RouterPath(ResidentPaths.forms + "/:draft")) { _, context -> Response in
            try await flow.send(draftID: try context.parameters.require("draft"), place: Self.place(context))
        }
        signedIn.get(RouterPath(ResidentPaths.forms + "/:draft/:field")) { request, context -> Response in
            try await flow.showQuestion(request, draftID: try context.parameters.require("draft"),
                                        fieldID: try context.parameters.require("field"), place: Self.place(context))
        }
        signedIn.post(RouterPath(ResidentPaths.forms + "/:draft/:field")) { request, context -> Response in
            try await flow.answerQuestion(request, draftID: try context.parameters.require("draft"),
                                          fieldID: try context.parameters.require("field"), place: Self.place(context))
        }
        signedIn.get(RouterPath(ResidentPaths.requests + "/:id")) { _, context -> Response in
            guard let council = context.council, let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)),
                  let sent = try await submissions.find(id: id, councilID: council.id), sent.customerID == context.customer.id,
                  let service = try await flow.services.find(id: sent.serviceID, councilID: council.id),
                  let form = try await flow.forms.version(sent.formVersion, of: sent.serviceID) else { throw HTTPError(.notFound) }
            let opened = try await cases.find(submissionID: sent.id)
            return try flow.renderer.response(SubmittedFormPage(
                chrome: ChromeFactory.chrome(pageTitle: "Request sent", context: context),
                panel: Panel(titleText: "Request sent", text: service.name + (opened == nil ? "" : ". Your reference is"),
                             reference: opened?.reference.description),
                heading: nil,
                whatHappensNext: service.standard.statement + "." + (opened.map { " We will deal with it by " + CaseDates.due($0.resolveBy) + "." } ?? "")
                    + " Quote your reference if you contact us about it.",
                answers: AnswerText.summary(form: form, answers: sent.answers),
                links: [.init(href: context.basePath + ResidentPaths.account, text: "Go to your account")]))
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

    static func place(_ context: SignedInResidentContext) throws -> FormJourneyPlace {
        guard let council = context.council else { throw HTTPError(.notFound) }
        let basePath = context.basePath
        return FormJourneyPlace(
            filler: .resident(customerID: context.customer.id), councilID: council.id, council: council, csrfToken: context.csrfToken,
            formsBase: basePath + ResidentPaths.forms, submittedBase: basePath + ResidentPaths.requests,
            startHref: { service, _ in basePath + ResidentPaths.services + "/" + service.code.value },
            chrome: { title, hasErrors in ChromeFactory.chrome(pageTitle: title, council: council, basePath: basePath, hasErrors: hasErrors) })
    }
}
