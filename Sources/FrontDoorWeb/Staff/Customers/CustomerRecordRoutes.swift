import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// Staff finding a customer and reading their record. Every view of a record is written to the
/// audit trail (who, which customer, when, from where): personal data is read on purpose, and
/// the council can show who read it.
struct CustomerRecordRoutes {
    let renderer: PageRenderer
    let customers: CustomerRepository
    let consents: ConsentRepository
    let audit: AuditTrail
    let services: ServiceRepository
    let forms: ServiceFormRepository
    let cases: CaseRepository
    let search: CustomerSearchIndex
    let contacts: ContactRepository
    let flags: CustomerFlagRepository
    let callbacks: CallbackRepository
    let guidance: AdvisorGuidanceRepository

    init(renderer: PageRenderer, database: Database, hasher: PasswordHasher) {
        self.renderer = renderer
        self.customers = CustomerRepository(database: database, hasher: hasher)
        self.consents = ConsentRepository(database: database)
        self.audit = AuditTrail(database: database)
        self.services = ServiceRepository(database: database)
        self.forms = ServiceFormRepository(database: database)
        self.cases = CaseRepository(database: database)
        self.search = CustomerSearchIndex(database: database)
        self.contacts = ContactRepository(database: database)
        self.flags = CustomerFlagRepository(database: database)
        self.callbacks = CallbackRepository(database: database)
        self.guidance = AdvisorGuidanceRepository(database: database)
    }

