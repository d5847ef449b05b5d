import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// The question pages, check your answers and sending, over a draft: one implementation that
/// the resident portal and the advisor's assisted-digital pages both route to.
struct FormJourneyFlow: Sendable {
    let renderer: PageRenderer
    let services: ServiceRepository
    let forms: ServiceFormRepository
    let drafts: FormDraftRepository
    let attachments: AttachmentRepository
    let gazetteer: GazetteerRepository
    let customers: CustomerRepository
    let cases: CaseRepository
    let staffAccounts: StaffAccountRepository
    let calendars: CouncilCalendarRepository
    let outbox: EmailOutbox

    init(renderer: PageRenderer, database: Database, hasher: PasswordHasher, bankHolidays: BankHolidays, attachments: AttachmentRepository) {
        self.calendars = CouncilCalendarRepository(database: database, shipped: bankHolidays)
        self.staffAccounts = StaffAccountRepository(database: database, hasher: hasher)
        self.customers = CustomerRepository(database: database, hasher: hasher)
        self.cases = CaseRepository(database: database)
        self.renderer = renderer
        self.services = ServiceRepository(database: database)
        self.forms = ServiceFormRepository(database: database)
        self.drafts = FormDraftRepository(database: database)
        self.attachments = attachments
        self.gazetteer = GazetteerRepository(database: database)
        self.outbox = EmailOutbox(database: database)
    }

    struct Loaded {
        var draft: FormDraft
        var service: CouncilService
        var form: FormDefinition
        /// For staff: the customer the request is for.
        var customer: Customer?
    }

    /// The draft, its service and its form version; a draft that is not this person's is not found.
    func load(_ draftID: String, _ place: FormJourneyPlace) async throws -> Loaded {
        guard let draft = try await drafts.find(id: draftID), place.filler.mayOpen(draft), draft.councilID == place.councilID,
              let service = try await services.find(id: draft.serviceID, councilID: place.councilID),
              let form = try await forms.version(draft.formVersion, of: draft.serviceID) else {
            throw Refusal(.notFound, heading: L("form_unavailable", place.language),
                          explanation: L("form_unavailable_text", place.language))
        }
        var customer: Customer?
        if case .staff(_, let customerID) = draft.filler { customer = try await customers.find(id: customerID, councilID: place.councilID) }
        return Loaded(draft: draft, service: service, form: form, customer: customer)
    }

    /// Starts a draft of the service's current form and answers with its first question.
    func start(_ service: CouncilService, for filler: FormDraft.Filler, place: FormJourneyPlace, channel: ServiceChannel) async throws -> Response {
        guard let form = try await forms.latest(of: service.id) else {
            throw Refusal(.notFound, heading: L("no_online_form", place.language),
                          explanation: L("no_online_form_explanation", place.language))
        }
        var prefilled = FormSubmission([:])
        if case .resident(let customerID) = filler, let customer = try await customers.find(id: customerID, councilID: place.councilID) {
            prefilled = FormPrefill.answers(for: form, email: customer.email, phone: customer.phone, address: customer.address)
        }
        let draft = try await drafts.start(councilID: place.councilID, serviceID: service.id, formVersion: form.version,
                                           filler: filler, channel: channel, prefilled: prefilled, at: Date())
        let journey = FormJourney(form: form, submission: draft.answers)
        guard let first = journey.firstQuestion else { return .redirect(to: place.checkHref(draft.id)) }
        return .redirect(to: place.questionHref(draft.id, first.id))
    }

    // MARK: Question pages

    func showQuestion(_ request: Request, draftID: String, fieldID: String, place: FormJourneyPlace) async throws -> Response {
        let loaded = try await load(draftID, place)
        let journey = FormJourney(form: loaded.form, submission: loaded.draft.answers)
        guard let field = loaded.form.field(fieldID), journey.isAsked(fieldID) else {
            return .redirect(to: place.checkHref(draftID))
        }
        let changing = request.uri.queryParameters["change"] != nil
        var step = QuestionComponents.AddressStep.typeIn
        if field.kind == .address, request.uri.queryParameters["address"] != "manual" {
            step = try await storedAddressStep(field, answers: loaded.draft.answers, councilID: place.councilID)
        }
        return try questionPage(loaded, field: field, journey: journey, values: loaded.draft.answers, problem: nil, step: step,
                                changing: changing, place: place, status: .ok)
    }

