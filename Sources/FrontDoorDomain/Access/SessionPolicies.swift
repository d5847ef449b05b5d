/// The session lifetimes a deployment uses: staff, residents, and anyone who said they are on a
/// shared or public computer (kiosk), whichever side of the counter they are.
public struct SessionPolicies: Sendable, Equatable {
    public var staff: SessionPolicy
    public var resident: SessionPolicy
    public var kiosk: SessionPolicy

    public init(staff: SessionPolicy = .staff, resident: SessionPolicy = .resident, kiosk: SessionPolicy = .kiosk) {
        self.staff = staff
        self.resident = resident
        self.kiosk = kiosk
    }

    public static let standard = SessionPolicies()

    /// The policy for a session: the kiosk one on a shared computer, else `usual`.
    public func applying(_ usual: SessionPolicy, sharedDevice: Bool) -> SessionPolicy {
        sharedDevice ? kiosk : usual
    }
}
