import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// Merging a duplicate record into the one on screen: find the duplicate by one unambiguous
/// detail, see both records side by side, then confirm. Nothing changes before the confirmation.
struct CustomerMergeRoutes {
    let record: CustomerRecordRoutes
    let renderer: PageRenderer
    let merger: CustomerMerger

    func register(on router: Router<ResidentRequestContext>) {
        let routes = self, record = self.record
        let staff = router.group(RouterPath(StaffPaths.home), context: StaffRequestContext.self)

        staff.post("customers/:id/merge") { request, context -> Response in
            try context.require(.editCustomer)
            let survivor = try await record.customer(context)
            let form = try await FormInput.read(from: request, context: context)
            let typed = String(form["merge-duplicate"].prefix(200))
            let found = typed.isEmpty ? [] : try await record.search.search(typed, councilID: context.staff.councilID, limit: 3)
                .filter { $0.id != survivor.id }
            guard found.count == 1, let duplicate = found.first else {
                let message = typed.isEmpty ? "Enter the duplicate record's email, phone number or name"
                    : found.isEmpty ? "No other customer matches ‘\(typed)’" : "More than one other customer matches ‘\(typed)’: enter their email or phone number"
                return try await record.recordPage(survivor, context, problems: [.init(field: "merge-duplicate", message: message)],
                                                   typed: form, status: .unprocessableContent)
            }
            if case .failure(let refusal) = CustomerMerge.merged(survivor: survivor, duplicate: duplicate) {
                return try await record.recordPage(survivor, context, problems: [.init(field: "merge-duplicate", message: refusal.message)],
                                                   typed: form, status: .unprocessableContent)
            }
            return try await routes.confirmPage(survivor: survivor, duplicate: duplicate, context)
        }

        staff.post("customers/:id/merge/:duplicate") { _, context -> Response in
            try context.require(.editCustomer)
            let survivor = try await record.customer(context)
            guard let duplicateID = context.parameters.get("duplicate").flatMap(UUID.init(uuidString:)) else { throw HTTPError(.notFound) }
            switch try await routes.merger.merge(duplicateID: duplicateID, into: survivor.id, councilID: context.staff.councilID,
                                                 by: context.staff, from: context.remoteAddress) {
            case .merged:
                return .redirect(to: context.basePath + StaffPaths.customers + "/" + survivor.id.uuidString + "?merged=1")
            case .refused(let refusal):
                return try await record.recordPage(survivor, context, problems: [.init(field: "merge-duplicate", message: refusal.message)],
                                                   status: .unprocessableContent)
            case .notFound:
                // Merged already (a second click, or a colleague got there first): the record says so.
                throw Refusal(.conflict, heading: "That record cannot be merged",
                              explanation: "It has been merged already, or no longer exists. Go back to the customer's record and search again.")
            }
        }
    }

    func confirmPage(survivor: Customer, duplicate: Customer, _ context: StaffRequestContext) async throws -> Response {
        func summary(_ customer: Customer) -> SummaryList {
            SummaryList(rows: [
                .init(key: "Name", value: customer.name),
                .init(key: "Email address", value: customer.email ?? "None"),
                .init(key: "Telephone", value: customer.phone.isEmpty ? "None" : customer.phone),
                .init(key: "Address", value: customer.address.map { $0.lines.joined(separator: "\n") } ?? "None"),
                .init(key: "Account", value: customer.hasAccount ? "Has an online account" : "No account"),
                .init(key: "On record since", value: UKDateFormat.dateAndTime(customer.createdAt)),
            ])
        }
        let recordPath = context.basePath + StaffPaths.customers + "/" + survivor.id.uuidString
        return try renderer.response(CustomerMergePage(
            chrome: ChromeFactory.chrome(pageTitle: "Merge \(duplicate.name) into \(survivor.name)", context: context),
            heading: "Merge these records?", survivor: summary(survivor), duplicate: summary(duplicate),
            duplicateHref: context.basePath + StaffPaths.customers + "/" + duplicate.id.uuidString,
            action: recordPath + "/merge/" + duplicate.id.uuidString.lowercased(), csrfToken: context.csrfToken,
            confirm: Button("Merge the records", variant: .warning), cancelHref: recordPath))
    }
}

/// Both records side by side before a merge, and what will happen.
public struct CustomerMergePage: PageModel {
    public static let template = "staff-customer-merge"

    public var chrome: PageChrome
    public var heading: String
    public var survivor: SummaryList
    public var duplicate: SummaryList
    public var duplicateHref: String
    public var action: String
    public var csrfToken: String
    public var confirm: Button
    public var cancelHref: String
}
