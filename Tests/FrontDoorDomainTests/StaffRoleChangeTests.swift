import Foundation
import FrontDoorDomain
import Testing

@Suite("Changing a member of staff's role")
struct StaffRoleChangeTests {
    let council = UUID()
    let actor = UUID()

    func account(_ role: StaffRole, id: UUID = UUID()) -> StaffAccount {
        StaffAccount(id: id, councilID: council, email: "someone@example.gov.uk", displayName: "Someone", role: role)
    }

    @Test("An administrator may change anyone else's role")
    func allowed() {
        #expect(StaffRoleChange.check(actorID: actor, target: account(.advisor), newRole: .teamLead, administratorsInCouncil: 1) == nil)
        #expect(StaffRoleChange.check(actorID: actor, target: account(.administrator), newRole: .manager, administratorsInCouncil: 2) == nil)
    }

    @Test("Nobody changes their own role")
    func ownRole() {
        #expect(StaffRoleChange.check(actorID: actor, target: account(.administrator, id: actor), newRole: .advisor,
                                      administratorsInCouncil: 3) == .ownRole)
    }

    @Test("The last administrator stays one")
    func lastAdministrator() {
        #expect(StaffRoleChange.check(actorID: actor, target: account(.administrator), newRole: .manager,
                                      administratorsInCouncil: 1) == .lastAdministrator)
    }

    @Test("Keeping the same role is never a problem, even one's own")
    func unchanged() {
        #expect(StaffRoleChange.check(actorID: actor, target: account(.administrator, id: actor), newRole: .administrator,
                                      administratorsInCouncil: 1) == nil)
    }

    @Test("Invitations last a week")
    func invitationLifetime() {
        let issued = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(AccountTokenState.of(issuedAt: issued, usedAt: nil, lifetime: StaffInvitationPolicy.lifetime,
                                     now: issued.addingTimeInterval(6 * 86400)) == .usable)
        #expect(AccountTokenState.of(issuedAt: issued, usedAt: nil, lifetime: StaffInvitationPolicy.lifetime,
                                     now: issued.addingTimeInterval(7 * 86400)) == .expired)
    }
}
