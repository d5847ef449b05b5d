import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// The council's notification wording: every event on every channel, each changed, previewed
/// with example values (a text message with its length and parts) and put back to the default.
struct NotificationTemplateRoutes {
    let renderer: PageRenderer
    let templates: NotificationTemplateRepository
    let audit: AuditTrail

    init(renderer: PageRenderer, database: Database) {
        self.renderer = renderer
        self.templates = NotificationTemplateRepository(database: database)
        self.audit = AuditTrail(database: database)
    }

    func register(on router: Router<ResidentRequestContext>) {
        let routes = self
        let staff = router.group(RouterPath(StaffPaths.home), context: StaffRequestContext.self)

        staff.get("notifications") { _, context -> Response in
            try context.require(.manageServices)
            let changed = try await routes.templates.customised(councilID: context.staff.councilID)
            let base = context.basePath + StaffPaths.notifications + "/"
            return try routes.renderer.response(NotificationListPage(
                chrome: ChromeFactory.chrome(pageTitle: "Notifications", context: context),
                channels: NotificationChannel.allCases.map(\.displayName),
                events: NotificationEvent.allCases.map { event in
                    .init(name: event.displayName, links: NotificationChannel.allCases.map { channel in
                        .init(href: base + event.rawValue + "/" + channel.rawValue,
                              text: changed.contains(event.rawValue + "/" + channel.rawValue) ? "Changed" : "Default",
                              hidden: " " + channel.displayName.lowercased() + ": " + event.displayName.lowercased())
                    })
                }))
        }

        staff.get("notifications/:event/:channel") { request, context -> Response in
            try context.require(.manageServices)
            let (event, channel) = try Self.chosen(context)
            let current = try await routes.templates.current(councilID: context.staff.councilID, event: event, channel: channel)
            let banner = request.uri.queryParameters["saved"] != nil ? "The message has been saved"
                : request.uri.queryParameters["reset"] != nil ? "The message is back to the default wording" : nil
            return try routes.page(event, channel, template: current.template, changedBy: current.changedBy, context, banner: banner)
        }

        staff.post("notifications/:event/:channel") { request, context -> Response in
            try context.require(.manageServices)
            let (event, channel) = try Self.chosen(context)
            let form = try await FormInput.read(from: request, context: context)
            let typed = MessageTemplate(subject: channel.hasSubject ? form["subject"] : "",
                                        body: form.raw("body").replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines))
            let problems = event.check(typed, channel: channel)
            guard form["action"] == "save", problems.isEmpty else {
                return try routes.page(event, channel, template: typed, changedBy: nil, context, problems: problems,
                                       previewing: true, status: problems.isEmpty ? .ok : .unprocessableContent)
            }
            try await routes.templates.save(typed, councilID: context.staff.councilID, event: event, channel: channel, by: context.staff.displayName)
            try await routes.audit.record(AuditEvent(
                councilID: context.staff.councilID, occurredAt: Date(), actorID: context.staff.id, actor: context.staff.email,
                kind: .councilSettingChanged, subject: "notification wording: \(event.displayName), \(channel.displayName.lowercased())",
                address: context.remoteAddress))
            return .redirect(to: context.basePath + StaffPaths.notifications + "/" + event.rawValue + "/" + channel.rawValue + "?saved=1")
        }

