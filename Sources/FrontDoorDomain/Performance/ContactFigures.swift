import Foundation

/// What a period's contacts say, computed here once from their counts: how many came by each
/// channel, the online share (for channel shift), and, of the contacts people made with staff
/// (every channel but online self-service), the share resolved at the first point of contact,
/// the share that was failure demand and the share that was avoidable.
///
/// Online self-service is left out of the last three because nobody judged it: a request sent
/// online is recorded as raising a case, of value demand, so counting it would make first-contact
/// resolution look worse and failure demand look better the more people go online.
public struct ContactFigures: Sendable, Equatable {
    /// How many contacts about this service (nil: none) had this channel, outcome and demand.
    public struct Count: Sendable, Hashable {
        public var serviceID: UUID?
        public var channel: Contact.Channel
        public var outcome: Contact.Outcome
        public var demand: Contact.Demand
        public var contacts: Int

        public init(serviceID: UUID? = nil, channel: Contact.Channel, outcome: Contact.Outcome, demand: Contact.Demand, contacts: Int) {
            self.serviceID = serviceID
            self.channel = channel
            self.outcome = outcome
            self.demand = demand
            self.contacts = contacts
        }
    }

    public var total: Int
    public var byChannel: [Contact.Channel: Int]
    /// Contacts with staff: every channel but online self-service.
    public var assisted: Int
    public var resolvedFirstTime: Int
    public var failureDemand: Int
    public var avoidable: Int

    public init(_ counts: [Count]) {
        byChannel = counts.reduce(into: [:]) { $0[$1.channel, default: 0] += $1.contacts }
        total = counts.reduce(0) { $0 + $1.contacts }
        let withStaff = counts.filter { $0.channel != .online }
        assisted = withStaff.reduce(0) { $0 + $1.contacts }
        resolvedFirstTime = withStaff.filter { $0.outcome == .resolvedFirstTime }.reduce(0) { $0 + $1.contacts }
        failureDemand = withStaff.filter { $0.demand == .failure }.reduce(0) { $0 + $1.contacts }
        avoidable = withStaff.filter { $0.demand == .avoidable }.reduce(0) { $0 + $1.contacts }
    }

    public func contacts(by channel: Contact.Channel) -> Int { byChannel[channel] ?? 0 }

    /// Online self-service as a percentage of all contacts.
    public var onlinePercentage: Double? { Percentage.of(contacts(by: .online), total) }
    public var resolvedFirstTimePercentage: Double? { Percentage.of(resolvedFirstTime, assisted) }
    public var failureDemandPercentage: Double? { Percentage.of(failureDemand, assisted) }
    public var avoidablePercentage: Double? { Percentage.of(avoidable, assisted) }

    /// Channel shift: how many percentage points the online share moved from `baseline`'s.
    public func channelShift(from baseline: ContactFigures) -> Double? {
        guard let now = onlinePercentage, let then = baseline.onlinePercentage else { return nil }
        return now - then
    }
}
