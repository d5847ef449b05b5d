import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Logging

/// Sends what waits in the email outbox, a few seconds after it was written. A message whose
/// send fails for a passing reason is tried again later (`DeliveryRetry`); one refused for good
/// is marked failed with the server's reason.
public struct EmailDeliveryJob: RecurringJob {
    public let name = "email-delivery"
    public let interval: Duration
    let outbox: EmailOutbox
    let transport: any MailTransport
    let sender: String

    /// `sender` is the address every message comes from (MAIL_FROM); the council's name is shown with it.
    public init(database: Database, transport: any MailTransport, sender: String, interval: Duration = .seconds(2)) {
        self.outbox = EmailOutbox(database: database)
        self.transport = transport
        self.sender = sender
        self.interval = interval
    }

    public func run(logger: Logger) async throws {
        for claimed in try await outbox.claimDue(now: Date()) {
            let email = claimed.email
            let message = OutgoingEmail(
                from: MailAddress(address: sender, displayName: email.fromName),
                to: [MailAddress(address: email.toAddress, displayName: email.toName)],
                subject: email.subject, textBody: email.bodyText,
                messageID: "\(email.id.uuidString.lowercased())@\(sender.split(separator: "@").last ?? "frontdoor")",
                date: Date())
            do {
                try await transport.send(message)
                try await outbox.markSent(email.id, at: Date())
            } catch {
                let permanent = (error as? any MailDeliveryError)?.isPermanent ?? false
                let retryAt = DeliveryRetry.nextAttempt(after: claimed.previousAttempts + 1, permanent: permanent, now: Date())
                logger.warning(retryAt == nil ? "Email could not be sent; giving up" : "Email could not be sent; will try again",
                               metadata: ["email": .string(email.id.uuidString), "error": .string(String(describing: error))])
                try await outbox.markFailed(email.id, error: String(describing: error), retryAt: retryAt, at: Date())
            }
        }
    }
}
