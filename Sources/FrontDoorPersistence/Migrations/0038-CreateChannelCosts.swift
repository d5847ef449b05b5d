import SQLKit

/// What one contact costs each council on a channel, in pence, where the council has set its
/// own figure; channels it has not set cost the published benchmark's (`ChannelCosts.defaults`).
struct CreateChannelCosts: Migration {
    let name = "0038-create-channel-costs"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        try await db.create(table: "channel_costs")
            .column("council_id", type: SchemaTypes.uuid(kind), .notNull, .references("councils", "id", onDelete: .cascade))
            .column("channel", type: .text, .notNull)
            .column("pence", type: .int, .notNull)
            .column("updated_at", type: SchemaTypes.timestamp(kind), .notNull)
            .run()
        try await db.create(index: "channel_costs_council_channel").on("channel_costs").column("council_id").column("channel").unique().run()
    }
}
