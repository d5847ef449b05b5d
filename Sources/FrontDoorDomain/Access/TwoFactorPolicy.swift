/// Who must use a second factor (an authenticator app code) to sign in.
///
/// Administrators always: they can change anyone's access. Other staff when their council
/// switches it on for everyone. Anyone who has set it up uses it, required or not.
public enum TwoFactorPolicy {
    public static func isRequired(for role: StaffRole, councilRequiresForAllStaff: Bool) -> Bool {
        role == .administrator || councilRequiresForAllStaff
    }

    public static func mustUseSecondFactor(role: StaffRole, councilRequiresForAllStaff: Bool, hasSetUp: Bool) -> Bool {
        hasSetUp || isRequired(for: role, councilRequiresForAllStaff: councilRequiresForAllStaff)
    }
}
