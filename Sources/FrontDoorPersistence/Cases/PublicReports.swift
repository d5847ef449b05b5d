import Foundation
import FrontDoorDomain
import SQLKit

/// Reports anyone may see on the public list and map: located reports of the chosen services
/// that are open, or were fixed recently. What is shown of them is the web layer's choice
/// (never who reported, never what they wrote).
extension CaseRepository {
    public struct PublicReportFilter: Sendable, Equatable {
        public var councilID: UUID
        /// The services shown (those that take a location), or the one chosen.
        public var serviceIDs: [UUID]
        public var ward: String?
        /// Fixed reports stay on the map this long.
        public var fixedSince: Date
        public var page: Int
        public var pageSize: Int

        public init(councilID: UUID, serviceIDs: [UUID], ward: String? = nil, fixedSince: Date, page: Int = 1, pageSize: Int = 50) {
            self.councilID = councilID
            self.serviceIDs = serviceIDs
            self.ward = ward
            self.fixedSince = fixedSince
            self.page = page
            self.pageSize = pageSize
        }
    }

    public func publicReports(_ filter: PublicReportFilter) async throws -> (cases: [Case], total: Int) {
        guard !filter.serviceIDs.isEmpty else { return ([], 0) }
        func apply<Builder: SQLPredicateBuilder>(_ query: Builder) -> Builder {
            var query = query.where("council_id", .equal, SQLBind(filter.councilID))
                .where("service_id", .in, SQLBind.group(filter.serviceIDs))
                .where("latitude", .isNot, SQLLiteral.null).where("longitude", .isNot, SQLLiteral.null)
                .where { group in
                    group.where("status", .in, SQLBind.group(CaseStatus.allCases.filter(\.isOpen).map(\.rawValue)))
                        .orWhere { fixed in
                            fixed.where("status", .in, SQLBind.group([CaseStatus.resolved.rawValue, CaseStatus.closed.rawValue]))
                                .where("resolved_at", .greaterThanOrEqual, SQLBind(filter.fixedSince))
                        }
                }
            if let ward = filter.ward { query = query.where("ward", .equal, SQLBind(ward)) }
            return query
        }
        struct Count: Decodable { var n: Int }
        let total = try await apply(database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("cases"))
            .first(decoding: Count.self)?.n ?? 0
        let cases = try await apply(database.sql.select().column("*").from("cases"))
            .orderBy("received_at", .descending).orderBy("reference", .descending)
            .limit(filter.pageSize).offset((max(1, filter.page) - 1) * filter.pageSize)
            .all(decoding: CaseRow.self).map { try $0.toCase() }
        return (cases, total)
    }
}