    /// An address answered from the gazetteer reopens on its list; one typed in, as typed.
    func storedAddressStep(_ field: FieldDefinition, answers: FormSubmission, councilID: UUID) async throws -> QuestionComponents.AddressStep {
        let uprn = answers.values[field.id + "-uprn"]?.first
        if let uprn, let postcode = answers.values[field.id + "-postcode"]?.first.flatMap(Postcode.init) {
            let found = try await gazetteer.addresses(at: postcode, councilID: councilID)
            if !found.isEmpty { return .choose(postcode: postcode, addresses: found, selectedUPRN: uprn, error: nil) }
        }
        if answers.values[field.id + "-line1"]?.first != nil { return .typeIn }
        return .findByPostcode(postcode: "", error: nil)
    }

    func answerQuestion(_ request: Request, draftID: String, fieldID: String, place: FormJourneyPlace) async throws -> Response {
        let loaded = try await load(draftID, place)
        let before = FormJourney(form: loaded.form, submission: loaded.draft.answers)
        guard let field = loaded.form.field(fieldID), before.isAsked(fieldID) else {
            return .redirect(to: place.checkHref(draftID))
        }
        let changing = request.uri.queryParameters["change"] != nil
        let isMultipart = request.headers[.contentType].flatMap(MultipartForm.boundary(contentType:)) != nil
        let multipart = isMultipart ? try? await MultipartForm.read(from: request) : nil
        let input = isMultipart ? multipart?.fields ?? FormInput([:]) : try await FormInput.read(from: request)
        var page = FormSubmission(Dictionary(uniqueKeysWithValues: FormSubmission.inputNames(of: field).map { ($0, input.all($0)) }))
        var step = QuestionComponents.AddressStep.typeIn

        if field.kind == .address {
            switch input["action"] {
            case "find":
                return try await findAddresses(loaded, field: field, postcodeText: input[field.id + "-lookup"], before: before,
                                               changing: changing, place: place)
            case "choose":
                guard let postcode = Postcode(input[field.id + "-lookup"]),
                      case let found = try await gazetteer.addresses(at: postcode, councilID: place.councilID), !found.isEmpty else {
                    return try await findAddresses(loaded, field: field, postcodeText: input[field.id + "-lookup"], before: before,
                                                   changing: changing, place: place)
                }
                guard let chosen = found.first(where: { $0.uprn.value == input[field.id + "-uprn"] }) else {
                    return try questionPage(loaded, field: field, journey: before, values: loaded.draft.answers,
                                            problem: AnswerProblem(fieldID: field.id, message: "Select the address"),
                                            step: .choose(postcode: postcode, addresses: found, selectedUPRN: nil, error: nil),
                                            changing: changing, place: place, status: .unprocessableContent)
                }
                page = FormSubmission([field.id + "-line1": [chosen.address.line1], field.id + "-line2": [chosen.address.line2],
                                       field.id + "-town": [chosen.address.town], field.id + "-postcode": [chosen.address.postcode.value],
                                       field.id + "-uprn": [chosen.uprn.value]])
                step = .choose(postcode: postcode, addresses: found, selectedUPRN: chosen.uprn.value, error: nil)
            default:
                // Typed in: a UPRN is only ever one the lookup chose, never one sent with typed lines.
                page.values[field.id + "-uprn"] = []
            }
        }

        var uploaded: UploadedFile?
        if field.kind == .fileUpload {
            if let file = multipart?.files[field.id] {
                uploaded = file
                page = FormSubmission([field.id + "-name": [file.fileName], field.id + "-size": [String(file.data.count)],
                                       field.id + "-type": [FileSignature.contentType(of: file.data) ?? "unrecognised"]])
            } else {
                // No new file: the one sent before (if any) stands.
                page = loaded.draft.answers.keeping([field])
            }
        }

        var answers = loaded.draft.answers.replacing(field, from: page)
        let after = FormJourney(form: loaded.form, submission: answers)
        if let problem = after.problem(with: field.id) {
            return try questionPage(loaded, field: field, journey: after, values: answers, problem: problem, step: step,
                                    changing: changing, place: place, status: .unprocessableContent)
        }
        if let uploaded {
            let attachment = try await attachments.attach(uploaded.data, fileName: uploaded.fileName,
                                                          contentType: answers.values[field.id + "-type"]?.first ?? "",
                                                          fieldID: field.id, to: loaded.draft, at: Date())
            answers.values[field.id + "-attachment"] = [attachment.id.uuidString]
        }
        try await drafts.saveAnswers(answers, draftID: draftID, at: Date())
        if changing { return .redirect(to: place.checkHref(draftID)) }
        if let next = after.question(after: field.id) { return .redirect(to: place.questionHref(draftID, next.id)) }
        return .redirect(to: place.checkHref(draftID))
    }

