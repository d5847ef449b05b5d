/// What a member of staff does; permissions are decided from the role.
public enum StaffRole: String, Sendable, Codable, CaseIterable {
    case advisor
    case backOfficeOfficer = "back-office-officer"
    case teamLead = "team-lead"
    case complaintsOfficer = "complaints-officer"
    case informationRequestsOfficer = "information-requests-officer"
    case manager
    case councillor
    case administrator

    public var displayName: String {
        switch self {
        case .advisor: "Advisor"
        case .backOfficeOfficer: "Back-office officer"
        case .teamLead: "Team lead"
        case .complaintsOfficer: "Complaints officer"
        case .informationRequestsOfficer: "Information requests officer"
        case .manager: "Manager"
        case .councillor: "Councillor"
        case .administrator: "Administrator"
        }
    }
}
