import Foundation
import FrontDoorDomain
import SQLKit

/// The records behind a dashboard figure: the contacts or cases of the period that a table line
/// counted, newest first. The caller checks the viewer may see them.
extension PerformanceRepository {
    /// Which records: each nil field is not filtered on. "No service", "no team" and "no ward"
    /// lines are asked for with `.none`.
    public struct DrillDown: Sendable, Equatable {
        public enum Match<Value: Sendable & Equatable>: Sendable, Equatable {
            case any
            case none
            case value(Value)
        }

        public var service: Match<UUID> = .any
        public var team: Match<UUID> = .any
        public var ward: Match<String> = .any
        public var channel: String?
        public var demand: Contact.Demand?

        public init(service: Match<UUID> = .any, team: Match<UUID> = .any, ward: Match<String> = .any, channel: String? = nil,
                    demand: Contact.Demand? = nil) {
            self.service = service
            self.team = team
            self.ward = ward
            self.channel = channel
            self.demand = demand
        }
    }

    public static let drillDownLimit = 200

    /// Contacts of the period that match (the team through the service's owning team; wards do not apply).
    public func contacts(councilIDs: [UUID], period: ReportingPeriod, matching filter: DrillDown) async throws -> [Contact] {
        let interval = period.interval
        var query = database.sql.select().column("*").from("contacts").where("council_id", .in, SQLBind.group(councilIDs))
            .where("recorded_at", .greaterThanOrEqual, interval.start).where("recorded_at", .lessThan, interval.end)
        switch filter.service {
        case .any: break
        case .none: query = query.where("service_id", .is, SQLLiteral.null)
        case .value(let id): query = query.where("service_id", .equal, id)
        }
        switch filter.team {
        case .any: break
        case .none:
            query = query.where(SQLRaw("(service_id IS NULL OR service_id IN (SELECT id FROM services WHERE owning_team_id IS NULL))"))
        case .value(let id):
            query = query.where("service_id", .in,
                                SQLGroupExpression(database.sql.select().column("id").from("services").where("owning_team_id", .equal, id).query))
        }
        if let channel = filter.channel { query = query.where("channel", .equal, channel) }
        if let demand = filter.demand { query = query.where("demand", .equal, demand.rawValue) }
        return try await query.orderBy("recorded_at", .descending).limit(Self.drillDownLimit)
            .all(decoding: ContactRepository.Row.self).map { try $0.toContact() }
    }

    /// Cases received in the period that match.
    public func cases(councilIDs: [UUID], period: ReportingPeriod, matching filter: DrillDown) async throws -> [Case] {
        let interval = period.interval
        var query = database.sql.select().column("*").from("cases").where("council_id", .in, SQLBind.group(councilIDs))
            .where("received_at", .greaterThanOrEqual, interval.start).where("received_at", .lessThan, interval.end)
        switch filter.service {
        case .any: break
        case .none: query = query.where(SQLRaw("1 = 0"))  // every case has a service
        case .value(let id): query = query.where("service_id", .equal, id)
        }
        switch filter.team {
        case .any: break
        case .none: query = query.where("team_id", .is, SQLLiteral.null)
        case .value(let id): query = query.where("team_id", .equal, id)
        }
        switch filter.ward {
        case .any: break
        case .none: query = query.where("ward", .is, SQLLiteral.null)
        case .value(let ward): query = query.where("ward", .equal, ward)
        }
        if let channel = filter.channel { query = query.where("channel", .equal, channel) }
        return try await query.orderBy("received_at", .descending).limit(Self.drillDownLimit)
            .all(decoding: CaseRow.self).map { try $0.toCase() }
    }
}
