import Foundation
import FrontDoorDomain
import SQLKit

/// Work queues: a council's cases filtered, sorted and a page at a time, and assigning many at once.
extension CaseRepository {
    public struct QueueFilter: Sendable, Equatable {
        public enum Officer: Sendable, Equatable {
            case anyone
            case unassigned
            case officer(UUID)
        }

        public enum Sort: String, Sendable, CaseIterable {
            case due, received, reference
        }

        public var councilID: UUID
        public var teamIDs: Set<UUID>?
        public var officer: Officer
        public var serviceID: UUID?
        public var statuses: Set<CaseStatus>
        public var standardState: StandardState?
        public var ward: String?
        /// Received before this instant (cases older than N days).
        public var receivedBefore: Date?
        public var sort: Sort
        public var page: Int
        public var pageSize: Int

        public init(councilID: UUID, teamIDs: Set<UUID>? = nil, officer: Officer = .anyone, serviceID: UUID? = nil,
                    statuses: Set<CaseStatus> = Set(CaseStatus.allCases.filter(\.isOpen)), standardState: StandardState? = nil,
                    ward: String? = nil, receivedBefore: Date? = nil, sort: Sort = .due, page: Int = 1, pageSize: Int = 50) {
            self.councilID = councilID
            self.teamIDs = teamIDs
            self.officer = officer
            self.serviceID = serviceID
            self.statuses = statuses
            self.standardState = standardState
            self.ward = ward
            self.receivedBefore = receivedBefore
            self.sort = sort
            self.page = max(1, page)
            self.pageSize = pageSize
        }
    }

    /// One page of the queue and how many cases match in all.
    public func queue(_ filter: QueueFilter) async throws -> (cases: [Case], total: Int) {
        func apply<Builder: SQLPredicateBuilder>(_ query: Builder) -> Builder {
            var query = query.where(SQLColumn("council_id", table: "cases"), .equal, SQLBind(filter.councilID))
            if let teams = filter.teamIDs {
                query = query.where(SQLColumn("team_id", table: "cases"), .in, SQLBind.group(teams.isEmpty ? [UUID()] : Array(teams)))
            }
            switch filter.officer {
            case .anyone: break
            case .unassigned: query = query.where(SQLColumn("officer_id", table: "cases"), .is, SQLLiteral.null)
            case .officer(let id): query = query.where(SQLColumn("officer_id", table: "cases"), .equal, SQLBind(id))
            }
            if let service = filter.serviceID { query = query.where(SQLColumn("service_id", table: "cases"), .equal, SQLBind(service)) }
            query = query.where(SQLColumn("status", table: "cases"), .in, SQLBind.group(filter.statuses.map(\.rawValue).sorted()))
            if let state = filter.standardState {
                query = query.where(SQLColumn("standard_state", table: "cases"), .equal, SQLBind(state.rawValue))
            }
            if let before = filter.receivedBefore { query = query.where(SQLColumn("received_at", table: "cases"), .lessThan, SQLBind(before)) }
            if let ward = filter.ward { query = query.where(SQLColumn("ward", table: "cases"), .equal, SQLBind(ward)) }
            return query
        }
        struct Count: Decodable { var n: Int }
        let total = try await apply(database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("cases"))
            .first(decoding: Count.self)?.n ?? 0
        var query = apply(database.sql.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("cases"))).from("cases"))
        switch filter.sort {
        // Dates sort as YYYY-MM-DD text; hours deadlines have no date and go by their instant.
        case .due: query = query.orderBy(SQLColumn("resolve_by_date", table: "cases")).orderBy(SQLColumn("resolve_by_at", table: "cases"))
        case .received: query = query.orderBy(SQLColumn("received_at", table: "cases"))
        case .reference: query = query.orderBy(SQLColumn("reference", table: "cases"))
        }
        query = query.orderBy(SQLColumn("reference", table: "cases")).limit(filter.pageSize).offset((filter.page - 1) * filter.pageSize)
        return (try await query.all(decoding: CaseRow.self).map { try $0.toCase() }, total)
    }

    /// Assigns cases to an officer (nil: back to the team's queue), each a change on its timeline.
    /// Cases not in the council, or closed, are left alone; returns the number assigned.
    public func assign(_ caseIDs: [UUID], councilID: UUID, to officer: StaffAccount?, by actor: Actor, at now: Date) async throws -> Int {
        try await database.transaction { db in
            var assigned = 0
            for id in caseIDs {
                let rows = try await db.update("cases").set("officer_id", to: SQLBind(officer?.id)).set("updated_at", to: SQLBind(now))
                    .set(SQLIdentifier("version"), to: SQLBinaryExpression(SQLIdentifier("version"), .add, SQLLiteral.numeric("1")))
                    .where("id", .equal, id).where("council_id", .equal, councilID)
                    .where("status", .in, CaseStatus.allCases.filter(\.isOpen).map(\.rawValue))
                    .returning("version").all(decoding: Version.self)
                guard let version = rows.first?.version else { continue }
                let event = CaseEvent(caseID: id, occurredAt: now, actorID: actor.id, actorName: actor.name, visibility: .internal,
                                      text: officer.map { "Assigned to \($0.displayName)" } ?? "Returned to the team's queue", caseVersion: version)
                try await db.insert(into: "case_events").model(CaseEventRow(event)).run()
                assigned += 1
            }
            return assigned
        }
    }

    struct Version: Decodable { var version: Int }
}
