import Foundation
import FrontDoorDomain
import SQLKit

/// The wording of each council's notifications: its own where it has written one, otherwise
/// the product's default for the event and channel.
public struct NotificationTemplateRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public struct Current: Sendable, Equatable {
        public var template: MessageTemplate
        /// Nil while the default wording is used.
        public var changedBy: String?
        public var changedAt: Date?
    }

    struct Row: Codable {
        var council_id: UUID
        var event: String
        var channel: String
        var subject: String
        var body: String
        var updated_by: String
        var updated_at: Date
    }

    public func current(councilID: UUID, event: NotificationEvent, channel: NotificationChannel) async throws -> Current {
        let row = try await database.sql.select().column("*").from("notification_templates").where("council_id", .equal, councilID)
            .where("event", .equal, event.rawValue).where("channel", .equal, channel.rawValue).first(decoding: Row.self)
        guard let row else { return Current(template: event.defaultTemplate(for: channel)) }
        return Current(template: MessageTemplate(subject: row.subject, body: row.body), changedBy: row.updated_by, changedAt: row.updated_at)
    }

    /// Which (event, channel) pairs the council has reworded.
    public func customised(councilID: UUID) async throws -> Set<String> {
        struct Key: Decodable { var event: String; var channel: String }
        return Set(try await database.sql.select().columns("event", "channel").from("notification_templates")
            .where("council_id", .equal, councilID).all(decoding: Key.self).map { $0.event + "/" + $0.channel })
    }

    public func save(_ template: MessageTemplate, councilID: UUID, event: NotificationEvent, channel: NotificationChannel,
                     by staff: String, at now: Date = Date()) async throws {
        try await database.transaction { db in
            try await db.delete(from: "notification_templates").where("council_id", .equal, councilID)
                .where("event", .equal, event.rawValue).where("channel", .equal, channel.rawValue).run()
            try await db.insert(into: "notification_templates").model(Row(
                council_id: councilID, event: event.rawValue, channel: channel.rawValue, subject: channel.hasSubject ? template.subject : "",
                body: template.body, updated_by: staff, updated_at: now)).run()
        }
    }

    /// Goes back to the default wording.
    public func reset(councilID: UUID, event: NotificationEvent, channel: NotificationChannel) async throws {
        try await database.sql.delete(from: "notification_templates").where("council_id", .equal, councilID)
            .where("event", .equal, event.rawValue).where("channel", .equal, channel.rawValue).run()
    }
}
