import Foundation
import FrontDoorDomain
import SQLKit

/// Reads and writes councils and their host names.
public struct CouncilRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func all() async throws -> [Council] {
        try await database.sql.select().column("*").from("councils").orderBy("name")
            .all(decoding: CouncilRow.self).map { try $0.toCouncil() }
    }

    public func find(slug: CouncilSlug) async throws -> Council? {
        try await database.sql.select().column("*").from("councils").where("slug", .equal, slug.value)
            .first(decoding: CouncilRow.self)?.toCouncil()
    }

    public func find(id: UUID) async throws -> Council? {
        try await database.sql.select().column("*").from("councils").where("id", .equal, id)
            .first(decoding: CouncilRow.self)?.toCouncil()
    }

    public func count() async throws -> Int {
        let row = try await database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("councils").first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Every registered host name and the council it serves.
    public func hostNames() async throws -> [HostName: Council.ID] {
        let rows = try await database.sql.select().columns("host_name", "council_id").from("council_host_names").all()
        var map: [HostName: Council.ID] = [:]
        for row in rows {
            let host = try HostName(row.decode(column: "host_name", as: String.self))
            map[host] = try row.decode(column: "council_id", as: UUID.self)
        }
        return map
    }

    public enum CreateError: Error, Equatable, CustomStringConvertible {
        case slugTaken(String)
        case hostNameTaken(String)

        public var description: String {
            switch self {
            case .slugTaken(let slug): "a council with the slug \"\(slug)\" already exists"
            case .hostNameTaken(let host): "the host name \(host) already belongs to a council"
            }
        }
    }

    /// Adds a council with its host names, all or nothing.
    public func create(_ council: Council, hostNames: [HostName] = [], isDemo: Bool = false, at now: Date = Date()) async throws {
        let existingHosts = try await self.hostNames()
        if let taken = hostNames.first(where: { existingHosts[$0] != nil }) { throw CreateError.hostNameTaken(taken.value) }
        if try await find(slug: council.slug) != nil { throw CreateError.slugTaken(council.slug.value) }
        let row = CouncilRow(council, isDemo: isDemo, createdAt: now)
        try await database.transaction { db in
            try await db.insert(into: "councils").model(row).run()
            for host in hostNames {
                try await db.insert(into: "council_host_names")
                    .columns("host_name", "council_id").values(SQLBind(host.value), SQLBind(council.id)).run()
            }
        }
    }

    /// The council's switch that requires two-factor sign-in of all its staff (administrators always need it).
    public func setRequiresTwoFactorForAllStaff(_ required: Bool, councilID: UUID, on db: any SQLDatabase) async throws {
        try await db.update("councils").set("requires_two_factor_for_all_staff", to: required).where("id", .equal, councilID).run()
    }
}
