import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Logging

/// Sends a worded notification through a provider and says which, with the provider's
/// reference for it. Errors whose `isPermanent` is true are not retried.
public protocol NotificationSender: Sendable {
    var name: String { get }
    func send(_ notification: StoredNotification) async throws -> String?
}

/// A failure no retry will mend (no provider for the channel, an address the provider refuses).
public struct UndeliverableNotification: Error, CustomStringConvertible {
    public var description: String
}

/// GOV.UK Notify: each channel through one template of the council's Notify service whose
/// content is `((subject))` and `((body))` (text messages: `((body))`), so the wording stays
/// FrontDoor's, edited in one place. Letters take the address lines as Notify asks.
public struct NotifySender: NotificationSender {
    public let name = "notify"
    let client: NotifyClient
    let templates: [NotificationChannel: String]

    public init(client: NotifyClient, templates: [NotificationChannel: String]) {
        self.client = client
        self.templates = templates
    }

    public func send(_ notification: StoredNotification) async throws -> String? {
        guard let template = templates[notification.channel] else {
            throw UndeliverableNotification(description: "No Notify template is set for \(notification.channel.displayName.lowercased())s")
        }
        let reference = notification.id.uuidString.lowercased()
        do {
            switch notification.channel {
            case .email:
                return try await client.sendEmail(to: notification.recipient, templateID: template,
                                                  personalisation: ["subject": notification.subject, "body": notification.body], reference: reference).id
            case .sms:
                return try await client.sendSMS(to: notification.recipient, templateID: template, personalisation: ["body": notification.body],
                                                reference: reference).id
            case .letter:
                var personalisation = ["subject": notification.subject, "body": notification.body]
                for (index, line) in notification.recipient.split(separator: "\n").prefix(7).enumerated() {
                    personalisation["address_line_\(index + 1)"] = String(line)
                }
                return try await client.sendLetter(templateID: template, personalisation: personalisation, reference: reference).id
            }
        } catch let failure as NotifyClient.Failure where failure.isPermanent {
            throw UndeliverableNotification(description: failure.description)
        }
    }
}

/// Email through the council's mail relay (SMTP_URL), for deployments without Notify. It
/// cannot send text messages or letters.
public struct MailSender: NotificationSender {
    public let name = "smtp"
    let transport: any MailTransport
    let from: String

    public init(transport: any MailTransport, from: String) {
        self.transport = transport
        self.from = from
    }

    public func send(_ notification: StoredNotification) async throws -> String? {
        guard notification.channel == .email else {
            throw UndeliverableNotification(description: "No provider sends \(notification.channel.displayName.lowercased())s: set up GOV.UK Notify")
        }
        let messageID = notification.id.uuidString.lowercased() + "@" + (from.split(separator: "@").last.map(String.init) ?? "frontdoor")
        do {
            try await transport.send(OutgoingEmail(from: MailAddress(address: from, displayName: notification.councilName), to: [MailAddress(address: notification.recipient, displayName: nil)],
                                                   subject: notification.subject, textBody: notification.body,
                                                   htmlBody: EmailHTML.render(subject: notification.subject, text: notification.body),
                                                   messageID: messageID, date: Date(), inReplyTo: notification.inReplyTo,
                                                   autoSubmitted: notification.inReplyTo == nil ? "auto-generated" : "auto-replied"))
        } catch let error as any MailDeliveryError where error.isPermanent {
            throw UndeliverableNotification(description: String(describing: error))
        }
        return messageID
    }
}

/// Development: every channel written to the log.
public struct LogSender: NotificationSender {
    public let name = "log"
    let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    public func send(_ notification: StoredNotification) async throws -> String? {
        logger.info("Notification (not sent: no provider is set up)", metadata: [
            "channel": .string(notification.channel.rawValue), "to": .string(notification.recipient),
            "subject": .string(notification.subject), "body": .string(notification.body)])
        return nil
    }
}
