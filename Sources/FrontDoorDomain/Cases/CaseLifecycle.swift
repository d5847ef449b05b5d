import Foundation

/// The case state machine: which action may happen in which status, and what status follows.
/// Everything else (who may act, what is recorded) builds on this one table.
public struct CaseLifecycle: Sendable, Equatable {
    /// How long after resolution a resident may reopen a case that was not put right.
    public var reopenWindowDays: Int

    public init(reopenWindowDays: Int = 28) {
        self.reopenWindowDays = reopenWindowDays
    }

    /// Why an action was refused, in words for the person who tried it.
    public struct Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        public var from: CaseStatus
        public var action: CaseAction
        public var description: String

        public init(from: CaseStatus, action: CaseAction, description: String) {
            self.from = from
            self.action = action
            self.description = description
        }
    }

    static let open: Set<CaseStatus> = [.submitted, .acknowledged, .inProgress, .awaitingCustomer]

    /// The statuses each action may start from, and where it leads.
    static let table: [CaseAction: (from: Set<CaseStatus>, to: CaseStatus)] = [
        .acknowledge: ([.submitted], .acknowledged),
        .startWork: ([.submitted, .acknowledged], .inProgress),
        .askCustomer: ([.submitted, .acknowledged, .inProgress], .awaitingCustomer),
        .customerReplied: ([.awaitingCustomer], .inProgress),
        .resolve: (open, .resolved),
        .close: ([.resolved], .closed),
        .reopen: ([.resolved, .closed], .inProgress),
        .withdraw: (open, .withdrawn),
        .markDuplicate: (open, .duplicate),
    ]

    /// The status after `action`, or why it cannot happen. `resolvedAt` is when the case was
    /// last resolved (for the reopen window).
    public func apply(_ action: CaseAction, to status: CaseStatus, resolvedAt: Date? = nil, now: Date) -> Result<CaseStatus, Refusal> {
        guard let rule = Self.table[action] else {
            return .failure(Refusal(from: status, action: action, description: "That cannot be done to a case"))
        }
        guard rule.from.contains(status) else {
            return .failure(Refusal(from: status, action: action, description: Self.explain(action, status)))
        }
        if action == .reopen, let resolvedAt, now.timeIntervalSince(resolvedAt) > Double(reopenWindowDays) * 86_400 {
            return .failure(Refusal(from: status, action: action,
                                    description: "This case was resolved more than \(reopenWindowDays) days ago, so it cannot be reopened. Make a new request instead"))
        }
        return .success(rule.to)
    }

    /// The actions possible from `status` (for the buttons a page offers).
    public func actions(from status: CaseStatus) -> [CaseAction] {
        CaseAction.allCases.filter { Self.table[$0]?.from.contains(status) == true }
    }

    static func explain(_ action: CaseAction, _ status: CaseStatus) -> String {
        switch status {
        case .withdrawn, .duplicate:
            "A case that is \(status.displayName.lowercased()) cannot be \(action.pastParticiple)"
        case .closed where action != .reopen:
            "This case is closed. Reopen it first if more needs doing"
        case .resolved where action != .close && action != .reopen:
            "This case is resolved. Reopen it first if more needs doing"
        default:
            "A case that is \(status.displayName.lowercased()) cannot be \(action.pastParticiple)"
        }
    }
}
