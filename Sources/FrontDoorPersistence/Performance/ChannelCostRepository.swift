import Foundation
import FrontDoorDomain
import SQLKit

/// Each council's cost per contact per channel: the ones it set, over the published defaults.
public struct ChannelCostRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func costs(councilID: UUID) async throws -> ChannelCosts {
        try await own(councilID: councilID).reduce(ChannelCosts.defaults) { $0.setting($1.key, to: $1.value) }
    }

    /// Only the figures the council set itself.
    public func own(councilID: UUID) async throws -> [Contact.Channel: Int] {
        struct Row: Decodable { var channel: String; var pence: Int }
        let rows = try await database.sql.select().columns("channel", "pence").from("channel_costs").where("council_id", .equal, councilID)
            .all(decoding: Row.self)
        return rows.reduce(into: [:]) { own, row in
            if let channel = Contact.Channel(rawValue: row.channel) { own[channel] = row.pence }
        }
    }

    /// Replaces the council's own figures with `pence` (a channel left out goes back to the default), in one transaction.
    public func save(_ pence: [Contact.Channel: Int], councilID: UUID, at now: Date) async throws {
        try await database.transaction { db in
            try await db.delete(from: "channel_costs").where("council_id", .equal, councilID).run()
            for (channel, value) in pence.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                try await db.insert(into: "channel_costs").columns("council_id", "channel", "pence", "updated_at")
                    .values(SQLBind(councilID), SQLBind(channel.rawValue), SQLBind(value), SQLBind(now)).run()
            }
        }
    }
}
