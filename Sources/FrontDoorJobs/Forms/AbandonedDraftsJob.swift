import Foundation
import FrontDoorPersistence
import Logging

/// Clears forms started and then left (and the files uploaded with them): answers nobody sent
/// are personal data the council has no reason to keep. A draft untouched for `keepFor` goes.
public struct AbandonedDraftsJob: RecurringJob {
    public let name = "abandoned-form-drafts"
    public let interval: Duration
    let attachments: AttachmentRepository
    let keepFor: TimeInterval
    let now: @Sendable () -> Date

    /// Thirty days: long enough to come back to a form after a holiday.
    public static let defaultKeepFor: TimeInterval = 30 * 86_400

    public init(attachments: AttachmentRepository, interval: Duration = .seconds(3600), keepFor: TimeInterval = defaultKeepFor,
                now: @escaping @Sendable () -> Date = Date.init) {
        self.attachments = attachments
        self.interval = interval
        self.keepFor = keepFor
        self.now = now
    }

    public func run(logger: Logger) async throws {
        try await attachments.deleteUntouchedDrafts(since: now().addingTimeInterval(-keepFor))
    }
}
