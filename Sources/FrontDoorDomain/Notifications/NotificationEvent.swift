/// What happened that a customer is told about, on each channel, and what the council's
/// message for it may say (its placeholders). Each has a default message in plain English that
/// councils can change.
public enum NotificationEvent: String, CaseIterable, Sendable {
    case caseReceived = "case-received"
    case caseUpdated = "case-updated"
    case informationRequested = "information-requested"
    case caseResolved = "case-resolved"
    case complaintAcknowledged = "complaint-acknowledged"
    case replyReminder = "reply-reminder"
    case serviceAlert = "service-alert"

    public var displayName: String {
        switch self {
        case .caseReceived: "Request received"
        case .caseUpdated: "Request updated"
        case .informationRequested: "Information requested"
        case .caseResolved: "Request resolved"
        case .complaintAcknowledged: "Complaint acknowledged"
        case .replyReminder: "Reminder: we are waiting for a reply"
        case .serviceAlert: "Service alert"
        }
    }

    /// The values every message for this event can use.
    public var placeholders: [String] {
        let common = ["name", "reference", "service", "council", "link"]
        switch self {
        case .caseReceived: return common + ["due_date"]
        case .caseUpdated: return common + ["status", "message"]
        case .informationRequested, .replyReminder: return common + ["message"]
        case .caseResolved: return common + ["message"]
        case .complaintAcknowledged: return common + ["due_date"]
        // Not about a request: what the alert says, where, and the link to change what they receive.
        case .serviceAlert: return ["name", "council", "service", "area", "title", "message", "link"]
        }
    }

    /// Example values, for previews.
    public static let examples: [String: String] = [
        "name": "Margaret Okafor", "reference": "FD-2026-000123", "service": "Report a missed bin collection",
        "council": "Kingsmere Borough Council", "link": "https://kingsmere.example/account/requests/FD-2026-000123",
        "due_date": "Friday 27 November 2026", "status": "In progress",
        "message": "Our crew will return to collect your bin tomorrow.",
        "area": "Riverside ward", "title": "Bin collections delayed in Riverside ward",
    ]

    public func defaultTemplate(for channel: NotificationChannel) -> MessageTemplate {
        switch (self, channel) {
        case (.caseReceived, .sms):
            return MessageTemplate(body: "((council)): we have your request ((reference)) (((service))). We aim to deal with it by ((due_date)).")
        case (.caseReceived, _):
            return MessageTemplate(subject: "We have your request ((reference))", body: """
                Dear ((name))

                We have received your request: ((service)).

                Your reference is ((reference)). We aim to deal with it by ((due_date)).

                You can follow it at ((link))

                ((council))
                """)
        case (.caseUpdated, .sms):
            return MessageTemplate(body: "((council)): your request ((reference)) is now ((status)). ((message))")
        case (.caseUpdated, _):
            return MessageTemplate(subject: "Your request ((reference)): ((status))", body: """
                Dear ((name))

                Your request ((reference)) (((service))) is now: ((status)).

                ((message))

                You can follow it at ((link))

                ((council))
                """)
        case (.informationRequested, .sms):
            return MessageTemplate(body: "((council)) needs more information about your request ((reference)): ((message)) Reply at ((link))")
        case (.informationRequested, _):
            return MessageTemplate(subject: "We need more information: ((reference))", body: """
                Dear ((name))

                To carry on with your request ((reference)) (((service))), we need to know:

                ((message))

                Reply at ((link))

                ((council))
                """)
        case (.caseResolved, .sms):
            return MessageTemplate(body: "((council)): your request ((reference)) is resolved. ((message))")
        case (.caseResolved, _):
            return MessageTemplate(subject: "Your request ((reference)) is resolved", body: """
                Dear ((name))

                Your request ((reference)) (((service))) is resolved.

                ((message))

                If you are not happy with the outcome, you can tell us at ((link))

                ((council))
                """)
        case (.complaintAcknowledged, .sms):
            return MessageTemplate(body: "((council)): we have your complaint ((reference)). We will reply by ((due_date)).")
        case (.complaintAcknowledged, _):
            return MessageTemplate(subject: "We have your complaint ((reference))", body: """
                Dear ((name))

                Thank you for telling us. We have received your complaint and will send you our response by ((due_date)).

                Your reference is ((reference)). You can follow it at ((link))

                ((council))
                """)
        case (.serviceAlert, .sms):
            return MessageTemplate(body: "((council)): ((title)). ((message))")
        case (.serviceAlert, _):
            return MessageTemplate(subject: "((title))", body: """
                Dear ((name))

                ((message))

                This affects ((service)) in ((area)).

                You asked us to tell you about problems like this. To change which alerts you get, or stop them, go to ((link))

                ((council))
                """)
        case (.replyReminder, .sms):
            return MessageTemplate(body: "((council)): we are still waiting for your reply about ((reference)). Reply at ((link))")
        case (.replyReminder, _):
            return MessageTemplate(subject: "Reminder: we are waiting for your reply about ((reference))", body: """
                Dear ((name))

                We asked you for more information about your request ((reference)) (((service))):

                ((message))

                Until you reply we cannot carry on. Reply at ((link))

                ((council))
                """)
        }
    }
}

/// How a notification reaches the customer.
public enum NotificationChannel: String, CaseIterable, Sendable {
    case email
    case sms
    case letter

    public var displayName: String {
        switch self {
        case .email: "Email"
        case .sms: "Text message"
        case .letter: "Letter"
        }
    }

    /// Whether its messages have a subject line (letters use it as their heading).
    public var hasSubject: Bool { self != .sms }
}

extension NotificationEvent {
    public static let subjectLimit = 200
    public static let bodyLimit = 10_000

    /// Checks a council's message for this event as typed (field names are the editing form's):
    /// a subject where the channel has one, a body, only the placeholders this event provides,
    /// and a text message that fits (with the example values) within Notify's limit.
    public func check(_ template: MessageTemplate, channel: NotificationChannel) -> [FieldProblem] {
        // A text message has no subject: whatever was passed as one plays no part.
        let template = channel.hasSubject ? template : MessageTemplate(body: template.body)
        var problems: [FieldProblem] = []
        if channel.hasSubject {
            if template.subject.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                problems.append(.init(field: "subject", message: channel == .letter ? "Enter the letter's heading" : "Enter the subject line"))
            } else if template.subject.count > Self.subjectLimit {
                problems.append(.init(field: "subject", message: "The subject must be \(Self.subjectLimit) characters or fewer"))
            }
        }
        if template.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append(.init(field: "body", message: "Enter the message"))
        } else if template.body.count > Self.bodyLimit {
            problems.append(.init(field: "body", message: "The message must be 10,000 characters or fewer"))
        }
        let unknown = template.placeholders.filter { !placeholders.contains(MessageTemplate.key($0)) }
        if !unknown.isEmpty {
            let inSubject = unknown.contains { name in MessageTemplate(body: template.subject).placeholders.contains(name) }
            problems.append(.init(field: inSubject && channel.hasSubject ? "subject" : "body",
                                  message: unknown.map { "((\($0)))" }.joined(separator: ", ") + (unknown.count == 1 ? " is" : " are")
                                      + " not available in this message. You can use " + placeholders.map { "((\($0)))" }.joined(separator: ", ")))
        }
        if channel == .sms, unknown.isEmpty, case .success(let rendered) = template.render(Self.examples),
           TextMessageLength(rendered.body).isTooLong {
            problems.append(.init(field: "body", message: "The text message is too long: with the example values it is over \(TextMessageLength.longestCharacters) characters"))
        }
        return problems
    }
}
