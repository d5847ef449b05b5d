import Foundation
import FrontDoorDomain

/// Find a customer: one box over name, email, phone, postcode, address and case reference; a
/// plain GET form (a page of results works without JavaScript, and can be bookmarked).
public struct CustomerSearchPage: PageModel {
    public static let template = "staff-customer-search"

    public var chrome: PageChrome
    public var action: String
    public var query: TextInput
    public var submit: Button
    public var results: Table?
    /// "3 customers match ‘smith’", or what to do when none do.
    public var summary: String?

    init(chrome: PageChrome, basePath: String, typed: String, found: [Customer]?) {
        self.chrome = chrome
        self.action = basePath + StaffPaths.customers
        self.query = TextInput(id: "q", label: Label("Name, email, phone, postcode, address or case reference", classes: "fd-label--m"),
                               type: "search", value: typed, autocomplete: "off", spellcheck: false)
        self.submit = Button("Find", variant: .secondary)
        if let found {
            self.summary = found.isEmpty ? "No customer matches ‘\(typed)’. Check the spelling, or search by another detail."
                : "\(found.count) \(found.count == 1 ? "customer matches" : "customers match") ‘\(typed)’" + (found.count >= 25 ? ": the first 25 are shown. Add another detail to narrow it down." : ".")
            self.results = found.isEmpty ? nil : Table(
                caption: "Customers found", captionClasses: "fd-visually-hidden", head: ["Name", "Email", "Phone", "Address"],
                rows: found.map { [$0.name, $0.email ?? "", $0.phone, $0.address.map { $0.lines.joined(separator: ", ") } ?? ""] },
                firstCellLinks: found.map { basePath + StaffPaths.customers + "/" + $0.id.uuidString })
        } else {
            self.summary = nil
            self.results = nil
        }
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
    public var banner: NotificationBanner?
    public var errorSummary: ErrorSummary?
    /// Every contact on every channel, newest first.
    public var contacts: Table?
    public var logContact: ContactForm?
    public var flags: FlagPanel?
    /// Other people on the council's records at the same address.
    public var household: [RequestLink] = [] { didSet { hasHousehold = !household.isEmpty } }
    public var hasHousehold = false
    public var callbacks: Table?
    public var bookCallback: CallbackForm?
    public var merge: MergeForm?
    public var guidance: GuidancePanel?

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
