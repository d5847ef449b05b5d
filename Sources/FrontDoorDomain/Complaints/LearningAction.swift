import Foundation

/// What the council will change because of a complaint, who owns the change and by when.
/// Published, it is a line of "You said, we did": what residents told us, and what we did.
public struct LearningAction: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var caseID: UUID
    public var youSaid: String
    public var weDid: String
    public var ownerID: UUID
    public var dueOn: LocalDate
    public var completedOn: LocalDate?
    public var published: Bool

    public init(id: UUID = UUID(), caseID: UUID, youSaid: String, weDid: String, ownerID: UUID, dueOn: LocalDate,
                completedOn: LocalDate? = nil, published: Bool = false) {
        self.id = id
        self.caseID = caseID
        self.youSaid = youSaid
        self.weDid = weDid
        self.ownerID = ownerID
        self.dueOn = dueOn
        self.completedOn = completedOn
        self.published = published
    }

    public static let textLimit = 1_000

    /// What is wrong with the action as typed; empty when it may be saved. Personal details have
    /// no place in it: it may be published.
    public var problems: [FieldProblem] {
        var problems: [FieldProblem] = []
        for (field, text, missing) in [("you-said", youSaid, "Enter what the resident told us, without their details"),
                                       ("we-did", weDid, "Enter what the council will do or did")] {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { problems.append(.init(field: field, message: missing)) }
            if trimmed.count > Self.textLimit { problems.append(.init(field: field, message: "Keep it to 1,000 characters or fewer")) }
        }
        if published && completedOn == nil {
            problems.append(.init(field: "published", message: "Publish an action once it is done"))
        }
        return problems
    }

    public func isOverdue(today: LocalDate) -> Bool {
        completedOn == nil && today > dueOn
    }
}
