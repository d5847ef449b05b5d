import Foundation

/// A period's figures split by service, team, ward or channel, each line added up from the same
/// counts as the totals. Contacts are placed by the service they were about (and so by that
/// service's team); they have no ward, so the ward breakdown has cases only, from the counts
/// by ward.
public struct PerformanceBreakdown: Sendable, Equatable {
    public enum Dimension: String, CaseIterable, Sendable {
        case service, team, ward, channel
    }

    public struct Line: Sendable, Equatable {
        /// The service's or team's id, the ward's name or the channel's code; nil for "none".
        public var key: String?
        /// Nil where contacts cannot be split this way (wards).
        public var contacts: ContactFigures?
        public var received: CaseFigures.Received
        public var standard: CaseFigures.Standard
    }

    public var dimension: Dimension
    /// Busiest first (contacts and cases together), then by key.
    public var lines: [Line]

    public init(_ dimension: Dimension, counts: PerformanceCounts, teamOfService: [UUID: UUID]) {
        self.dimension = dimension
        let unsorted: [Line]
        if dimension == .ward {
            unsorted = Dictionary(grouping: counts.wards, by: \.ward).map { ward, rows in
                Line(key: ward, contacts: nil, received: rows.map(\.received).reduce(.none, +), standard: rows.map(\.standard).reduce(.none, +))
            }
        } else {
            let contactKey: (ContactFigures.Count) -> String? = switch dimension {
            case .service, .ward: { $0.serviceID?.uuidString }
            case .team: { $0.serviceID.flatMap { teamOfService[$0] }?.uuidString }
            case .channel: { $0.channel.rawValue }
            }
            func caseKey(serviceID: UUID, teamID: UUID?, channel: ServiceChannel) -> String? {
                switch dimension {
                case .service, .ward: serviceID.uuidString
                case .team: teamID?.uuidString
                case .channel: channel.rawValue
                }
            }
            let contacts = Dictionary(grouping: counts.contacts, by: contactKey)
            let received = Dictionary(grouping: counts.received) { caseKey(serviceID: $0.serviceID, teamID: $0.teamID, channel: $0.channel) }
            let resolved = Dictionary(grouping: counts.resolved) { caseKey(serviceID: $0.serviceID, teamID: $0.teamID, channel: $0.channel) }
            unsorted = Set(contacts.keys).union(received.keys).union(resolved.keys).map { key in
                Line(key: key, contacts: ContactFigures(contacts[key] ?? []),
                     received: PerformanceCounts.received(received[key] ?? []), standard: PerformanceCounts.standard(resolved[key] ?? []))
            }
        }
        lines = unsorted.sorted { lhs, rhs in
            let (left, right) = ((lhs.contacts?.total ?? 0) + lhs.received.cases, (rhs.contacts?.total ?? 0) + rhs.received.cases)
            return left != right ? left > right : (lhs.key ?? "~") < (rhs.key ?? "~")
        }
    }
}