    func findAddresses(_ loaded: Loaded, field: FieldDefinition, postcodeText: String, before: FormJourney, changing: Bool,
                       place: FormJourneyPlace) async throws -> Response {
        let step: QuestionComponents.AddressStep
        var message: String?
        if postcodeText.isEmpty {
            message = "Enter a postcode"
        } else if let postcode = Postcode(postcodeText) {
            let found = try await gazetteer.addresses(at: postcode, councilID: place.councilID)
            if found.isEmpty {
                message = "We could not find any addresses at \(postcode.value). Check the postcode, or enter the address manually"
            } else {
                return try questionPage(loaded, field: field, journey: before, values: loaded.draft.answers, problem: nil,
                                        step: .choose(postcode: postcode, addresses: found, selectedUPRN: nil, error: nil),
                                        changing: changing, place: place, status: .ok)
            }
        } else {
            message = "Enter a real postcode, like KM1 1AA"
        }
        step = .findByPostcode(postcode: postcodeText, error: message)
        return try questionPage(loaded, field: field, journey: before, values: loaded.draft.answers,
                                problem: message.map { AnswerProblem(fieldID: field.id, message: $0) }, step: step,
                                changing: changing, place: place, status: .unprocessableContent)
    }

    func questionPage(_ loaded: Loaded, field: FieldDefinition, journey: FormJourney, values: FormSubmission, problem: AnswerProblem?,
                      step: QuestionComponents.AddressStep, changing: Bool, place: FormJourneyPlace,
                      status: HTTPResponse.Status) throws -> Response {
        let draftID = loaded.draft.id
        let pageHref = place.questionHref(draftID, field.id, changing: changing)
        let backHref = changing ? place.checkHref(draftID)
            : journey.question(before: field.id).map { place.questionHref(draftID, $0.id) } ?? place.startHref(loaded.service, loaded.draft)
        var stepWithError = step
        if case .choose(let postcode, let found, let selected, nil) = step, let problem {
            stepWithError = .choose(postcode: postcode, addresses: found, selectedUPRN: selected, error: problem.message)
        }
        let components = QuestionComponents(field: field, values: values, problem: problem, addressStep: stepWithError,
                                            currentFileName: loaded.draft.answers.values[field.id + "-name"]?.first, pageHref: pageHref,
                                            language: place.language)
        let errors = problem.map { [FieldError(fieldID: QuestionComponents.anchor(for: $0, field: field, addressStep: step), message: $0.message)] } ?? []
        return try renderer.response(QuestionPage(
            chrome: place.chrome(field.label, problem != nil), backHref: backHref, caption: loaded.service.name, action: pageHref,
            csrfToken: place.csrfToken, question: components, errors: errors, language: place.language), status: status)
    }

    // MARK: Check your answers and sending

    func showCheck(draftID: String, place: FormJourneyPlace) async throws -> Response {
        let loaded = try await load(draftID, place)
        let journey = FormJourney(form: loaded.form, submission: loaded.draft.answers)
        if let unfinished = journey.firstUnfinished { return .redirect(to: place.questionHref(draftID, unfinished.id)) }
        return try await checkPage(loaded, journey: journey, place: place, problems: [], status: .ok)
    }

