import Foundation
import FrontDoorDomain
import SQLKit

/// Services' forms, by version. Saving never overwrites: it adds the next version.
public struct ServiceFormRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public struct Refused: Error, Equatable, CustomStringConvertible {
        public var problems: [FormDefinitionProblem]

        public init(problems: [FormDefinitionProblem]) {
            self.problems = problems
        }

        public var description: String { problems.map(\.description).joined(separator: "; ") }
    }

    struct Row: Decodable {
        var version: Int
        var definition: String
    }

    /// Saves `fields` as the service's next form version and returns it; refused, naming every
    /// problem, when the definition is unsound. Two saves at once cannot both take a version: the
    /// primary key refuses the second.
    public func saveNewVersion(of serviceID: UUID, fields: [FieldDefinition], at now: Date) async throws -> FormDefinition {
        let current = try await latest(of: serviceID)?.version ?? 0
        let form = FormDefinition(version: current + 1, fields: fields)
        let problems = form.problems
        guard problems.isEmpty else { throw Refused(problems: problems) }
        let json = String(decoding: try Self.encoder.encode(form), as: UTF8.self)
        try await database.sql.insert(into: "service_forms").columns("service_id", "version", "definition", "created_at")
            .values(SQLBind(serviceID), SQLBind(form.version), SQLBind(json), SQLBind(now)).run()
        return form
    }

    public func latest(of serviceID: UUID) async throws -> FormDefinition? {
        try await database.sql.select().columns("version", "definition").from("service_forms")
            .where("service_id", .equal, serviceID).orderBy("version", .descending).limit(1)
            .first(decoding: Row.self).map(Self.decode)
    }

    /// A given version: what a case made with it needs to be read.
    public func version(_ version: Int, of serviceID: UUID) async throws -> FormDefinition? {
        try await database.sql.select().columns("version", "definition").from("service_forms")
            .where("service_id", .equal, serviceID).where("version", .equal, version)
            .first(decoding: Row.self).map(Self.decode)
    }

    /// The council's services that have a form (at any version): those that can be asked for online.
    public func servicesWithForms(councilID: UUID) async throws -> Set<UUID> {
        struct Found: Decodable { var service_id: UUID }
        let rows = try await database.sql.select().distinct().column(SQLColumn("service_id", table: "service_forms"))
            .from("service_forms").join("services", on: SQLColumn("service_id", table: "service_forms"), .equal, SQLColumn("id", table: "services"))
            .where(SQLColumn("council_id", table: "services"), .equal, SQLBind(councilID)).all(decoding: Found.self)
        return Set(rows.map(\.service_id))
    }

    /// Sorted keys, so the same definition is always the same text (exports diff cleanly).
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    static func decode(_ row: Row) throws -> FormDefinition {
        do {
            return try JSONDecoder().decode(FormDefinition.self, from: Data(row.definition.utf8))
        } catch {
            throw StoredDataError.unknownValue(table: "service_forms", column: "definition", value: "version \(row.version): \(error)")
        }
    }
}
