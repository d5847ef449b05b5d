import Foundation

/// A flag staff put on a customer's record so whoever deals with them next knows at once.
/// Each kind has a sensitivity: safeguarding detail is special-category data, shown only to
/// roles the permission rules trust with it (advisors see that a hidden flag exists, not what it says).
public struct CustomerFlag: Hashable, Sendable, Identifiable {
    public enum Kind: String, CaseIterable, Sendable {
        case vulnerable
        case interpreter
        case accessibility
        case safeguarding

        public var displayName: String {
            switch self {
            case .vulnerable: "Vulnerable"
            case .interpreter: "Needs an interpreter"
            case .accessibility: "Accessibility needs"
            case .safeguarding: "Safeguarding"
            }
        }

        /// What the detail box asks for.
        public var detailHint: String {
            switch self {
            case .vulnerable: "What makes them vulnerable and how to help, for example ‘recently bereaved: offer a callback rather than a transfer’"
            case .interpreter: "The language, for example ‘Polish’ or ‘British Sign Language’"
            case .accessibility: "What they need, for example ‘wheelchair user: meet at the ground-floor entrance’"
            case .safeguarding: "The concern and who to tell. Only staff trusted with safeguarding information will see this."
            }
        }

        public var sensitivity: Sensitivity {
            self == .safeguarding ? .sensitive : .standard
        }
    }

    public static let detailLimit = 1_000

    public var id: UUID
    public var councilID: UUID
    public var customerID: UUID
    public var kind: Kind
    public var detail: String
    public var raisedBy: String
    public var raisedAt: Date

    public init(id: UUID = UUID(), councilID: UUID, customerID: UUID, kind: Kind, detail: String, raisedBy: String, raisedAt: Date) {
        self.id = id
        self.councilID = councilID
        self.customerID = customerID
        self.kind = kind
        self.detail = detail
        self.raisedBy = raisedBy
        self.raisedAt = raisedAt
    }

    /// Checks a flag as typed: a kind, and a detail (every kind needs one: a bare "vulnerable"
    /// tells the next advisor nothing they can act on).
    public static func check(kind: String, detail: String) -> Result<(kind: Kind, detail: String), FieldProblems> {
        var problems: [FieldProblem] = []
        let kind = Kind(rawValue: kind)
        if kind == nil { problems.append(.init(field: "flag-kind", message: "Select the kind of flag")) }
        let detail = detail.trimmingCharacters(in: .whitespacesAndNewlines)
        if detail.isEmpty {
            problems.append(.init(field: "flag-detail", message: kind == .interpreter ? "Enter the language they need" : "Enter what the next person needs to know"))
        } else if detail.count > detailLimit {
            problems.append(.init(field: "flag-detail", message: "The detail must be 1,000 characters or fewer"))
        }
        guard problems.isEmpty, let kind else { return .failure(FieldProblems(all: problems)) }
        return .success((kind, detail))
    }

    /// Whether `member` may see this flag's detail.
    public func isVisible(to member: StaffMember) -> Bool {
        Permissions.isAllowed(member, .viewCustomer, on: ResourceScope(councilID: councilID, sensitivity: kind.sensitivity))
    }
}