    func register(on router: Router<ResidentRequestContext>) {
        let routes = self, renderer = self.renderer, search = self.search
        let staff = router.group(RouterPath(StaffPaths.home), context: StaffRequestContext.self)

        staff.get("customers") { request, context -> Response in
            try context.require(.viewCustomer)
            // Read as the form sends it ("+" for a space); `email=` is what links made before the one box.
            let query = (try? FormInput(urlEncoded: request.uri.query ?? "")) ?? FormInput([:])
            let typed = String((query["q"].isEmpty ? query["email"] : query["q"]).trimmingCharacters(in: .whitespaces).prefix(200))
            let found = typed.isEmpty ? nil : try await search.search(typed, councilID: context.staff.councilID)
            return try renderer.response(CustomerSearchPage(
                chrome: ChromeFactory.chrome(pageTitle: "Find a customer", context: context), basePath: context.basePath,
                typed: typed, found: found))
        }

        staff.get("customers/:id") { request, context -> Response in
            try context.require(.viewCustomer)
            if let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)),
               let survivor = try await routes.customers.mergedInto(id: id, councilID: context.staff.councilID) {
                return .redirect(to: context.basePath + StaffPaths.customers + "/" + survivor.uuidString)
            }
            let customer = try await routes.customer(context)
            let query = request.uri.queryParameters
            let done = CustomerRecordRoutes.confirmations.first { query[Substring($0.key)] != nil }?.value
            return try await routes.recordPage(customer, context, banner: done.map { NotificationBanner(heading: $0, isSuccess: true) },
                                               guidanceFor: query["guidance"].flatMap { UUID(uuidString: String($0)) })
        }

        staff.get("contacts") { request, context -> Response in
            try context.require(.logContact)
            let query = request.uri.queryParameters
            let banner: NotificationBanner? = query["logged"] != nil ? NotificationBanner(heading: "The contact has been logged", isSuccess: true)
                : query["linked"] != nil ? NotificationBanner(heading: "The contact has been linked to the customer's record", isSuccess: true) : nil
            return try await routes.unknownCallers(context, banner: banner)
        }

        staff.post("contacts") { request, context -> Response in
            try context.require(.logContact)
            let form = try await FormInput.read(from: request, context: context)
            switch ContactEntry.check(channel: form["contact-channel"], outcome: form["contact-outcome"], demand: form["contact-demand"],
                                      duration: form["contact-duration"], notes: form["contact-notes"]) {
            case .failure(let problems):
                return try await routes.unknownCallers(context, problems: problems.all, typed: form, status: .unprocessableContent)
            case .success(let entry):
                let service = try await routes.chosenService(form["contact-service"], context)
                try await routes.contacts.record(Contact(
                    councilID: context.staff.councilID, customerID: nil, channel: entry.channel, serviceID: service?.id,
                    outcome: entry.outcome, demand: entry.demand, durationMinutes: entry.durationMinutes, notes: entry.notes,
                    staffID: context.staff.id, staffName: context.staff.displayName, recordedAt: Date()))
                return .redirect(to: context.basePath + StaffPaths.contacts + "?logged=1")
            }
        }

        staff.post("contacts/:contact/link") { request, context -> Response in
            try context.require(.logContact)
            try context.require(.viewCustomer)
            guard let contactID = context.parameters.get("contact").flatMap(UUID.init(uuidString:)),
                  try await routes.contacts.find(id: contactID, councilID: context.staff.councilID) != nil else { throw HTTPError(.notFound) }
            let form = try await FormInput.read(from: request, context: context)
            let typed = form["link-" + contactID.uuidString.lowercased()].trimmingCharacters(in: .whitespaces)
            let found = typed.isEmpty ? [] : try await search.search(typed, councilID: context.staff.councilID, limit: 2)
            guard found.count == 1, let customer = found.first else {
                let message = typed.isEmpty ? "Enter the customer's email, phone number or name"
                    : found.isEmpty ? "No customer matches ‘\(typed)’" : "More than one customer matches ‘\(typed)’: enter their email or phone number"
                return try await routes.unknownCallers(context, problems: [.init(field: "link-" + contactID.uuidString.lowercased(), message: message)],
                                                       linkTyped: [contactID: typed], status: .unprocessableContent)
            }
            _ = try await routes.contacts.link(contactID, to: customer.id, councilID: context.staff.councilID)
            return .redirect(to: context.basePath + StaffPaths.contacts + "?linked=1")
        }

        staff.post("customers/:id/contacts") { request, context -> Response in
            try context.require(.logContact)
            let customer = try await routes.customer(context)
            let form = try await FormInput.read(from: request, context: context)
            switch ContactEntry.check(channel: form["contact-channel"], outcome: form["contact-outcome"], demand: form["contact-demand"],
                                      duration: form["contact-duration"], notes: form["contact-notes"]) {
            case .failure(let problems):
                return try await routes.recordPage(customer, context, problems: problems.all, typed: form, status: .unprocessableContent)
            case .success(let entry):
                let service = try await routes.chosenService(form["contact-service"], context)
                try await routes.contacts.record(Contact(
                    councilID: context.staff.councilID, customerID: customer.id, channel: entry.channel, serviceID: service?.id,
                    outcome: entry.outcome, demand: entry.demand, durationMinutes: entry.durationMinutes, notes: entry.notes,
                    staffID: context.staff.id, staffName: context.staff.displayName, recordedAt: Date()))
                return .redirect(to: context.basePath + StaffPaths.customers + "/" + customer.id.uuidString + "?logged=1")
            }
        }
    }

    /// What the record says after each action on it (the query parameter each redirect adds).
    static let confirmations: KeyValuePairs<String, String> = [
        "logged": "The contact has been logged", "flagged": "The flag has been added", "unflagged": "The flag has been removed",
        "callback": "The callback has been booked", "merged": "The duplicate record has been merged into this one",
    ]

    func customer(_ context: StaffRequestContext) async throws -> Customer {
        try context.require(.viewCustomer)
        guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)),
              let customer = try await customers.find(id: id, councilID: context.staff.councilID) else {
            throw HTTPError(.notFound)
        }
        return customer
    }

    /// A service of this council chosen from a list by id; nil for "not about one service" (or one that is not theirs).
    func chosenService(_ value: String, _ context: StaffRequestContext) async throws -> CouncilService? {
        guard let id = UUID(uuidString: value) else { return nil }
        return try await services.find(id: id, councilID: context.staff.councilID)
    }

    /// The record, every view of it written to the audit trail.
    func recordPage(_ customer: Customer, _ context: StaffRequestContext, banner: NotificationBanner? = nil,
                    problems: [FieldProblem] = [], typed: FormInput? = nil, guidanceFor: UUID? = nil,
                    status: HTTPResponse.Status = .ok) async throws -> Response {
        try await audit.record(AuditEvent(
            councilID: context.staff.councilID, occurredAt: Date(), actorID: context.staff.id, actor: context.staff.email,
            kind: .customerRecordViewed, subject: "customer \(customer.id.uuidString) (\(customer.email ?? customer.name))",
            address: context.remoteAddress))
        let catalogue = try await services.all(councilID: context.staff.councilID)
        let names = Dictionary(uniqueKeysWithValues: catalogue.map { ($0.id, $0.name) })
        var newRequest: CustomerRecordPage.NewRequestForm?
        if context.may(.createCaseForCustomer) {
            let withForms = try await forms.servicesWithForms(councilID: context.staff.councilID)
            let offered = catalogue.filter { $0.isActive && withForms.contains($0.id) }.sorted { $0.name < $1.name }
            newRequest = .init(
                action: context.basePath + StaffPaths.customers + "/" + customer.id.uuidString + "/requests",
                csrfToken: context.csrfToken,
                service: Select(id: "service", label: Label("Service"),
                                options: offered.map { (value: $0.code.value, text: $0.name) }),
                channel: Radios(ChoiceGroup(idPrefix: "channel", fieldset: Fieldset(legend: "How did they get in touch?"),
                                            options: StaffFormRoutes.assistedChannels.map { (value: $0.rawValue, text: $0.displayName, hint: nil) },
                                            selected: [ServiceChannel.phone.rawValue], isInline: true)),
                start: Button("Start the form"))
        }
        let requests = context.may(.viewCase) ? try await cases.all(customerID: customer.id).map { item in
            CustomerRecordPage.RequestLink(href: context.basePath + StaffPaths.cases + "/" + item.reference.description,
                                           text: item.reference.description + " " + (names[item.serviceID] ?? "Request") + " (" + item.status.displayName
                                               + (item.status.isOpen ? ", " + item.standardState.displayName.lowercased() : "") + ")",
                                           sent: UKDateFormat.dateAndTime(item.receivedAt))
        } : []
        let logContact = context.may(.logContact) ? ContactForm(
            action: context.basePath + StaffPaths.customers + "/" + customer.id.uuidString + "/contacts", csrfToken: context.csrfToken,
            services: catalogue.filter(\.isActive).sorted { $0.name < $1.name },
            typed: typed?.has("contact-channel") == true ? typed : nil, problems: problems) : nil
        var page = CustomerRecordPage(
            chrome: ChromeFactory.chrome(pageTitle: customer.name, context: context, hasErrors: !problems.isEmpty), basePath: context.basePath,
            customer: customer, consents: try await consents.current(customerID: customer.id), newRequest: newRequest,
            requests: requests)
        page.banner = banner
        page.errorSummary = problems.isEmpty ? nil : ErrorSummary(errors: problems.map { FieldError(fieldID: $0.field, message: $0.message) })
        page.contacts = ContactTable.make(try await contacts.all(customerID: customer.id, councilID: context.staff.councilID),
                                          services: names, caption: "Contacts")
        page.logContact = logContact
        let recordPath = context.basePath + StaffPaths.customers + "/" + customer.id.uuidString
        let mayEdit = context.may(.editCustomer)
        page.flags = FlagPanel(flags: try await flags.current(customerID: customer.id, councilID: context.staff.councilID),
                               member: context.member, mayEdit: mayEdit, recordPath: recordPath, csrfToken: context.csrfToken,
                               typed: typed, problems: problems)
        page.household = try await customers.household(of: customer).map {
            .init(href: context.basePath + StaffPaths.customers + "/" + $0.id.uuidString, text: $0.name, sent: $0.email ?? "")
        }
        page.callbacks = CallbackTable.make(try await callbacks.all(customerID: customer.id, councilID: context.staff.councilID),
                                            caption: "Callbacks", now: Date())
        if context.may(.logContact) {
            page.bookCallback = CallbackForm(action: recordPath + "/callbacks", csrfToken: context.csrfToken, phone: customer.phone,
                                             typed: typed, problems: problems)
            // The service being logged (after a failed save) is the one whose guidance is wanted.
            let chosen = guidanceFor ?? typed.flatMap { UUID(uuidString: $0["contact-service"]) }
            page.guidance = GuidancePanel(action: recordPath, services: catalogue.filter(\.isActive),
                                          guidance: try await guidance.all(councilID: context.staff.councilID), chosen: chosen)
        }
        if mayEdit {
            page.merge = MergeForm(action: recordPath + "/merge", csrfToken: context.csrfToken, typed: typed, problems: problems)
        }
        return try renderer.response(page, status: status)
    }

    func unknownCallers(_ context: StaffRequestContext, banner: NotificationBanner? = nil, problems: [FieldProblem] = [],
                        typed: FormInput? = nil, linkTyped: [UUID: String] = [:], status: HTTPResponse.Status = .ok) async throws -> Response {
        let catalogue = try await services.all(councilID: context.staff.councilID)
        let names = Dictionary(uniqueKeysWithValues: catalogue.map { ($0.id, $0.name) })
        let waiting = try await contacts.unlinked(councilID: context.staff.councilID).map { contact in
            let field = "link-" + contact.id.uuidString.lowercased()
            return UnknownCallerPage.Waiting(
                when: UKDateFormat.dateAndTime(contact.recordedAt),
                summary: [contact.channel.displayName, contact.serviceID.flatMap { names[$0] }, contact.outcome.displayName.lowercased(),
                          "logged by " + contact.staffName].compactMap { $0 }.joined(separator: ", "),
                notes: contact.notes, action: context.basePath + StaffPaths.contacts + "/" + contact.id.uuidString.lowercased() + "/link",
                csrfToken: context.csrfToken,
                query: TextInput(id: field, label: Label("Link to a customer: their email, phone number or name"),
                                 error: problems.first { $0.field == field }?.message, value: linkTyped[contact.id], spellcheck: false),
                link: Button("Link", variant: .secondary))
        }
        let page = UnknownCallerPage(
            chrome: ChromeFactory.chrome(pageTitle: "Unknown callers", context: context, hasErrors: !problems.isEmpty),
            errorSummary: problems.isEmpty ? nil : ErrorSummary(errors: problems.map { FieldError(fieldID: $0.field, message: $0.message) }),
            banner: banner, heading: "Log a contact from an unknown caller",
            form: ContactForm(action: context.basePath + StaffPaths.contacts, csrfToken: context.csrfToken,
                              services: catalogue.filter(\.isActive).sorted { $0.name < $1.name },
                              typed: typed, problems: problems.filter { $0.field.hasPrefix("contact-") }),
            waiting: waiting, hasWaiting: !waiting.isEmpty)
        return try renderer.response(page, status: status)
    }
}
