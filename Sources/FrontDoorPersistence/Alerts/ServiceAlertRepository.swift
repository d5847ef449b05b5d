import Foundation
import FrontDoorDomain
import SQLKit

/// Service alerts: published (and, if asked, sent to the residents who subscribed, in the same
/// transaction, through the notification outbox), listed, withdrawn; and residents' subscriptions.
public struct ServiceAlertRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    struct Row: Codable {
        var id: UUID
        var council_id: UUID
        var title: String
        var message: String
        var service_id: UUID?
        var ward: String?
        var starts_at: Date
        var ends_at: Date?
        var published_by: String
        var withdrawn_at: Date?
        var subscribers_told: Int

        init(_ alert: ServiceAlert) {
            id = alert.id
            council_id = alert.councilID
            title = alert.title
            message = alert.message
            service_id = alert.serviceID
            ward = alert.ward
            starts_at = alert.startsAt
            ends_at = alert.endsAt
            published_by = alert.publishedBy
            withdrawn_at = alert.withdrawnAt
            subscribers_told = alert.subscribersTold
        }

        var alert: ServiceAlert {
            ServiceAlert(id: id, councilID: council_id, title: title, message: message, serviceID: service_id, ward: ward, startsAt: starts_at,
                         endsAt: ends_at, publishedBy: published_by, withdrawnAt: withdrawn_at, subscribersTold: subscribers_told)
        }
    }

    /// Publishes `alert`; with `tellSubscribers`, queues a notification for every resident whose
    /// subscription it reaches (once each, however many of their subscriptions match), worded
    /// with `serviceName`, `area` and `link` (where they change their alerts). Returns the alert
    /// with the number told.
    public func publish(_ alert: ServiceAlert, council: Council, tellSubscribers: Bool, serviceName: String, area: String,
                        link: String, at now: Date) async throws -> ServiceAlert {
        let database = self.database
        return try await database.transaction { db in
            var published = alert
            if tellSubscribers {
                let customerIDs = try await Self.subscribers(reachedBy: alert, on: db)
                let customers = try await CustomerRepository.rows(ids: customerIDs, councilID: council.id, on: db)
                let outbox = NotificationOutbox(database: database.within(db))
                for customer in customers.sorted(by: { $0.id.uuidString < $1.id.uuidString }) {
                    let values = ["service": serviceName, "area": area, "title": alert.title, "message": alert.message, "link": link]
                    if try await outbox.queue(.serviceAlert, to: customer, council: council, caseID: nil, values: values, at: now, on: db) != nil {
                        published.subscribersTold += 1
                    }
                }
            }
            try await db.insert(into: "service_alerts").model(Row(published)).run()
            return published
        }
    }

    /// The customers with a subscription the alert reaches (see `ServiceAlert.reaches`).
    static func subscribers(reachedBy alert: ServiceAlert, on db: any SQLDatabase) async throws -> [UUID] {
        struct Subscription: Decodable { var customer_id: UUID; var service_id: UUID?; var ward: String? }
        let all = try await db.select().columns("customer_id", "service_id", "ward").from("alert_subscriptions")
            .where("council_id", .equal, alert.councilID).all(decoding: Subscription.self)
        return Array(Set(all.filter { alert.reaches(subscribedService: $0.service_id, ward: $0.ward) }.map(\.customer_id)))
    }

    /// The alerts showing now, newest first.
    public func live(councilID: UUID, at now: Date = Date()) async throws -> [ServiceAlert] {
        try await database.sql.select().column("*").from("service_alerts").where("council_id", .equal, councilID)
            .where("withdrawn_at", .is, SQLLiteral.null).where("starts_at", .lessThanOrEqual, now)
            .where { $0.where("ends_at", .is, SQLLiteral.null).orWhere("ends_at", .greaterThan, now) }
            .orderBy("starts_at", .descending).limit(20).all(decoding: Row.self).map(\.alert)
    }

    /// Every alert, newest first, for the administrators' list.
    public func all(councilID: UUID, limit: Int = 100) async throws -> [ServiceAlert] {
        try await database.sql.select().column("*").from("service_alerts").where("council_id", .equal, councilID)
            .orderBy("starts_at", .descending).limit(limit).all(decoding: Row.self).map(\.alert)
    }

    public func find(id: UUID, councilID: UUID) async throws -> ServiceAlert? {
        try await database.sql.select().column("*").from("service_alerts").where("id", .equal, id).where("council_id", .equal, councilID)
            .first(decoding: Row.self)?.alert
    }

    /// Stops an alert showing; false when it was already withdrawn (or is not the council's).
    public func withdraw(id: UUID, councilID: UUID, at now: Date) async throws -> Bool {
        struct Changed: Decodable { var id: UUID }
        return !(try await database.sql.update("service_alerts").set("withdrawn_at", to: now).where("id", .equal, id)
            .where("council_id", .equal, councilID).where("withdrawn_at", .is, SQLLiteral.null)
            .returning("id").all(decoding: Changed.self)).isEmpty
    }

    // MARK: Subscriptions

    /// What a resident asked to hear about: a service (nil for all services) in a ward (nil for anywhere).
    public struct Subscription: Hashable, Sendable {
        public var serviceID: UUID?
        public var ward: String?

        public init(serviceID: UUID?, ward: String?) {
            self.serviceID = serviceID
            self.ward = ward
        }

        var scope: String { (serviceID?.uuidString.lowercased() ?? "*") + "|" + (ward?.lowercased() ?? "*") }
    }

    /// The ward a customer lives in (by their address's UPRN in the gazetteer), for "alerts near me".
    public func ward(of customer: Customer) async throws -> String? {
        try await WardLocator.ward(councilID: customer.councilID, uprn: customer.address?.uprn?.value, location: nil, on: database.sql)
    }

    public func subscriptions(customerID: UUID) async throws -> [Subscription] {
        struct Row: Decodable { var service_id: UUID?; var ward: String? }
        return try await database.sql.select().columns("service_id", "ward").from("alert_subscriptions").where("customer_id", .equal, customerID)
            .orderBy("created_at").all(decoding: Row.self).map { Subscription(serviceID: $0.service_id, ward: $0.ward) }
    }

    /// Replaces the customer's subscriptions with `wanted` (empty: no alerts at all).
    public func replaceSubscriptions(customerID: UUID, councilID: UUID, with wanted: Set<Subscription>, at now: Date) async throws {
        try await database.transaction { db in
            try await db.delete(from: "alert_subscriptions").where("customer_id", .equal, customerID).run()
            for subscription in wanted.sorted(by: { $0.scope < $1.scope }) {
                try await db.insert(into: "alert_subscriptions")
                    .columns("id", "council_id", "customer_id", "service_id", "ward", "scope", "created_at")
                    .values(SQLBind(UUID()), SQLBind(councilID), SQLBind(customerID), SQLBind(subscription.serviceID), SQLBind(subscription.ward),
                            SQLBind(subscription.scope), SQLBind(now))
                    .run()
            }
        }
    }
}
