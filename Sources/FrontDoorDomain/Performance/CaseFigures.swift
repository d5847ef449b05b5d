import Foundation

/// What a period's requests (cases) say: how many came in, how many of those made through the
/// online forms staff made for the customer (assisted self-serve: an advisor filling in the
/// form during a call or a visit), and how many resolved cases met their service standard.
/// A case counts as received in the period it came in, and against the standard in the period
/// it was resolved; a case with no standard to meet is left out of compliance.
public struct CaseFigures: Sendable, Equatable {
    /// Cases that came in: how many, and of those made through the forms, how many staff made.
    public struct Received: Sendable, Hashable {
        public var cases: Int
        public var throughForms: Int
        public var throughFormsByStaff: Int

        public init(cases: Int, throughForms: Int, throughFormsByStaff: Int) {
            self.cases = cases
            self.throughForms = throughForms
            self.throughFormsByStaff = throughFormsByStaff
        }

        public static let none = Received(cases: 0, throughForms: 0, throughFormsByStaff: 0)

        public static func + (lhs: Received, rhs: Received) -> Received {
            Received(cases: lhs.cases + rhs.cases, throughForms: lhs.throughForms + rhs.throughForms,
                     throughFormsByStaff: lhs.throughFormsByStaff + rhs.throughFormsByStaff)
        }

        public var assistedSelfServePercentage: Double? { Percentage.of(throughFormsByStaff, throughForms) }
    }

    /// Cases resolved against a service standard: how many, and how many met it.
    public struct Standard: Sendable, Hashable {
        public var resolved: Int
        public var met: Int

        public init(resolved: Int, met: Int) {
            self.resolved = resolved
            self.met = met
        }

        public static let none = Standard(resolved: 0, met: 0)

        public static func + (lhs: Standard, rhs: Standard) -> Standard {
            Standard(resolved: lhs.resolved + rhs.resolved, met: lhs.met + rhs.met)
        }

        public var metPercentage: Double? { Percentage.of(met, resolved) }
    }

    public var received: Received
    public var standard: Standard
    public var standardByService: [UUID: Standard]

    public init(received: Received, standardByService: [UUID: Standard]) {
        self.received = received
        self.standardByService = standardByService
        standard = standardByService.values.reduce(.none, +)
    }
}
