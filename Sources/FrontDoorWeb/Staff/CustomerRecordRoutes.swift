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

    init(renderer: PageRenderer, database: Database, hasher: PasswordHasher) {
        self.renderer = renderer
        self.customers = CustomerRepository(database: database, hasher: hasher)
        self.consents = ConsentRepository(database: database)
        self.audit = AuditTrail(database: database)
        self.services = ServiceRepository(database: database)
        self.forms = ServiceFormRepository(database: database)
        self.cases = CaseRepository(database: database)
        self.search = CustomerSearchIndex(database: database)
    }

    func register(on router: Router<ResidentRequestContext>) {
        let renderer = self.renderer, customers = self.customers, consents = self.consents, audit = self.audit
        let services = self.services, forms = self.forms, cases = self.cases, search = self.search
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

        staff.get("customers/:id") { _, context -> Response in
            try context.require(.viewCustomer)
            guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)),
                  let customer = try await customers.find(id: id, councilID: context.staff.councilID) else {
                throw HTTPError(.notFound)
            }
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
                                               text: item.reference.description + " " + (names[item.serviceID] ?? "Request") + " (" + item.status.displayName + ")",
                                               sent: UKDateFormat.dateAndTime(item.receivedAt))
            } : []
            return try renderer.response(CustomerRecordPage(
                chrome: ChromeFactory.chrome(pageTitle: customer.name, context: context), basePath: context.basePath,
                customer: customer, consents: try await consents.current(customerID: customer.id), newRequest: newRequest,
                requests: requests))
        }
    }
}
