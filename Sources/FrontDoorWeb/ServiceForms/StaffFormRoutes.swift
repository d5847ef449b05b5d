import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// Assisted digital: an advisor fills in a service's online form for a customer, through the
/// same question pages and rules as the resident's own (`FormJourneyFlow`). The request made is
/// the customer's, with the channel it came in by and the advisor who sent it.
struct StaffFormRoutes {
    let flow: FormJourneyFlow
    var customers: CustomerRepository { flow.customers }
    let submissions: SubmittedFormRepository
    let attachments: AttachmentRepository
    let cases: CaseRepository

    /// The channels an advisor takes requests on (online is the resident's own).
    static let assistedChannels: [ServiceChannel] = [.phone, .faceToFace, .email, .post]

    func register(on router: Router<ResidentRequestContext>) {
        let flow = self.flow, customers = self.customers, submissions = self.submissions, attachments = self.attachments, cases = self.cases
        let staff = router.group(RouterPath(StaffPaths.home), context: StaffRequestContext.self)

        staff.post("customers/:id/requests") { request, context -> Response in
            try context.require(.createCaseForCustomer)
            guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)),
                  let customer = try await customers.find(id: id, councilID: context.staff.councilID) else { throw HTTPError(.notFound) }
            let form = try await FormInput.read(from: request)
            guard let code = ServiceCode(form["service"]),
                  let service = try await flow.services.find(code: code, councilID: context.staff.councilID), service.isActive,
                  let channel = ServiceChannel(rawValue: form["channel"]), Self.assistedChannels.contains(channel) else {
                throw Refusal(.unprocessableContent, heading: "Choose a service and how the customer got in touch",
                              explanation: "Go back to the customer's record, choose a service with an online form and the channel, then start again.")
            }
            return try await flow.start(service, for: .staff(staffID: context.staff.id, forCustomerID: customer.id), place: try Self.place(context),
                                        channel: channel)
        }
        staff.get("forms/:draft") { _, context -> Response in
            try context.require(.createCaseForCustomer)
            return try await flow.showCheck(draftID: try context.parameters.require("draft"), place: try Self.place(context))
        }
        staff.post("forms/:draft") { _, context -> Response in
            try context.require(.createCaseForCustomer)
            return try await flow.send(draftID: try context.parameters.require("draft"), place: try Self.place(context))
        }
        staff.get("forms/:draft/:field") { request, context -> Response in
            try context.require(.createCaseForCustomer)
            return try await flow.showQuestion(request, draftID: try context.parameters.require("draft"),
                                               fieldID: try context.parameters.require("field"), place: try Self.place(context))
        }
        staff.post("forms/:draft/:field") { request, context -> Response in
            try context.require(.createCaseForCustomer)
            return try await flow.answerQuestion(request, draftID: try context.parameters.require("draft"),
                                                 fieldID: try context.parameters.require("field"), place: try Self.place(context))
        }

        staff.get("requests/:id") { _, context -> Response in
            try context.require(.viewCase)
            let councilID = context.staff.councilID
            guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)),
                  let sent = try await submissions.find(id: id, councilID: councilID),
                  let service = try await flow.services.find(id: sent.serviceID, councilID: councilID),
                  let form = try await flow.forms.version(sent.formVersion, of: sent.serviceID) else { throw HTTPError(.notFound) }
            var customer: Customer?
            if let customerID = sent.customerID { customer = try await customers.find(id: customerID, councilID: councilID) }
            let files = try await attachments.all(submissionID: sent.id)
            let opened = try await cases.find(submissionID: sent.id)
            let base = context.basePath + StaffPaths.requests + "/" + sent.id.uuidString.lowercased()
            var links = files.map { SubmittedFormPage.Link(href: base + "/files/" + $0.id.uuidString.lowercased(),
                                                           text: "Download \($0.fileName) (\(AnswerText.fileSize($0.byteCount)))") }
            if let opened {
                links.insert(.init(href: context.basePath + StaffPaths.cases + "/" + opened.reference.description,
                                   text: "Open the case \(opened.reference.description)"), at: 0)
            }
            if let customer {
                links.append(.init(href: context.basePath + StaffPaths.customers + "/" + customer.id.uuidString, text: "Back to \(customer.name)"))
            }
            return try flow.renderer.response(SubmittedFormPage(
                chrome: ChromeFactory.chrome(pageTitle: service.name, context: context), panel: nil,
                heading: (opened.map { $0.reference.description + ": " } ?? "") + service.name + (customer.map { " for " + $0.name } ?? ""),
                whatHappensNext: "Sent \(UKDateFormat.dateAndTime(sent.submittedAt)) by \(sent.channel.displayName.lowercased()), "
                    + "with form version \(sent.formVersion). \(service.standard.statement)."
                    + (opened.map { " Status: \($0.status.displayName). Acknowledge by \(CaseDates.date($0.acknowledgeBy)); resolve by \(CaseDates.due($0.resolveBy))." } ?? ""),
                answers: AnswerText.summary(form: form, answers: sent.answers), links: links))
        }

        staff.get("requests/:id/files/:file") { _, context -> Response in
            try context.require(.viewCase)
            guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)),
                  let fileID = context.parameters.get("file").flatMap(UUID.init(uuidString:)),
                  let (attachment, data) = try await attachments.file(id: fileID, submissionID: id),
                  attachment.councilID == context.staff.councilID else { throw HTTPError(.notFound) }
            return AttachmentDownload.response(attachment, data)
        }
    }

    static func place(_ context: StaffRequestContext) throws -> FormJourneyPlace {
        guard let council = context.council else { throw HTTPError(.notFound) }
        let basePath = context.basePath
        return FormJourneyPlace(
            filler: .staff(staffID: context.staff.id), councilID: context.staff.councilID, council: council,
            csrfToken: context.csrfToken, formsBase: basePath + StaffPaths.forms,
            submittedHref: { id, _ in basePath + StaffPaths.requests + "/" + id.uuidString.lowercased() }, requestLink: { _ in nil },
            startHref: { _, draft in basePath + StaffPaths.customers + "/" + (draft.filler.customerID?.uuidString.lowercased() ?? "") },
            chrome: { title, hasErrors in ChromeFactory.chrome(pageTitle: title, council: council, basePath: basePath, hasErrors: hasErrors) })
    }
}