        staff.post("notifications/:event/:channel/reset") { _, context -> Response in
            try context.require(.manageServices)
            let (event, channel) = try Self.chosen(context)
            try await routes.templates.reset(councilID: context.staff.councilID, event: event, channel: channel)
            try await routes.audit.record(AuditEvent(
                councilID: context.staff.councilID, occurredAt: Date(), actorID: context.staff.id, actor: context.staff.email,
                kind: .councilSettingChanged, subject: "notification wording reset: \(event.displayName), \(channel.displayName.lowercased())",
                address: context.remoteAddress))
            return .redirect(to: context.basePath + StaffPaths.notifications + "/" + event.rawValue + "/" + channel.rawValue + "?reset=1")
        }
    }

    static func chosen(_ context: StaffRequestContext) throws -> (NotificationEvent, NotificationChannel) {
        guard let event = context.parameters.get("event").flatMap(NotificationEvent.init(rawValue:)),
              let channel = context.parameters.get("channel").flatMap(NotificationChannel.init(rawValue:)) else { throw HTTPError(.notFound) }
        return (event, channel)
    }

    func page(_ event: NotificationEvent, _ channel: NotificationChannel, template: MessageTemplate, changedBy: String?,
              _ context: StaffRequestContext, banner: String? = nil, problems: [FieldProblem] = [], previewing: Bool = false,
              status: HTTPResponse.Status = .ok) throws -> Response {
        func error(_ field: String) -> String? { problems.first { $0.field == field }?.message }
        let path = context.basePath + StaffPaths.notifications + "/" + event.rawValue + "/" + channel.rawValue
        var preview: NotificationEditPage.Preview?
        if problems.isEmpty, case .success(let rendered) = template.render(NotificationEvent.examples) {
            preview = .init(subject: channel.hasSubject ? rendered.subject : nil,
                            paragraphs: rendered.body.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .newlines) }.filter { !$0.isEmpty },
                            length: channel == .sms ? TextMessageLength(rendered.body).summary : nil)
        }
        let title = event.displayName + ": " + channel.displayName.lowercased()
        return try renderer.response(NotificationEditPage(
            chrome: ChromeFactory.chrome(pageTitle: title, context: context, hasErrors: !problems.isEmpty),
            backLink: BackLink(href: context.basePath + StaffPaths.notifications, text: "All notifications"),
            errorSummary: problems.isEmpty ? nil : ErrorSummary(errors: problems.map { FieldError(fieldID: $0.field, message: $0.message) }),
            banner: banner.map { NotificationBanner(heading: $0, isSuccess: true) },
            heading: title, wording: changedBy.map { "Changed by \($0)." } ?? (previewing ? "Not saved yet." : "This is the default wording."),
            action: path, csrfToken: context.csrfToken,
            subject: channel.hasSubject ? TextInput(id: "subject", label: Label(channel == .letter ? "Heading" : "Subject line"),
                                                    error: error("subject"), value: template.subject) : nil,
            body: Textarea(id: "body", label: Label("Message"),
                           hint: "You can use " + event.placeholders.map { "((\($0)))" }.joined(separator: ", ")
                               + ". Leave a blank line between paragraphs.", error: error("body"), value: template.body, rows: 12),
            previewButton: Button("Preview", name: "action", value: "preview", variant: .secondary),
            save: Button("Save", name: "action", value: "save"),
            preview: preview, previewTitle: previewing ? "Preview (not saved)" : "Preview",
            resetAction: changedBy == nil ? nil : path + "/reset", reset: Button("Use the default wording", variant: .warning)),
            status: status)
    }
}

public struct NotificationListPage: PageModel {
    public static let template = "staff-notifications"

    public struct Link: Sendable { public var href: String; public var text: String; public var hidden: String }
    public struct Event: Sendable { public var name: String; public var links: [Link] }

    public var chrome: PageChrome
    public var channels: [String]
    public var events: [Event]
}

public struct NotificationEditPage: PageModel {
    public static let template = "staff-notification-edit"

    public struct Preview: Sendable {
        public var subject: String?
        public var paragraphs: [String]
        /// Text messages: characters and parts.
        public var length: String?
    }

    public var chrome: PageChrome
    public var backLink: BackLink
    public var errorSummary: ErrorSummary?
    public var banner: NotificationBanner?
    public var heading: String
    public var wording: String
    public var action: String
    public var csrfToken: String
    public var subject: TextInput?
    public var body: Textarea
    public var previewButton: Button
    public var save: Button
    public var preview: Preview?
    public var previewTitle: String
    public var resetAction: String?
    public var reset: Button
}
