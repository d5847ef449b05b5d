import Foundation

/// A notice the council publishes about disruption ("Collections delayed in Riverside ward
/// today"), shown on every portal page and to advisors while it is live, and optionally sent
/// to residents who asked for alerts about that service or area: contact made before the
/// resident has to call.
public struct ServiceAlert: Hashable, Sendable, Identifiable {
    public var id: UUID
    public var councilID: UUID
    public var title: String
    public var message: String
    /// The service it is about; nil for all services (the offices are closed, say).
    public var serviceID: UUID?
    /// The ward it is about; nil for the whole council area.
    public var ward: String?
    public var startsAt: Date
    /// When it stops showing by itself; nil until withdrawn.
    public var endsAt: Date?
    public var publishedBy: String
    public var withdrawnAt: Date?
    /// How many subscribers it was sent to when published (0 when it was not sent).
    public var subscribersTold: Int

    public init(id: UUID = UUID(), councilID: UUID, title: String, message: String, serviceID: UUID?, ward: String?, startsAt: Date,
                endsAt: Date?, publishedBy: String, withdrawnAt: Date? = nil, subscribersTold: Int = 0) {
        self.id = id
        self.councilID = councilID
        self.title = title
        self.message = message
        self.serviceID = serviceID
        self.ward = ward
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.publishedBy = publishedBy
        self.withdrawnAt = withdrawnAt
        self.subscribersTold = subscribersTold
    }

    public func isLive(at now: Date) -> Bool {
        withdrawnAt == nil && startsAt <= now && endsAt.map { now < $0 } ?? true
    }

    /// Whether a resident who asked for alerts about `serviceID` (nil: every service) in `ward`
    /// (nil: anywhere) should hear of it. An alert for all services or the whole area reaches
    /// every matching subscriber.
    public func reaches(subscribedService serviceID: UUID?, ward: String?) -> Bool {
        let serviceMatches = serviceID == nil || self.serviceID == nil || serviceID == self.serviceID
        let wardMatches = ward == nil || self.ward == nil || ward?.lowercased() == self.ward?.lowercased()
        return serviceMatches && wardMatches
    }

    public static let titleLimit = 120
    public static let messageLimit = 1_000

    /// How long an alert shows, chosen when it is published.
    public enum Duration: String, CaseIterable, Sendable {
        case fourHours = "4-hours"
        case endOfToday = "today"
        case threeDays = "3-days"
        case oneWeek = "1-week"
        case untilWithdrawn = "until-withdrawn"

        public var displayName: String {
            switch self {
            case .fourHours: "4 hours"
            case .endOfToday: "Until the end of today"
            case .threeDays: "3 days"
            case .oneWeek: "1 week"
            case .untilWithdrawn: "Until I withdraw it"
            }
        }

        /// When an alert published at `now` ends; "today" ends at midnight on the UK clock.
        public func endsAt(publishedAt now: Date) -> Date? {
            switch self {
            case .fourHours: now.addingTimeInterval(4 * 3600)
            case .endOfToday: LocalDate(now).adding(days: 1).start(in: .london)
            case .threeDays: now.addingTimeInterval(3 * 86_400)
            case .oneWeek: now.addingTimeInterval(7 * 86_400)
            case .untilWithdrawn: nil
            }
        }
    }

    /// What an administrator typed, checked: every problem at once, by field.
    public static func check(title: String, message: String, duration: String) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty {
            problems.append(.init(field: "title", message: "Enter a short title, such as ‘Bin collections delayed in Riverside’"))
        } else if title.count > titleLimit {
            problems.append(.init(field: "title", message: "The title must be \(titleLimit) characters or fewer"))
        }
        let message = message.trimmingCharacters(in: .whitespacesAndNewlines)
        if message.isEmpty {
            problems.append(.init(field: "message", message: "Enter what residents need to know"))
        } else if message.count > messageLimit {
            problems.append(.init(field: "message", message: "The message must be 1,000 characters or fewer"))
        }
        if Duration(rawValue: duration) == nil {
            problems.append(.init(field: "duration", message: "Select how long the alert shows"))
        }
        return problems
    }
}
