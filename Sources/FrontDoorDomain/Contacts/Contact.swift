import Foundation

/// One contact with the council on any channel: what it was about, how it ended and what kind
/// of demand it was. Contacts make the single view of the customer (every channel in one
/// record) and the figures managers need: channel shift, first-contact resolution, failure demand.
public struct Contact: Hashable, Sendable, Identifiable {
    public enum Channel: String, CaseIterable, Sendable, Codable {
        case phone
        case faceToFace = "face-to-face"
        case email
        case webChat = "web-chat"
        case post
        case socialMedia = "social-media"
        case sms
        case online

        public var displayName: String {
            switch self {
            case .phone: "Phone"
            case .faceToFace: "Face to face"
            case .email: "Email"
            case .webChat: "Web chat"
            case .post: "Post"
            case .socialMedia: "Social media"
            case .sms: "SMS"
            case .online: "Online self-service"
            }
        }
    }

    public enum Outcome: String, CaseIterable, Sendable, Codable {
        case resolvedFirstTime = "resolved-first-time"
        case caseRaised = "case-raised"
        case handedOff = "handed-off"
        case signposted
        case callbackBooked = "callback-booked"

        public var displayName: String {
            switch self {
            case .resolvedFirstTime: "Resolved at first point of contact"
            case .caseRaised: "Case raised"
            case .handedOff: "Handed off to a team"
            case .signposted: "Signposted to a partner organisation"
            case .callbackBooked: "Callback booked"
            }
        }
    }

    /// Systems thinking's demand types (Seddon): value demand is what the council is for;
    /// failure demand comes from not doing something, or not doing it right (chasing progress,
    /// a repeat report); avoidable contact could have been prevented (information that was missing).
    public enum Demand: String, CaseIterable, Sendable, Codable {
        case value
        case failure
        case avoidable

        public var displayName: String {
            switch self {
            case .value: "Value demand"
            case .failure: "Failure demand (for example, chasing progress)"
            case .avoidable: "Avoidable contact"
            }
        }
    }

    public static let notesLimit = 5_000
    /// Four hours: a visit or a call longer than that is a typing slip.
    public static let longestMinutes = 240

    public var id: UUID
    public var councilID: UUID
    /// Nil for an unknown caller, until the contact is linked to their record.
    public var customerID: UUID?
    public var channel: Channel
    /// The service it was about, when it was about one.
    public var serviceID: UUID?
    public var outcome: Outcome
    public var demand: Demand
    public var durationMinutes: Int?
    public var notes: String
    public var staffID: UUID?
    public var staffName: String
    public var recordedAt: Date

    public init(id: UUID = UUID(), councilID: UUID, customerID: UUID?, channel: Channel, serviceID: UUID?, outcome: Outcome,
                demand: Demand, durationMinutes: Int?, notes: String, staffID: UUID?, staffName: String, recordedAt: Date) {
        self.id = id
        self.councilID = councilID
        self.customerID = customerID
        self.channel = channel
        self.serviceID = serviceID
        self.outcome = outcome
        self.demand = demand
        self.durationMinutes = durationMinutes
        self.notes = notes
        self.staffID = staffID
        self.staffName = staffName
        self.recordedAt = recordedAt
    }
}

extension Contact.Channel {
    /// The contact channel a request came by (the service channels are a subset).
    public init(_ channel: ServiceChannel) {
        switch channel {
        case .online: self = .online
        case .phone: self = .phone
        case .faceToFace: self = .faceToFace
        case .email: self = .email
        case .post: self = .post
        }
    }
}
