import Foundation
import FrontDoorDomain
import Testing

@Suite("Permissions: who may do what")
struct PermissionsTests {
    static let council = UUID()
    static let team = UUID()

    /// The specification, written out: one row per action, one column per role, in the order
    /// advisor, back-office officer, team lead, complaints officer, information-requests officer,
    /// manager, councillor, administrator. Y: allowed on a standard record of the actor's own
    /// council and team.
    static let matrix: [(StaffAction, String)] = [
        (.viewCustomer,             "YYYYYY.."),
        (.editCustomer,             "YYYYYY.."),
        (.logContact,               "YYYYYY.."),
        (.exportCustomerData,       "....Y..."),
        (.viewCase,                 "YYYYYY.."),
        (.createCaseForCustomer,    "YYYYYY.."),
        (.updateCase,               ".YYYYY.."),
        (.assignCase,               "..Y..Y.."),
        (.closeCase,                ".YYYYY.."),
        (.handleComplaint,          "...Y...."),
        (.handleInformationRequest, "....Y..."),
        (.viewPerformance,          "..YY.YYY"),
        (.exportReports,            ".....Y.."),
        (.viewSharedServicePerformance, ".....Y.Y"),
        (.manageStaff,              ".......Y"),
        (.manageTeams,              ".....Y.Y"),
        (.manageServices,           ".....Y.Y"),
        (.manageCouncilSettings,    ".......Y"),
        (.viewAuditTrail,           ".......Y"),
        (.exportAuditTrail,         ".......Y"),
    ]
    static let roleOrder: [StaffRole] = [.advisor, .backOfficeOfficer, .teamLead, .complaintsOfficer,
                                         .informationRequestsOfficer, .manager, .councillor, .administrator]

    @Test("The table covers every action and every role")
    func tableIsComplete() {
        #expect(Set(Self.matrix.map(\.0)) == Set(StaffAction.allCases))
        #expect(Self.matrix.count == StaffAction.allCases.count)
        #expect(Set(Self.roleOrder) == Set(StaffRole.allCases))
        #expect(Self.matrix.allSatisfy { $0.1.count == StaffRole.allCases.count })
    }

    @Test("Each role may do exactly what the table says, in its own council and team", arguments: StaffRole.allCases)
    func roleMatchesTable(role: StaffRole) {
        let column = Self.roleOrder.firstIndex(of: role)!
        let actor = StaffMember(role: role, councilID: Self.council, teamIDs: [Self.team])
        let resource = ResourceScope(councilID: Self.council, owningTeamID: Self.team)
        for (action, row) in Self.matrix {
            let expected = Array(row)[column] == "Y"
            #expect(Permissions.isAllowed(actor, action, on: resource) == expected, "\(role) \(action)")
        }
    }

    @Test("Nobody acts on another council's records, whatever their role", arguments: StaffRole.allCases)
    func otherCouncilAlwaysDenied(role: StaffRole) {
        let actor = StaffMember(role: role, councilID: Self.council, teamIDs: [Self.team])
        let elsewhere = ResourceScope(councilID: UUID(), owningTeamID: Self.team)
        for action in StaffAction.allCases {
            #expect(Permissions.decide(actor, action, on: elsewhere) == .denied(.otherCouncil), "\(role) \(action)")
        }
    }

    @Test("Team roles update, close and assign only their own team's work; others work across teams",
          arguments: StaffRole.allCases)
    func teamBoundary(role: StaffRole) {
        let actor = StaffMember(role: role, councilID: Self.council, teamIDs: [Self.team])
        let otherTeams = ResourceScope(councilID: Self.council, owningTeamID: UUID())
        let teamRole = role == .backOfficeOfficer || role == .teamLead
        for action: StaffAction in [.updateCase, .closeCase, .assignCase] where Permissions.grants(role).contains(action) {
            let decision = Permissions.decide(actor, action, on: otherTeams)
            #expect(decision == (teamRole ? .denied(.otherTeam) : .allowed), "\(role) \(action)")
        }
        // Viewing is never team-bound: the single view of the customer spans teams.
        if Permissions.grants(role).contains(.viewCase) {
            #expect(Permissions.isAllowed(actor, .viewCase, on: otherTeams))
        }
    }

    @Test("Sensitivity ceilings", arguments: [
        (StaffRole.advisor, Sensitivity.standard), (.backOfficeOfficer, .sensitive), (.teamLead, .sensitive),
        (.complaintsOfficer, .restricted), (.informationRequestsOfficer, .restricted), (.manager, .restricted),
        (.councillor, .standard), (.administrator, .standard),
    ])
    func sensitivityCeiling(role: StaffRole, ceiling: Sensitivity) {
        let actor = StaffMember(role: role, councilID: Self.council, teamIDs: [Self.team])
        let action = Permissions.grants(role).sorted { $0.rawValue < $1.rawValue }.first!
        for level in Sensitivity.allCases {
            let decision = Permissions.decide(actor, action, on: ResourceScope(councilID: Self.council, owningTeamID: Self.team, sensitivity: level))
            #expect(decision == (level <= ceiling ? .allowed : .denied(.tooSensitive)), "\(role) on \(level)")
        }
    }

    @Test("A refusal says why, in words staff understand")
    func reasonsAreSentences() {
        let advisor = StaffMember(role: .advisor, councilID: Self.council)
        #expect(Permissions.decide(advisor, .manageStaff, on: ResourceScope(councilID: Self.council)) == .denied(.roleCannot))
        #expect(Permissions.Reason.roleCannot.rawValue == "your role does not include this")
    }
}
