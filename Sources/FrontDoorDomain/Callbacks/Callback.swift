import Foundation

/// A call back promised to a customer within a window ("between 2pm and 4pm on Thursday").
/// Open callbacks form the advisors' queue: due once the window opens, overdue once it closes.
public struct Callback: Hashable, Sendable, Identifiable {
    public enum State: String, Sendable {
        /// The window has not opened yet.
        case upcoming
        /// The window is open: call now.
        case due
        /// The window closed before anyone called: the promise was broken, call at once.
        case overdue
        case done

        public var displayName: String {
            switch self {
            case .upcoming: "Upcoming"
            case .due: "Due now"
            case .overdue: "Overdue"
            case .done: "Done"
            }
        }
    }

    public var id: UUID
    public var councilID: UUID
    public var customerID: UUID
    public var phone: String
    public var window: DateInterval
    public var reason: String
    public var serviceID: UUID?
    public var bookedBy: String
    public var bookedAt: Date
    public var completedBy: String?
    public var completedAt: Date?
    public var completionNote: String?

    public init(id: UUID = UUID(), councilID: UUID, customerID: UUID, phone: String, window: DateInterval, reason: String,
                serviceID: UUID?, bookedBy: String, bookedAt: Date, completedBy: String? = nil, completedAt: Date? = nil,
                completionNote: String? = nil) {
        self.id = id
        self.councilID = councilID
        self.customerID = customerID
        self.phone = phone
        self.window = window
        self.reason = reason
        self.serviceID = serviceID
        self.bookedBy = bookedBy
        self.bookedAt = bookedAt
        self.completedBy = completedBy
        self.completedAt = completedAt
        self.completionNote = completionNote
    }

    public func state(at now: Date) -> State {
        if completedAt != nil { return .done }
        if now < window.start { return .upcoming }
        return now < window.end ? .due : .overdue
    }
}
