import Foundation

/// What the action is on: the council that owns it, the team that owns it (the team owning
/// the case's service), and how sensitive it is.
public struct ResourceScope: Sendable, Equatable {
    public var councilID: UUID
    public var owningTeamID: UUID?
    public var sensitivity: Sensitivity

    public init(councilID: UUID, owningTeamID: UUID? = nil, sensitivity: Sensitivity = .standard) {
        self.councilID = councilID
        self.owningTeamID = owningTeamID
        self.sensitivity = sensitivity
    }
}

/// How carefully a record must be guarded.
public enum Sensitivity: String, Sendable, CaseIterable, Comparable {
    /// Ordinary council business.
    case standard
    /// Special category or vulnerable-person data (health, safeguarding flags, social care).
    case sensitive
    /// Restricted to named roles only, such as a complaint about a member of staff.
    case restricted

    public static func < (lhs: Sensitivity, rhs: Sensitivity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Who is acting: their role, council and teams.
public struct StaffMember: Sendable, Equatable {
    public var role: StaffRole
    public var councilID: UUID
    public var teamIDs: Set<UUID>

    public init(role: StaffRole, councilID: UUID, teamIDs: Set<UUID> = []) {
        self.role = role
        self.councilID = councilID
        self.teamIDs = teamIDs
    }
}
