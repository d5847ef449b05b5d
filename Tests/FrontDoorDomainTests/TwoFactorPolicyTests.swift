import FrontDoorDomain
import Testing

@Suite("Who must use two-factor sign-in")
struct TwoFactorPolicyTests {
    @Test("Administrators always; other roles only when the council requires it for everyone", arguments: StaffRole.allCases)
    func required(role: StaffRole) {
        #expect(TwoFactorPolicy.isRequired(for: role, councilRequiresForAllStaff: true))
        #expect(TwoFactorPolicy.isRequired(for: role, councilRequiresForAllStaff: false) == (role == .administrator))
    }

    @Test("Anyone who has set it up uses it, required or not", arguments: StaffRole.allCases)
    func setUpMeansUsed(role: StaffRole) {
        #expect(TwoFactorPolicy.mustUseSecondFactor(role: role, councilRequiresForAllStaff: false, hasSetUp: true))
    }
}
