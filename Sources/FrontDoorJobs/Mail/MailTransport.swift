import Foundation
import Logging

/// Something that hands a finished email to the outside world: an SMTP relay in production,
/// the log in development (so the demo's links can be followed with no mail server).
public protocol MailTransport: Sendable {
    func send(_ message: OutgoingEmail) async throws
}

/// Why a send failed, as far as retrying goes.
public protocol MailDeliveryError: Error {
    /// The server refused for good (no such mailbox): trying again would not help.
    var isPermanent: Bool { get }
}

/// Writes each message to the log instead of sending it. For development and demos only:
/// start-up warns when production runs without a mail server.
public struct LogMailTransport: MailTransport {
    let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    public func send(_ message: OutgoingEmail) async throws {
        logger.notice("Email not sent (no SMTP_URL): written here instead", metadata: [
            "to": .string(message.to.map(\.address).joined(separator: ", ")),
            "subject": .string(message.subject),
            "body": .string(message.textBody),
        ])
    }
}

extension SMTPClient: MailTransport {}
extension SMTPError: MailDeliveryError {}
