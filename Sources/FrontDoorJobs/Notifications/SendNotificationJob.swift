import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import SQLKit

/// Sends one queued notification through the sender for its channel, and records how it went.
/// Sent already (a retry after a crash between sending and recording) means done: it is not
/// sent twice from here.
public struct SendNotificationJob: JobHandler {
    public var kind: String { NotificationOutbox.sendJobKind }
    let outbox: NotificationOutbox
    let councils: CouncilRepository
    let senders: [NotificationChannel: any NotificationSender]

    public init(database: Database, senders: [NotificationChannel: any NotificationSender]) {
        self.outbox = NotificationOutbox(database: database)
        self.councils = CouncilRepository(database: database)
        self.senders = senders
    }

    public func perform(_ job: ClaimedJob, commit: JobCommit) async throws {
        struct Payload: Decodable { var notification: UUID }
        guard let payload = try? JSONDecoder().decode(Payload.self, from: Data(job.payload.utf8)),
              var found = try await outbox.find(id: payload.notification) else {
            throw PermanentJobFailure("The notification this job sends does not exist")
        }
        found.councilName = try await councils.find(id: found.councilID)?.name
        let notification = found
        guard notification.status == .queued else { return }
        guard let sender = senders[notification.channel] else {
            try await outbox.recordFailure(notification.id, provider: "none", error: "No provider is set up for this channel", final: true)
            throw PermanentJobFailure("No provider is set up for \(notification.channel.displayName.lowercased())s")
        }
        let reference: String?
        do {
            reference = try await sender.send(notification)
        } catch let error as UndeliverableNotification {
            try await outbox.recordFailure(notification.id, provider: sender.name, error: error.description, final: true)
            throw PermanentJobFailure(error.description)
        } catch {
            try await outbox.recordFailure(notification.id, provider: sender.name, error: String(describing: error),
                                           final: job.attempt >= job.maximumAttempts)
            throw error
        }
        try await commit { [outbox] db in
            try await outbox.markSent(notification.id, provider: sender.name, reference: reference, on: db)
        }
    }
}
