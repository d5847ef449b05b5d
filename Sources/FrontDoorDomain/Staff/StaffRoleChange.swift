/// Whether an administrator may give a member of staff a new role. Two guards keep a council
/// from losing its administration: nobody changes their own role (so nobody demotes themselves by
/// mistake), and the last administrator stays one.
public enum StaffRoleChange {
    public enum Problem: Error, Equatable, Sendable {
        case ownRole
        case lastAdministrator

        public var message: String {
            switch self {
            case .ownRole: "You cannot change your own role. Ask another administrator."
            case .lastAdministrator: "This is the council's only administrator. Make someone else an administrator first."
            }
        }
    }

    public static func check(actorID: StaffAccount.ID, target: StaffAccount, newRole: StaffRole,
                             administratorsInCouncil: Int) -> Problem? {
        guard newRole != target.role else { return nil }
        if actorID == target.id { return .ownRole }
        if target.role == .administrator, administratorsInCouncil <= 1 { return .lastAdministrator }
        return nil
    }
}

/// Invitations to join as staff last a week: long enough for someone starting next Monday.
public enum StaffInvitationPolicy {
    public static let lifetime: Double = 7 * 24 * 60 * 60
    public static let lifetimeDescription = "7 days"
}
