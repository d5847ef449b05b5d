import Foundation
import FrontDoorDomain

/// Find a customer by email address (the advisor desktop's fuller search comes later).
public struct CustomerSearchPage: PageModel {
    public static let template = "staff-customer-search"

    public var chrome: PageChrome
    public var errorSummary: ErrorSummary?
    public var action: String
    public var email: TextInput
    public var submit: Button
    public var result: SummaryList?
    public var noMatch: Bool

    init(chrome: PageChrome, basePath: String, enteredEmail: String, searched: Bool, found: Customer?, validation: FormValidation) {
        self.chrome = chrome
        self.errorSummary = validation.summary
        self.action = basePath + StaffPaths.customers
        self.email = TextInput(id: "email", label: Label("Customer's email address"), type: "email",
                               error: validation.message(for: "email"), value: enteredEmail, spellcheck: false)
        self.submit = Button("Find", variant: .secondary)
        self.result = found.map { customer in
            SummaryList(rows: [.init(key: customer.name, value: [customer.email ?? "", customer.hasAccount ? "Has an account" : "No account"]
                                        .joined(separator: "\n"),
                                     actions: [SummaryList.Action(href: basePath + StaffPaths.customers + "/" + customer.id.uuidString,
                                                                  visuallyHiddenText: "record of \(customer.name)", text: "View")])])
        }
        self.noMatch = searched && found == nil
    }
}

/// A customer's record as staff see it: contact details, how to reach them, what they need to
/// communicate, and what they agreed to. Opening it is recorded in the audit trail.
public struct CustomerRecordPage: PageModel {
    public static let template = "staff-customer-record"

    public var chrome: PageChrome
    public var heading: String
    public var details: SummaryList
    public var needs: [String]
    public var hasNeeds: Bool
    public var consents: SummaryList
    public var searchHref: String
    /// Assisted digital: start any online form on the customer's behalf (when the role allows).
    public var newRequest: NewRequestForm?
    public var requests: [RequestLink]
    public var hasRequests: Bool

    public struct RequestLink: Sendable {
        public var href: String
        public var text: String
        public var sent: String
    }

    public struct NewRequestForm: Sendable {
        public var action: String
        public var csrfToken: String
        public var service: Select
        public var channel: Radios
        public var start: Button
    }

    init(chrome: PageChrome, basePath: String, customer: Customer, consents agreed: [Consent],
         newRequest: NewRequestForm? = nil, requests: [RequestLink] = []) {
        self.newRequest = newRequest
        self.requests = requests
        self.hasRequests = !requests.isEmpty
        self.chrome = chrome
        self.heading = customer.name
        self.details = SummaryList(rows: [
            .init(key: "Email address", value: customer.email.map { $0 + (customer.isEmailVerified ? " (confirmed)" : " (not confirmed)") } ?? "None"),
            .init(key: "Telephone", value: customer.phone.isEmpty ? "None" : customer.phone),
            .init(key: "Address", value: customer.address.map { ($0.lines + ($0.uprn.map { ["UPRN \($0.value)"] } ?? [])).joined(separator: "\n") } ?? "None"),
            .init(key: "Contact by", value: customer.preferredChannel.displayName),
            .init(key: "Language", value: customer.language),
            .init(key: "Account", value: customer.hasAccount ? "Registered \(UKDateFormat.dateAndTime(customer.createdAt))" : "No account"),
        ])
        self.needs = customer.needs.descriptions
        self.hasNeeds = !needs.isEmpty
        self.consents = SummaryList(rows: ConsentPurpose.allCases.map { purpose in
            let consent = agreed.first { $0.purpose == purpose }
            return .init(key: purpose.current.text,
                         value: consent.map { "Yes (wording version \($0.wordingVersion), \(UKDateFormat.dateAndTime($0.agreedAt)))" } ?? "No")
        })
        self.searchHref = basePath + StaffPaths.customers
    }
}
