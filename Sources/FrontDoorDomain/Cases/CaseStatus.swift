/// Where a case is in its life. Awaiting the customer stops the service-standard clock.
public enum CaseStatus: String, CaseIterable, Sendable, Codable {
    case submitted
    case acknowledged
    case inProgress = "in-progress"
    case awaitingCustomer = "awaiting-customer"
    case resolved
    case closed
    case withdrawn
    /// Merged into another case (the same fly-tipping reported twice); its resident is told.
    case duplicate

    public var displayName: String {
        switch self {
        case .submitted: "Received"
        case .acknowledged: "Acknowledged"
        case .inProgress: "In progress"
        case .awaitingCustomer: "Waiting for your reply"
        case .resolved: "Resolved"
        case .closed: "Closed"
        case .withdrawn: "Withdrawn"
        case .duplicate: "Merged with another report"
        }
    }

    /// Still being worked: counts in queues and against the standard.
    public var isOpen: Bool {
        [.submitted, .acknowledged, .inProgress, .awaitingCustomer].contains(self)
    }
}

/// What can happen to a case.
public enum CaseAction: String, CaseIterable, Sendable {
    case acknowledge
    case startWork = "start-work"
    case askCustomer = "ask-customer"
    case customerReplied = "customer-replied"
    case resolve
    case close
    case reopen
    case withdraw
    case markDuplicate = "mark-duplicate"

    /// How the action reads in a refusal: "cannot be acknowledged".
    var pastParticiple: String {
        switch self {
        case .acknowledge: "acknowledged"
        case .startWork: "started"
        case .askCustomer: "put on hold for the customer"
        case .customerReplied: "given a customer's reply"
        case .resolve: "resolved"
        case .close: "closed"
        case .reopen: "reopened"
        case .withdraw: "withdrawn"
        case .markDuplicate: "marked as a duplicate"
        }
    }
}
