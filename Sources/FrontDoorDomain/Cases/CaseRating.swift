import Foundation

/// A resident's verdict on how their request went: 1 (very poor) to 5 (very good), with an
/// optional comment. Given once, by the case's own resident, after it is resolved.
public struct CaseRating: Hashable, Sendable {
    public static let scores = 1...5
    public static let commentLimit = 1200

    public var caseID: UUID
    public var score: Int
    public var comment: String
    public var ratedAt: Date

    public init(caseID: UUID, score: Int, comment: String, ratedAt: Date) {
        self.caseID = caseID
        self.score = score
        self.comment = comment
        self.ratedAt = ratedAt
    }

    /// Only a finished request can be rated: resolved, or closed after it.
    public static func mayRate(_ status: CaseStatus) -> Bool {
        status == .resolved || status == .closed
    }

    /// The words beside each score, worst first (the satisfaction scale GOV.UK services use).
    public static func label(_ score: Int) -> String {
        switch score {
        case 1: "Very dissatisfied"
        case 2: "Dissatisfied"
        case 3: "Neither satisfied nor dissatisfied"
        case 4: "Satisfied"
        default: "Very satisfied"
        }
    }
}

extension CaseLifecycle {
    /// What the resident who made a request may do to it themselves: reply when asked, withdraw
    /// while it is open, reopen when it was not put right. Everything else is the council's.
    public static let residentActions: [CaseAction] = [.customerReplied, .withdraw, .reopen]

    public func residentActions(from status: CaseStatus) -> [CaseAction] {
        actions(from: status).filter { Self.residentActions.contains($0) }
    }
}
