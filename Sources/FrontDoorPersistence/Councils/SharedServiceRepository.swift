import Foundation
import FrontDoorDomain
import SQLKit

/// Which councils of the deployment form a shared service. The table is a handful of rows, so
/// every read loads it whole.
public struct SharedServiceRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public struct NameTaken: Error, CustomStringConvertible {
        public var name: String
        public var description: String { "there is already a shared service called \"\(name)\"" }
    }

    /// Every shared service, by name. A service left with fewer than two councils (the others
    /// removed from the deployment) is not shared any more and is left out.
    public func all() async throws -> [SharedService] {
        struct Row: Decodable { var id: UUID; var name: String; var council_id: UUID }
        let rows = try await database.sql.select()
            .column(SQLColumn("id", table: "shared_services")).column(SQLColumn("name", table: "shared_services"))
            .column(SQLColumn("council_id", table: "shared_service_councils"))
            .from("shared_services")
            .join("shared_service_councils", on: SQLColumn("shared_service_id", table: "shared_service_councils"), .equal,
                  SQLColumn("id", table: "shared_services"))
            .orderBy(SQLColumn("name", table: "shared_services"))
            .orderBy(SQLColumn("position", table: "shared_service_councils"))
            .all(decoding: Row.self)
        var order: [UUID] = [], grouped: [UUID: (name: String, councils: [UUID])] = [:]
        for row in rows {
            if grouped[row.id] == nil { order.append(row.id) }
            grouped[row.id, default: (row.name, [])].councils.append(row.council_id)
        }
        return order.compactMap { id in
            grouped[id].flatMap { try? SharedService(id: id, name: $0.name, councilIDs: $0.councils) }
        }
    }

    /// The shared services a council belongs to.
    public func all(including councilID: UUID) async throws -> [SharedService] {
        try await all().filter { $0.includes(councilID) }
    }

    /// Names are matched whatever their case, as people type them.
    public func find(name: String) async throws -> SharedService? {
        let wanted = name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return try await all().first { $0.name.lowercased() == wanted }
    }

    public func create(_ service: SharedService, at now: Date = Date()) async throws {
        struct Named: Decodable { var name: String }
        try await database.transaction { db in
            let names = try await db.select().column("name").from("shared_services").all(decoding: Named.self)
            guard !names.contains(where: { $0.name.lowercased() == service.name.lowercased() }) else { throw NameTaken(name: service.name) }
            try await db.insert(into: "shared_services").columns("id", "name", "created_at")
                .values(SQLBind(service.id), SQLBind(service.name), SQLBind(now)).run()
            for (position, councilID) in service.councilIDs.enumerated() {
                try await db.insert(into: "shared_service_councils").columns("shared_service_id", "council_id", "position")
                    .values(SQLBind(service.id), SQLBind(councilID), SQLBind(position)).run()
            }
        }
    }

    /// True when there was such a service to remove. The councils and their records stay.
    @discardableResult
    public func remove(id: UUID) async throws -> Bool {
        try await database.transaction { db in
            let found = try await db.select().column("id").from("shared_services").where("id", .equal, id).first() != nil
            try await db.delete(from: "shared_service_councils").where("shared_service_id", .equal, id).run()
            try await db.delete(from: "shared_services").where("id", .equal, id).run()
            return found
        }
    }
}