    func checkPage(_ loaded: Loaded, journey: FormJourney, place: FormJourneyPlace, problems: [AnswerProblem],
                   status: HTTPResponse.Status) async throws -> Response {
        let draftID = loaded.draft.id
        let checked = loaded.form.check(loaded.draft.answers)
        // Already reported? Open reports of the same kind within 50 metres of the place given.
        var nearby: [CheckAnswersPage.Nearby] = []
        for case .location(let latitude, let longitude) in checked.answers.values {
            nearby = try await cases.nearbyOpen(serviceID: loaded.service.id, councilID: place.councilID, latitude: latitude, longitude: longitude)
                .map { item, metres in
                    var follow: String?
                    if case .resident = place.filler { follow = place.draftBase(draftID) + "/already-reported/" + item.reference.description }
                    return .init(text: L("check_nearby", place.language, ["reference": item.reference.description, "metres": String(Int(metres.rounded())),
                                                                          "when": UKDateFormat.dateAndTime(item.receivedAt, place.language)]),
                                 followAction: follow,
                                 followButton: Button(L("check_follow", place.language, ["reference": item.reference.description]), variant: .secondary))
                }
        }
        var page = CheckAnswersPage(
            chrome: place.chrome(L("check_title", place.language), !problems.isEmpty),
            backHref: journey.questions.last.map { place.questionHref(draftID, $0.id) } ?? place.startHref(loaded.service, loaded.draft),
            caption: loaded.service.name,
            answers: AnswerText.summary(form: loaded.form, answers: checked.answers, asked: journey.questions,
                                        change: { place.questionHref(draftID, $0.id, changing: true) }, language: place.language),
            nearby: nearby,
            onBehalfOf: loaded.customer.map { "You are sending this request for \($0.name), received by \(loaded.draft.channel.displayName.lowercased())." }, action: place.checkHref(draftID), csrfToken: place.csrfToken,
            language: place.language)
        if !problems.isEmpty {
            // Each error links to the question's own page, where it can be put right.
            var summary = ErrorSummary(errors: [])
            summary.errorList = problems.map { .init(text: $0.message, href: place.questionHref(draftID, $0.fieldID, changing: true)) }
            page.errorSummary = summary
        }
        return try renderer.response(page, status: status)
    }

    /// Sends the draft when every answer holds; otherwise shows every problem at once and makes nothing.
    func send(draftID: String, place: FormJourneyPlace) async throws -> Response {
        let loaded = try await load(draftID, place)
        let journey = FormJourney(form: loaded.form, submission: loaded.draft.answers)
        let checked = loaded.form.check(loaded.draft.answers)
        guard checked.isValid else {
            return try await checkPage(loaded, journey: journey, place: place, problems: checked.problems, status: .unprocessableContent)
        }
        let rules = try await calendars.rules(for: place.council).intake
        var customer = loaded.customer
        if customer == nil, let customerID = loaded.draft.filler.customerID { customer = try await customers.find(id: customerID, councilID: place.councilID) }
        let forCustomer = customer
        var staffName: String?
        if case .staff(let staffID, _) = loaded.draft.filler { staffName = try await staffAccounts.find(id: staffID)?.displayName }
        let form = loaded.form, service = loaded.service, submittedBy = staffName, outbox = self.outbox, council = place.council
        let requestLink = place.requestLink
        // A guest has no customer record: the confirmation goes to the address they proved.
        let recipient = forCustomer.flatMap { customer in
            customer.email.map { ($0, customer.name, SiteLanguage.forCorrespondence(customer.language)) }
        } ?? loaded.draft.filler.guestEmail.map { ($0, "", place.language) }
        guard let (sent, opened) = try await drafts.submit(loaded.draft, answers: checked, asked: journey.questions, at: Date(), then: { submitted, db in
            let opened = try await CaseRepository.open(for: submitted, form: form, service: service, rules: rules, customerName: forCustomer?.name,
                                                       submittedByName: submittedBy, on: db)
            if let (address, name, language) = recipient {
                try await outbox.enqueue(RequestEmails.received(opened, service: service, council: council, to: address, name: name,
                                                                link: requestLink(opened.reference), language: language),
                                         at: submitted.submittedAt, on: db)
            }
            return opened
        }) else {
            throw Refusal(.conflict, heading: L("form_already_sent", place.language),
                          explanation: L("form_already_sent_text", place.language))
        }
        return .redirect(to: place.submittedHref(sent.id, opened.reference))
    }

    /// "Already reported? Follow that one": the resident follows the open report close by
    /// instead of sending theirs, which is thrown away. Only a report the check page offered
    /// (same service, open, within 50 metres of the place given) can be followed this way.
    func followInstead(draftID: String, reference: String, place: FormJourneyPlace, customerID: UUID) async throws -> Case {
        let loaded = try await load(draftID, place)
        let checked = loaded.form.check(loaded.draft.answers)
        var offered: [Case] = []
        for case .location(let latitude, let longitude) in checked.answers.values {
            offered += try await cases.nearbyOpen(serviceID: loaded.service.id, councilID: place.councilID, latitude: latitude, longitude: longitude)
                .map(\.0)
        }
        guard let item = offered.first(where: { $0.reference.description == reference }) else {
            throw Refusal(.notFound, heading: L("follow_unavailable", place.language),
                          explanation: L("follow_unavailable_text", place.language))
        }
        try await cases.follow(caseID: item.id, customerID: customerID, at: Date())
        try await attachments.discardDraft(id: draftID)
        return item
    }
}
