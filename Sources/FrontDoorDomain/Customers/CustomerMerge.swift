import Foundation

/// The rules for merging a duplicate customer record into the one that survives. The survivor
/// keeps what it has; anything it lacks (email, phone, address, communication needs) is taken
/// from the duplicate, so no detail the council was told is lost. Everything the duplicate owns
/// (cases, contacts, callbacks, flags, consents…) then moves to the survivor.
public enum CustomerMerge {
    public enum Refusal: Error, Equatable, Sendable {
        case sameRecord
        case otherCouncil
        /// Two online accounts cannot become one: the resident would lose a password and an
        /// email address they sign in with. They must close one first.
        case bothHaveAccounts
        /// Only the duplicate has an account: keep that one instead, or the resident could no
        /// longer sign in to see their requests.
        case onlyDuplicateHasAccount

        public var message: String {
            switch self {
            case .sameRecord: "That is this customer's own record: choose the duplicate"
            case .otherCouncil: "That customer belongs to another council"
            case .bothHaveAccounts: "Both records have an online account, so they cannot be merged. Ask the resident which account to keep and to close the other."
            case .onlyDuplicateHasAccount: "The other record has an online account and this one does not: open the other record and merge this one into it"
            }
        }
    }

    /// The survivor as it will be after the merge, or why the two cannot be merged.
    public static func merged(survivor: Customer, duplicate: Customer) -> Result<Customer, Refusal> {
        guard survivor.id != duplicate.id else { return .failure(.sameRecord) }
        guard survivor.councilID == duplicate.councilID else { return .failure(.otherCouncil) }
        if survivor.hasAccount && duplicate.hasAccount { return .failure(.bothHaveAccounts) }
        if duplicate.hasAccount { return .failure(.onlyDuplicateHasAccount) }
        var result = survivor
        if result.email == nil {
            result.email = duplicate.email
            result.emailVerifiedAt = duplicate.emailVerifiedAt
        }
        if result.phone.isEmpty { result.phone = duplicate.phone }
        if result.address == nil { result.address = duplicate.address }
        result.needs = CommunicationNeeds(
            supports: survivor.needs.supports.union(duplicate.needs.supports),
            interpreterLanguage: survivor.needs.interpreterLanguage.isEmpty ? duplicate.needs.interpreterLanguage : survivor.needs.interpreterLanguage,
            other: [survivor.needs.other, duplicate.needs.other].filter { !$0.isEmpty }.uniqued().joined(separator: "\n"))
        result.createdAt = min(survivor.createdAt, duplicate.createdAt)
        return .success(result)
    }
}

private extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
