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

    init(renderer: PageRenderer, database: Database, hasher: PasswordHasher) {
        self.renderer = renderer
        self.customers = CustomerRepository(database: database, hasher: hasher)
        self.consents = ConsentRepository(database: database)
        self.audit = AuditTrail(database: database)
    }

    func register(on router: Router<ResidentRequestContext>) {
        let renderer = self.renderer, customers = self.customers, consents = self.consents, audit = self.audit
        let staff = router.group(RouterPath(StaffPaths.home), context: StaffRequestContext.self)

        staff.get("customers") { request, context -> Response in
            try context.require(.viewCustomer)
            let email = request.uri.queryParameters["email"].map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
            var validation = FormValidation()
            var found: Customer?
            if !email.isEmpty, validation.email("email", email, "Enter an email address in the correct format, like name@example.com") {
                found = try await customers.find(email: email, councilID: context.staff.councilID)
            }
            return try renderer.response(CustomerSearchPage(
                chrome: ChromeFactory.chrome(pageTitle: "Find a customer", context: context, hasErrors: !validation.isValid),
                basePath: context.basePath, enteredEmail: email, searched: !email.isEmpty && validation.isValid, found: found,
                validation: validation), status: validation.isValid ? .ok : .unprocessableContent)
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
            return try renderer.response(CustomerRecordPage(
                chrome: ChromeFactory.chrome(pageTitle: customer.name, context: context), basePath: context.basePath,
                customer: customer, consents: try await consents.current(customerID: customer.id)))
        }
    }
}
