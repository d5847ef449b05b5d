import Foundation

/// What a council's back-office systems can be told about as it happens. "Tell us once": a
/// resident's change of address reaches every system that asked for `customer.address_changed`.
public enum WebhookEvent: String, CaseIterable, Sendable, Codable {
    case caseCreated = "case.created"
    case caseUpdated = "case.updated"
    case caseClosed = "case.closed"
    case contactCreated = "contact.created"
    case customerAddressChanged = "customer.address_changed"

    public var displayName: String {
        switch self {
        case .caseCreated: "A case is made (online, by email, by an advisor or through Open311)"
        case .caseUpdated: "A case changes status"
        case .caseClosed: "A case is resolved, closed, withdrawn or marked a duplicate"
        case .contactCreated: "A contact is logged"
        case .customerAddressChanged: "A customer's address changes"
        }
    }

    /// The events a move to `status` raises (every move is an update; some also close).
    public static func raised(byMoveTo status: CaseStatus) -> [WebhookEvent] {
        switch status {
        case .resolved, .closed, .withdrawn, .duplicate: [.caseUpdated, .caseClosed]
        default: [.caseUpdated]
        }
    }
}

/// What makes an endpoint acceptable: an https address (plain http only to this machine, for
/// development and tests), at least one event, a short description.
public enum WebhookEndpointRules {
    public static func check(url text: String, events: [String], description: String, allowsLocalHTTP: Bool) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty {
            problems.append(.init(field: "url", message: "Enter the address FrontDoor should post events to"))
        } else if let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty {
            let local = ["localhost", "127.0.0.1", "::1"].contains(host.lowercased())
            if scheme != "https" && !(scheme == "http" && local && allowsLocalHTTP) {
                problems.append(.init(field: "url", message: "The address must start with https://"))
            }
            if url.user != nil || url.password != nil {
                problems.append(.init(field: "url", message: "The address must not contain a user name or password: events are signed instead"))
            }
        } else {
            problems.append(.init(field: "url", message: "Enter a full web address, like https://crm.kingsmere.gov.uk/frontdoor-events"))
        }
        if trimmed.count > 2000 { problems.append(.init(field: "url", message: "The address must be 2,000 characters or fewer")) }
        let known = Set(WebhookEvent.allCases.map(\.rawValue))
        if events.isEmpty {
            problems.append(.init(field: "events", message: "Select at least one event"))
        } else if !Set(events).isSubset(of: known) {
            problems.append(.init(field: "events", message: "Select events from the list"))
        }
        if description.count > 200 { problems.append(.init(field: "description", message: "The description must be 200 characters or fewer")) }
        return problems
    }
}
