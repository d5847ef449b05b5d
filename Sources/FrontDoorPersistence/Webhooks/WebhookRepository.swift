import Foundation
import FrontDoorDomain
import SQLKit

/// A back-office system's endpoint: where events go, which ones, and since when.
public struct WebhookEndpoint: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var councilID: UUID
    public var url: String
    public var description: String
    public var events: Set<WebhookEvent>
    public var createdBy: String
    public var createdAt: Date
    public var disabledAt: Date?
}

/// One event for one endpoint, and how sending it has gone.
public struct WebhookDelivery: Sendable, Equatable, Identifiable {
    public enum Status: String, Sendable {
        case pending, delivered, failed
    }

    public var id: UUID
    public var endpointID: UUID
    public var event: String
    /// The JSON body, exactly as signed and sent.
    public var payload: String
    public var status: Status
    public var attempts: Int
    public var lastStatusCode: Int?
    public var lastError: String?
    public var createdAt: Date
    public var deliveredAt: Date?
}

/// Endpoints (registered by administrators, with a secret shown once and kept sealed) and
/// their delivery log.
public struct WebhookRepository: Sendable {
    let database: Database
    let sealed: SealedSecrets

    public init(database: Database, sealed: SealedSecrets) {
        self.database = database
        self.sealed = sealed
    }

    public static let deliverJobKind = "webhook.deliver"

    struct EndpointRow: Codable {
        var id: UUID
        var council_id: UUID
        var url: String
        var description: String
        var events: String
        var sealed_secret: String
        var created_by: String
        var created_at: Date
        var disabled_at: Date?

        var endpoint: WebhookEndpoint {
            WebhookEndpoint(id: id, councilID: council_id, url: url, description: description,
                            events: Set(events.split(separator: ",").compactMap { WebhookEvent(rawValue: String($0)) }),
                            createdBy: created_by, createdAt: created_at, disabledAt: disabled_at)
        }
    }

    struct DeliveryRow: Codable {
        var id: UUID
        var endpoint_id: UUID
        var council_id: UUID
        var event: String
        var payload: String
        var status: String
        var attempts: Int
        var last_status_code: Int?
        var last_error: String?
        var created_at: Date
        var delivered_at: Date?

        var delivery: WebhookDelivery {
            WebhookDelivery(id: id, endpointID: endpoint_id, event: event, payload: payload, status: WebhookDelivery.Status(rawValue: status) ?? .pending,
                            attempts: attempts, lastStatusCode: last_status_code, lastError: last_error, createdAt: created_at, deliveredAt: delivered_at)
        }
    }

    /// Registers an endpoint and returns it with its signing secret, which is not shown again.
    public func register(councilID: UUID, url: String, description: String, events: Set<WebhookEvent>, by staff: String,
                         at now: Date = Date()) async throws -> (WebhookEndpoint, secret: String) {
        let secret = "whsec_" + RandomToken.make()
        let row = EndpointRow(id: UUID(), council_id: councilID, url: url.trimmingCharacters(in: .whitespaces), description: description,
                              events: events.map(\.rawValue).sorted().joined(separator: ","), sealed_secret: try sealed.seal(secret),
                              created_by: staff, created_at: now, disabled_at: nil)
        try await database.sql.insert(into: "webhook_endpoints").model(row).run()
        return (row.endpoint, secret)
    }

    public func endpoints(councilID: UUID) async throws -> [WebhookEndpoint] {
        try await database.sql.select().column("*").from("webhook_endpoints").where("council_id", .equal, councilID)
            .orderBy("created_at").all(decoding: EndpointRow.self).map(\.endpoint)
    }

    /// Stops sending to an endpoint (its log stays); false when it was not live.
    public func disable(id: UUID, councilID: UUID, at now: Date = Date()) async throws -> Bool {
        struct Changed: Decodable { var id: UUID }
        return !(try await database.sql.update("webhook_endpoints").set("disabled_at", to: now).where("id", .equal, id)
            .where("council_id", .equal, councilID).where("disabled_at", .is, SQLLiteral.null).returning("id").all(decoding: Changed.self)).isEmpty
    }

    /// An endpoint with its secret, for sending.
    public func endpointForSending(id: UUID) async throws -> (WebhookEndpoint, secret: String)? {
        guard let row = try await database.sql.select().column("*").from("webhook_endpoints").where("id", .equal, id)
            .first(decoding: EndpointRow.self) else { return nil }
        return (row.endpoint, try sealed.open(row.sealed_secret))
    }

