/// The one place that decides what staff may do: a pure function of who is acting and what
/// the action is on, so every rule is visible here and tested as a table.
///
/// The rules, in order:
/// 1. Nobody acts on another council's records (a shared deployment is several councils).
/// 2. The role must grant the action at all (`grants`).
/// 3. Team-owned work: roles that work within teams (back-office officers, team leads) act
///    only on records their own team owns; front-line and oversight roles act across teams.
/// 4. Sensitivity: sensitive records need a role trusted with special-category data;
///    restricted records need one of the roles named for them.
public enum Permissions {
    public enum Decision: Equatable, Sendable {
        case allowed
        case denied(Reason)
    }

    public enum Reason: String, Equatable, Sendable {
        case otherCouncil = "the record belongs to another council"
        case roleCannot = "your role does not include this"
        case otherTeam = "the record belongs to another team"
        case tooSensitive = "the record is more sensitive than your role may see"
    }

    public static func decide(_ actor: StaffMember, _ action: StaffAction, on resource: ResourceScope) -> Decision {
        guard actor.councilID == resource.councilID else { return .denied(.otherCouncil) }
        guard grants(actor.role).contains(action) else { return .denied(.roleCannot) }
        if worksWithinTeams(actor.role), teamBound.contains(action), let team = resource.owningTeamID,
           !actor.teamIDs.contains(team) {
            return .denied(.otherTeam)
        }
        guard resource.sensitivity <= highestSensitivity(actor.role) else { return .denied(.tooSensitive) }
        return .allowed
    }

    public static func isAllowed(_ actor: StaffMember, _ action: StaffAction, on resource: ResourceScope) -> Bool {
        decide(actor, action, on: resource) == .allowed
    }

    /// Figures across a shared service: counts only, never records, so rule 1 is kept by the
    /// actor's council being one of the service's councils.
    public static func maySee(_ actor: StaffMember, _ service: SharedService) -> Decision {
        guard service.includes(actor.councilID) else { return .denied(.otherCouncil) }
        let scope = ResourceScope(councilID: actor.councilID, owningTeamID: nil)
        guard isAllowed(actor, .viewPerformance, on: scope) else { return .denied(.roleCannot) }
        return decide(actor, .viewSharedServicePerformance, on: scope)
    }

    /// What each role may do at all, before team and sensitivity are considered.
    public static func grants(_ role: StaffRole) -> Set<StaffAction> {
        let frontLine: Set<StaffAction> = [.viewCustomer, .editCustomer, .logContact, .viewCase, .createCaseForCustomer]
        switch role {
        case .advisor:
            return frontLine
        case .backOfficeOfficer:
            return frontLine.union([.updateCase, .closeCase])
        case .teamLead:
            return frontLine.union([.updateCase, .closeCase, .assignCase, .viewPerformance])
        case .complaintsOfficer:
            return frontLine.union([.updateCase, .closeCase, .handleComplaint, .viewPerformance])
        case .informationRequestsOfficer:
            return frontLine.union([.updateCase, .closeCase, .handleInformationRequest, .exportCustomerData])
        case .manager:
            return frontLine.union([.updateCase, .closeCase, .assignCase, .viewPerformance, .exportReports,
                                    .viewSharedServicePerformance, .manageTeams, .manageServices])
        case .councillor:
            // Councillors see published performance, not residents' records.
            return [.viewPerformance]
        case .administrator:
            // Administrators run the system; they do not do casework.
            return [.manageStaff, .manageTeams, .manageServices, .manageCouncilSettings, .viewAuditTrail,
                    .exportAuditTrail, .viewPerformance, .viewSharedServicePerformance]
        }
    }

    /// Actions on records that a team owns (a case and its service).
    static let teamBound: Set<StaffAction> = [.updateCase, .closeCase, .assignCase]

    public static func worksWithinTeams(_ role: StaffRole) -> Bool {
        role == .backOfficeOfficer || role == .teamLead
    }

    /// The most sensitive record each role may act on. Advisors see ordinary vulnerability
    /// flags (standard) so they can help a caller; safeguarding detail is for the officers
    /// who act on it.
    static func highestSensitivity(_ role: StaffRole) -> Sensitivity {
        switch role {
        case .complaintsOfficer, .informationRequestsOfficer, .manager: .restricted
        case .teamLead, .backOfficeOfficer: .sensitive
        case .advisor, .councillor, .administrator: .standard
        }
    }
}
