import Foundation

/// How urgent a case is.
public enum CasePriority: String, CaseIterable, Sendable, Codable {
    case low, normal, high, urgent

    public var displayName: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// When a case must be resolved by: a UK date for working-day standards, an instant for hours.
public enum CaseDeadline: Hashable, Sendable {
    case date(LocalDate)
    case instant(Date)
}

/// Where a case stands against its published standard.
public enum StandardState: String, CaseIterable, Sendable, Codable {
    case onTrack = "on-track"
    case dueSoon = "due-soon"
    case breached

    public var displayName: String {
        switch self {
        case .onTrack: "On track"
        case .dueSoon: "Due soon"
        case .breached: "Overdue"
        }
    }
}

/// How a resolved case did against its standard.
public struct StandardOutcome: Hashable, Sendable {
    public var met: Bool
    /// Working days from receipt to resolution, the days spent waiting for the customer left out.
    public var workingDaysTaken: Int

    public init(met: Bool, workingDaysTaken: Int) {
        self.met = met
        self.workingDaysTaken = workingDaysTaken
    }
}

/// A request, complaint or enquiry being handled: who it is for, what was asked (the submission,
/// read with its form version), where it stands and when it is due.
public struct Case: Hashable, Sendable, Identifiable {
    public var id: UUID
    public var councilID: UUID
    public var reference: CaseReference
    public var serviceID: UUID
    public var submissionID: UUID?
    public var customerID: UUID?
    /// For a request made without an account (a guest's address), when there is no customer.
    public var guestEmail: String?
    public var channel: ServiceChannel
    public var priority: CasePriority
    public var status: CaseStatus
    public var teamID: UUID?
    public var officerID: UUID?
    public var latitude: Double?
    public var longitude: Double?
    public var address: PostalAddress?
    /// The ward it is in (from the gazetteer, when it opened), for queues and the public map.
    public var ward: String?
    public var receivedAt: Date
    public var acknowledgeBy: LocalDate
    public var resolveBy: CaseDeadline
    public var standardState: StandardState
    /// Once resolved: the standard met or missed, and how long it took.
    public var outcome: StandardOutcome?
    public var createdAt: Date
    public var updatedAt: Date
    /// When the council first acted on it (acknowledged, started, asked or resolved).
    public var acknowledgedAt: Date?
    public var resolvedAt: Date?
    public var closedAt: Date?
    /// Goes up with every change: a change made against an older version is refused, not lost.
    public var version: Int

    public init(id: UUID = UUID(), councilID: UUID, reference: CaseReference, serviceID: UUID, submissionID: UUID?, customerID: UUID?,
                guestEmail: String? = nil, channel: ServiceChannel, priority: CasePriority = .normal, status: CaseStatus = .submitted,
                teamID: UUID?, officerID: UUID? = nil, latitude: Double? = nil, longitude: Double? = nil, address: PostalAddress? = nil,
                ward: String? = nil, receivedAt: Date, acknowledgeBy: LocalDate, resolveBy: CaseDeadline, standardState: StandardState = .onTrack,
                outcome: StandardOutcome? = nil, createdAt: Date, updatedAt: Date, acknowledgedAt: Date? = nil, resolvedAt: Date? = nil, closedAt: Date? = nil, version: Int = 1) {
        self.id = id
        self.councilID = councilID
        self.reference = reference
        self.serviceID = serviceID
        self.submissionID = submissionID
        self.customerID = customerID
        self.guestEmail = guestEmail
        self.channel = channel
        self.priority = priority
        self.status = status
        self.teamID = teamID
        self.officerID = officerID
        self.latitude = latitude
        self.longitude = longitude
        self.address = address
        self.ward = ward
        self.receivedAt = receivedAt
        self.acknowledgeBy = acknowledgeBy
        self.resolveBy = resolveBy
        self.standardState = standardState
        self.outcome = outcome
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.acknowledgedAt = acknowledgedAt
        self.resolvedAt = resolvedAt
        self.closedAt = closedAt
        self.version = version
    }
}

/// One thing that happened to a case. Public events are the resident's timeline; internal
/// notes are for staff only.
public struct CaseEvent: Hashable, Sendable, Identifiable {
    public enum Visibility: String, Sendable, Codable { case `public`, `internal` }

    public var id: UUID
    public var caseID: UUID
    public var occurredAt: Date
    /// Who: a member of staff, the customer, or the system (nil id, name "FrontDoor").
    public var actorID: UUID?
    public var actorName: String
    public var visibility: Visibility
    public var text: String
    public var fromStatus: CaseStatus?
    public var toStatus: CaseStatus?
    /// The case's version after this event (a note leaves it as it was).
    public var caseVersion: Int

    public init(id: UUID = UUID(), caseID: UUID, occurredAt: Date, actorID: UUID?, actorName: String, visibility: Visibility,
                text: String, fromStatus: CaseStatus? = nil, toStatus: CaseStatus? = nil, caseVersion: Int) {
        self.caseVersion = caseVersion
        self.id = id
        self.caseID = caseID
        self.occurredAt = occurredAt
        self.actorID = actorID
        self.actorName = actorName
        self.visibility = visibility
        self.text = text
        self.fromStatus = fromStatus
        self.toStatus = toStatus
    }
}
