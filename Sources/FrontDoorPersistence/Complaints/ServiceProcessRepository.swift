import Foundation
import FrontDoorDomain
import SQLKit

/// Which services' cases follow a process beyond the ordinary (complaints, compliments and
/// comments, information requests); a service not listed is `.standard`.
public struct ServiceProcessRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func process(serviceID: UUID) async throws -> CaseProcess {
        try await Self.process(serviceID: serviceID, on: database.sql)
    }

    static func process(serviceID: UUID, on db: any SQLDatabase) async throws -> CaseProcess {
        struct Row: Decodable { var process: String }
        let stored = try await db.select().column("process").from("service_processes").where("service_id", .equal, serviceID)
            .first(decoding: Row.self)?.process
        return stored.flatMap(CaseProcess.init(rawValue:)) ?? .standard
    }

    /// Every service of the council that follows a process, by service id.
    public func all(councilID: UUID) async throws -> [UUID: CaseProcess] {
        struct Row: Decodable { var service_id: UUID; var process: String }
        let rows = try await database.sql.select().columns("service_id", "process").from("service_processes")
            .where("council_id", .equal, councilID).all(decoding: Row.self)
        return Dictionary(uniqueKeysWithValues: rows.compactMap { row in CaseProcess(rawValue: row.process).map { (row.service_id, $0) } })
    }

    /// The council's services whose requests follow no process of their own: what a complaint,
    /// a compliment or a comment can be about (not complaining, praising or asking for information).
    public func ordinaryServices(councilID: UUID) async throws -> [CouncilService] {
        let own = try await all(councilID: councilID)
        return try await ServiceRepository(database: database).all(councilID: councilID).filter { own[$0.id] == nil }
    }

    public func set(_ process: CaseProcess, serviceID: UUID, councilID: UUID) async throws {
        try await database.transaction { db in
            try await db.delete(from: "service_processes").where("service_id", .equal, serviceID).run()
            guard process != .standard else { return }
            try await db.insert(into: "service_processes").columns("service_id", "council_id", "process")
                .values(SQLBind(serviceID), SQLBind(councilID), SQLBind(process.rawValue)).run()
        }
    }
}
