import Foundation

/// What the database counted for one reporting period, grouped finely enough for every figure
/// and breakdown on the dashboard to be added up from it (so each table row and its total come
/// from the same counts).
public struct PerformanceCounts: Sendable, Equatable {
    /// Cases that came in, by where they were about, who owns them and how they came.
    public struct Received: Sendable, Hashable {
        public var serviceID: UUID
        public var teamID: UUID?
        public var channel: ServiceChannel
        /// Made through an online form (not an email or another system's record).
        public var throughForm: Bool
        public var cases: Int

        public init(serviceID: UUID, teamID: UUID?, channel: ServiceChannel, throughForm: Bool, cases: Int) {
            self.serviceID = serviceID
            self.teamID = teamID
            self.channel = channel
            self.throughForm = throughForm
            self.cases = cases
        }

        /// A resident sends a form online themselves; staff send it on the channel the customer came by.
        public var madeByStaffThroughForm: Bool { throughForm && channel != .online }
    }

    /// Cases resolved against a service standard, by the same groups, and whether they met it.
    public struct Resolved: Sendable, Hashable {
        public var serviceID: UUID
        public var teamID: UUID?
        public var channel: ServiceChannel
        public var met: Bool
        public var cases: Int

        public init(serviceID: UUID, teamID: UUID?, channel: ServiceChannel, met: Bool, cases: Int) {
            self.serviceID = serviceID
            self.teamID = teamID
            self.channel = channel
            self.met = met
            self.cases = cases
        }
    }

    /// A ward's cases. Wards are counted apart from services and teams: wards times services
    /// would be nearly as many groups as cases. Contacts have no ward.
    public struct Ward: Sendable, Hashable {
        /// Nil for cases with no ward.
        public var ward: String?
        public var received: CaseFigures.Received
        public var standard: CaseFigures.Standard

        public init(ward: String?, received: CaseFigures.Received, standard: CaseFigures.Standard) {
            self.ward = ward
            self.received = received
            self.standard = standard
        }
    }

    public var contacts: [ContactFigures.Count]
    public var received: [Received]
    public var resolved: [Resolved]
    public var wards: [Ward]
    public var calls: CallFigures
    public var satisfaction: SatisfactionFigures

    public init(contacts: [ContactFigures.Count], received: [Received], resolved: [Resolved], wards: [Ward], calls: CallFigures,
                satisfaction: SatisfactionFigures) {
        self.contacts = contacts
        self.received = received
        self.resolved = resolved
        self.wards = wards
        self.calls = calls
        self.satisfaction = satisfaction
    }

    public var contactFigures: ContactFigures { ContactFigures(contacts) }

    public var caseFigures: CaseFigures {
        CaseFigures(received: Self.received(received), standardByService: Dictionary(grouping: resolved, by: \.serviceID).mapValues(Self.standard))
    }

    public static func received(_ rows: [Received]) -> CaseFigures.Received {
        rows.reduce(.none) { sum, row in
            sum + .init(cases: row.cases, throughForms: row.throughForm ? row.cases : 0, throughFormsByStaff: row.madeByStaffThroughForm ? row.cases : 0)
        }
    }

    public static func standard(_ rows: [Resolved]) -> CaseFigures.Standard {
        rows.reduce(.none) { $0 + .init(resolved: $1.cases, met: $1.met ? $1.cases : 0) }
    }
}
