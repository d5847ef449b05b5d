import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Logging

/// Every hour: customers who have not answered an officer's question within a week are
/// reminded once per wait (the `replyReminder` notification, in the council's wording), since
/// their request cannot move until they do.
public struct ReplyReminderJob: RecurringJob {
    public let name = "reply-reminders"
    public let interval: Duration
    let reminders: ReplyReminders
    let councils: CouncilRepository
    let wait: TimeInterval
    /// The request in My Account, for the reminder's link: from BASE_URL.
    let requestLink: @Sendable (Council, CaseReference) -> String
    let now: @Sendable () -> Date

    public init(database: Database, interval: Duration = .seconds(3600), wait: TimeInterval = ReplyReminders.defaultWait,
                requestLink: @escaping @Sendable (Council, CaseReference) -> String, now: @escaping @Sendable () -> Date = Date.init) {
        self.reminders = ReplyReminders(database: database)
        self.councils = CouncilRepository(database: database)
        self.interval = interval
        self.wait = wait
        self.requestLink = requestLink
        self.now = now
    }

    public func run(logger: Logger) async throws {
        let now = self.now()
        for council in try await councils.all() {
            for (item, _) in try await reminders.due(councilID: council.id, now: now, after: wait) {
                try await reminders.remind(item, council: council, link: requestLink(council, item.reference), at: now)
                logger.info("Reminded a customer to reply", metadata: ["case": .string(item.reference.description)])
            }
        }
    }
}
