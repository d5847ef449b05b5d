import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import SQLKit

/// Administering a council's staff: invitations, roles, teams and the two-factor switch. Each
/// change and its audit event are written together.
public struct StaffAdministration: Sendable {
    let database: Database
    let staff: StaffAccountRepository
    let teams: TeamRepository
    let invitations: StaffInvitationRepository
    let councils: CouncilRepository
    let outbox: EmailOutbox
    let audit: AuditTrail

    public init(database: Database, hasher: PasswordHasher) {
        self.database = database
        self.staff = StaffAccountRepository(database: database, hasher: hasher)
        self.teams = TeamRepository(database: database)
        self.invitations = StaffInvitationRepository(database: database)
        self.councils = CouncilRepository(database: database)
        self.outbox = EmailOutbox(database: database)
        self.audit = AuditTrail(database: database)
    }

    /// Who did it, from where, and when: what every audited change needs.
    public struct Actor: Sendable {
        public var account: StaffAccount
        public var address: String
        public var now: Date
    }

    public enum InvitationOutcome: Sendable, Equatable {
        case sent
        case alreadyStaff
    }

    public func invite(_ invitation: StaffInvitationRepository.Invitation, council: Council, by actor: Actor,
                       link: @escaping ResidentAccounts.LinkMaker) async throws -> InvitationOutcome {
        if try await staff.find(email: invitation.email, councilID: council.id) != nil { return .alreadyStaff }
        try await database.transaction { db in
            let token = try await invitations.issue(invitation, councilID: council.id, invitedBy: actor.account.id, at: actor.now, on: db)
            try await outbox.enqueue(StaffEmails.invitation(invitation, council: council, invitedBy: actor.account,
                                                            link: link(StaffPaths.invitation + "?token=" + token)),
                                     at: actor.now, on: db)
            try await audit.record(event(.staffInvited, actor, council, "\(invitation.email) as \(invitation.role.displayName)"), on: db)
        }
        return .sent
    }

    public enum AcceptOutcome: Sendable, Equatable {
        case accepted(StaffAccount)
        case used
        case expired
        case unknown
        case alreadyStaff
    }

    public func check(invitationToken token: String, council: Council, now: Date) async throws -> (AcceptOutcome, StaffInvitationRepository.Invitation?) {
        guard let found = try await invitations.find(token: token, councilID: council.id, now: now) else { return (.unknown, nil) }
        switch found.state {
        case .used: return (.used, found.invitation)
        case .expired: return (.expired, found.invitation)
        case .usable: return (.accepted(StaffAccount(councilID: council.id, email: found.invitation.email,
                                                      displayName: found.invitation.displayName, role: found.invitation.role)),
                              found.invitation)
        }
    }

    /// Creates the account with the password the invited person chose; the invitation's teams become theirs.
    public func accept(invitationToken token: String, password: String, council: Council, address: String, now: Date) async throws -> AcceptOutcome {
        let hash = try await staff.hashPassword(password)
        do {
            return try await database.transaction { db in
                guard let found = try await invitations.find(token: token, councilID: council.id, now: now, on: db) else { return .unknown }
                switch found.state {
                case .used: return .used
                case .expired: return .expired
                case .usable: break
                }
                guard try await invitations.accept(tokenDigest: found.tokenDigest, at: now, on: db) else { return .used }
                let account = StaffAccount(councilID: council.id, email: found.invitation.email,
                                           displayName: found.invitation.displayName, role: found.invitation.role)
                try await staff.insert(account, passwordHash: hash, at: now, on: db)
                try await teams.setTeams(of: account.id, to: found.invitation.teamIDs, on: db)
                try await audit.record(AuditEvent(councilID: council.id, occurredAt: now, actorID: account.id, actor: account.email,
                                                  kind: .invitationAccepted, subject: "staff account \(account.email)", address: address), on: db)
                return .accepted(account)
            }
        } catch StaffAccountRepository.CreateError.emailTaken {
            return .alreadyStaff
        }
    }

    /// Gives `target` a role and teams; refused (nothing changes) when `StaffRoleChange` says no.
    public func change(_ target: StaffAccount, role: StaffRole, teamIDs: Set<UUID>, council: Council, by actor: Actor) async throws -> StaffRoleChange.Problem? {
        let administrators = try await staff.all(councilID: council.id).filter { $0.role == .administrator }.count
        if let problem = StaffRoleChange.check(actorID: actor.account.id, target: target, newRole: role, administratorsInCouncil: administrators) {
            return problem
        }
        let councilTeams = Set(try await teams.all(councilID: council.id).map(\.id))
        let wanted = teamIDs.intersection(councilTeams)
        let before = try await teams.teamIDs(of: target.id)
        try await database.transaction { db in
            if role != target.role {
                try await staff.changeRole(of: target.id, to: role, on: db)
                try await audit.record(event(.roleChanged, actor, council,
                                             "staff account \(target.email): \(target.role.displayName) → \(role.displayName)"), on: db)
            }
            if wanted != before {
                try await teams.setTeams(of: target.id, to: wanted, on: db)
                try await audit.record(event(.teamsChanged, actor, council, "staff account \(target.email): \(wanted.count) team(s)"), on: db)
            }
        }
        return nil
    }

    public func createTeam(named name: String, council: Council, by actor: Actor) async throws {
        try await teams.create(Team(councilID: council.id, name: name), at: actor.now)
        try await audit.record(event(.teamCreated, actor, council, "team \(name)"))
    }

    public func setTwoFactorForAllStaff(_ required: Bool, council: Council, by actor: Actor) async throws {
        try await database.transaction { db in
            try await councils.setRequiresTwoFactorForAllStaff(required, councilID: council.id, on: db)
            try await audit.record(event(.councilSettingChanged, actor, council,
                                         "two-factor sign-in for all staff: \(required ? "required" : "administrators only")"), on: db)
        }
    }

    private func event(_ kind: AuditEvent.Kind, _ actor: Actor, _ council: Council, _ subject: String) -> AuditEvent {
        AuditEvent(councilID: council.id, occurredAt: actor.now, actorID: actor.account.id, actor: actor.account.email,
                   kind: kind, subject: subject, address: actor.address)
    }
}

/// The wording of the invitation email.
enum StaffEmails {
    static func invitation(_ invitation: StaffInvitationRepository.Invitation, council: Council, invitedBy: StaffAccount, link: String) -> QueuedEmail {
        AccountEmails.linkMessage(
            council: council, to: invitation.email, name: invitation.displayName, subject: "You have been invited to FrontDoor",
            intro: "\(invitedBy.displayName) has invited you to use FrontDoor at \(council.name) as: \(invitation.role.displayName). To accept, choose your password by opening this link:",
            link: link, lifetime: StaffInvitationPolicy.lifetimeDescription,
            ifNotYou: "If you were not expecting this, you do not need to do anything.", language: .english)
    }
}