    public func delivery(id: UUID) async throws -> WebhookDelivery? {
        try await database.sql.select().column("*").from("webhook_deliveries").where("id", .equal, id).first(decoding: DeliveryRow.self)?.delivery
    }

    /// The newest deliveries of the council's endpoints.
    public func deliveries(councilID: UUID, limit: Int = 50) async throws -> [WebhookDelivery] {
        try await database.sql.select().column("*").from("webhook_deliveries").where("council_id", .equal, councilID)
            .orderBy("created_at", .descending).limit(limit).all(decoding: DeliveryRow.self).map(\.delivery)
    }

    /// Sent and acknowledged, on `db` (the sending job's transaction).
    public func markDelivered(_ id: UUID, statusCode: Int, at now: Date = Date(), on db: any SQLDatabase) async throws {
        try await db.update("webhook_deliveries").set("status", to: WebhookDelivery.Status.delivered.rawValue)
            .set("last_status_code", to: statusCode).set("last_error", to: SQLLiteral.null).set("delivered_at", to: now)
            .set(SQLIdentifier("attempts"), to: SQLRaw("attempts + 1")).where("id", .equal, id).run()
    }

    /// A failed attempt, recorded on its own (the job's transaction rolls back): failed for good when `final`.
    public func recordFailure(_ id: UUID, statusCode: Int?, error: String, final: Bool) async throws {
        try await database.sql.update("webhook_deliveries")
            .set("status", to: (final ? WebhookDelivery.Status.failed : .pending).rawValue).set("last_status_code", to: SQLBind(statusCode))
            .set("last_error", to: String(error.prefix(1000))).set(SQLIdentifier("attempts"), to: SQLRaw("attempts + 1"))
            .where("id", .equal, id).where("status", .notEqual, WebhookDelivery.Status.delivered.rawValue).run()
    }
}

/// Raises an event in the transaction of the change that causes it: a delivery for each of the
/// council's live endpoints that asked for it, each with the job that sends it. The body is
/// made here, once, so every endpoint gets the same words and a retry sends the same bytes.
public enum WebhookOutbox {
    public static func raise(_ event: WebhookEvent, councilID: UUID, data: [String: WebhookValue], at now: Date,
                             on db: any SQLDatabase) async throws {
        struct Subscribed: Decodable { var id: UUID; var events: String }
        let endpoints = try await db.select().columns("id", "events").from("webhook_endpoints").where("council_id", .equal, councilID)
            .where("disabled_at", .is, SQLLiteral.null).all(decoding: Subscribed.self)
            .filter { $0.events.split(separator: ",").contains(Substring(event.rawValue)) }
        guard !endpoints.isEmpty else { return }
        let eventID = UUID()
        let body = WebhookValue.object([
            "id": .string(eventID.uuidString.lowercased()), "event": .string(event.rawValue),
            "occurred_at": .string(WebhookValue.timestamp(now)), "council_id": .string(councilID.uuidString.lowercased()),
            "data": .object(data),
        ]).json
        for endpoint in endpoints {
            let id = UUID()
            try await db.insert(into: "webhook_deliveries").model(WebhookRepository.DeliveryRow(
                id: id, endpoint_id: endpoint.id, council_id: councilID, event: event.rawValue, payload: body,
                status: WebhookDelivery.Status.pending.rawValue, attempts: 0, last_status_code: nil, last_error: nil, created_at: now,
                delivered_at: nil)).run()
            try await JobQueue.enqueue(NewJob(kind: WebhookRepository.deliverJobKind, payload: #"{"delivery":"\#(id.uuidString)"}"#,
                                              councilID: councilID, dedupeKey: id.uuidString, runAt: now), at: now, on: db)
        }
    }
}

/// A webhook body's values, written as JSON with sorted keys (so the signed bytes are the same
/// on every run): hand-built because the values come from several record types at once.
public indirect enum WebhookValue: Sendable, Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case object([String: WebhookValue])

    public static func optional(_ text: String?) -> WebhookValue { text.map(WebhookValue.string) ?? .null }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    public static func time(_ date: Date?) -> WebhookValue { date.map { .string(timestamp($0)) } ?? .null }

    var any: Any {
        switch self {
        case .string(let text): text
        case .number(let number): number
        case .bool(let flag): flag
        case .null: NSNull()
        case .object(let members): members.mapValues(\.any)
        }
    }

    var json: String {
        let data = (try? JSONSerialization.data(withJSONObject: any, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
