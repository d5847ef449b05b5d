import Foundation
import FrontDoorDomain
import SQLKit

/// A council's service catalogue.
public struct ServiceRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public enum SaveError: Error, Equatable, CustomStringConvertible {
        case invalid([ServiceProblem])
        case codeTaken(String)

        public var description: String {
            switch self {
            case .invalid(let problems): problems.map(\.description).joined(separator: "; ")
            case .codeTaken(let code): "another service already has the code \(code)"
            }
        }
    }

    struct Row: Codable {
        var id: UUID
        var council_id: UUID
        var code: String
        var name: String
        var description: String
        var service_group: String
        var keywords: String
        var owning_team_id: UUID?
        var contact_type: String
        var channels: String
        var digital_only: Bool
        var standard_unit: String
        var standard_target: Int
        var standard_statement: String
        var needs_location: Bool
        var needs_account: Bool
        var fee_pence: Int?
        var active: Bool
        var top_task_rank: Int?
        var created_at: Date
        var updated_at: Date

        init(_ service: CouncilService, createdAt: Date, updatedAt: Date) {
            id = service.id
            council_id = service.councilID
            code = service.code.value
            name = service.name
            description = service.description
            service_group = service.group.rawValue
            keywords = service.keywords.joined(separator: "\n")
            owning_team_id = service.owningTeamID
            contact_type = service.contactType.rawValue
            channels = ServiceChannel.allCases.filter(service.channels.contains).map(\.rawValue).joined(separator: ",")
            digital_only = service.isDigitalOnly
            switch service.standard.target {
            case .workingDays(let days): (standard_unit, standard_target) = ("working-days", days)
            case .hours(let hours): (standard_unit, standard_target) = ("hours", hours)
            }
            standard_statement = service.standard.statement
            needs_location = service.needsLocation
            needs_account = service.needsAccount
            fee_pence = service.feePence
            active = service.isActive
            top_task_rank = service.topTaskRank
            created_at = createdAt
            updated_at = updatedAt
        }

        func toService() throws -> CouncilService {
            func unknown(_ column: String, _ value: String) -> StoredDataError {
                .unknownValue(table: "services", column: column, value: value)
            }
            guard let code = ServiceCode(code) else { throw unknown("code", code) }
            guard let group = ServiceGroup(rawValue: service_group) else { throw unknown("service_group", service_group) }
            guard let contactType = ContactType(rawValue: contact_type) else { throw unknown("contact_type", contact_type) }
            var channelSet: Set<ServiceChannel> = []
            for raw in channels.split(separator: ",") {
                guard let channel = ServiceChannel(rawValue: String(raw)) else { throw unknown("channels", String(raw)) }
                channelSet.insert(channel)
            }
            let target: ServiceStandard.Target
            switch standard_unit {
            case "working-days": target = .workingDays(standard_target)
            case "hours": target = .hours(standard_target)
            default: throw unknown("standard_unit", standard_unit)
            }
            return CouncilService(
                id: id, councilID: council_id, code: code, name: name, description: description, group: group,
                keywords: keywords.split(separator: "\n").map(String.init), owningTeamID: owning_team_id, contactType: contactType,
                channels: channelSet, isDigitalOnly: digital_only, standard: ServiceStandard(target: target, statement: standard_statement),
                needsLocation: needs_location, needsAccount: needs_account, feePence: fee_pence, isActive: active, topTaskRank: top_task_rank)
        }
    }

    /// Adds a service; refused, with every problem named, when the definition is incomplete or its code is taken.
    public func create(_ service: CouncilService, at now: Date) async throws {
        let problems = service.problems
        guard problems.isEmpty else { throw SaveError.invalid(problems) }
        if try await find(code: service.code, councilID: service.councilID) != nil { throw SaveError.codeTaken(service.code.value) }
        let kind = database.kind
        try await database.transaction { db in
            try await db.insert(into: "services").model(Row(service, createdAt: now, updatedAt: now)).run()
            try await ServiceSearchIndex.index(service, on: db, kind: kind)
        }
    }

    /// Saves changes to a service (found by its id); its code never changes, because links and
    /// other systems use it. Refused, naming every problem, when the definition is incomplete.
    public func update(_ service: CouncilService, at now: Date) async throws {
        let problems = service.problems
        guard problems.isEmpty else { throw SaveError.invalid(problems) }
        let row = Row(service, createdAt: now, updatedAt: now), kind = database.kind
        try await database.transaction { db in
            try await db.update("services")
                .set("name", to: SQLBind(row.name)).set("description", to: SQLBind(row.description))
                .set("service_group", to: SQLBind(row.service_group)).set("keywords", to: SQLBind(row.keywords))
                .set("owning_team_id", to: SQLBind(row.owning_team_id)).set("contact_type", to: SQLBind(row.contact_type))
                .set("channels", to: SQLBind(row.channels)).set("digital_only", to: SQLBind(row.digital_only))
                .set("standard_unit", to: SQLBind(row.standard_unit)).set("standard_target", to: SQLBind(row.standard_target))
                .set("standard_statement", to: SQLBind(row.standard_statement)).set("needs_location", to: SQLBind(row.needs_location))
                .set("needs_account", to: SQLBind(row.needs_account)).set("fee_pence", to: SQLBind(row.fee_pence))
                .set("active", to: SQLBind(row.active)).set("top_task_rank", to: SQLBind(row.top_task_rank))
                .set("updated_at", to: SQLBind(now))
                .where("id", .equal, service.id).where("council_id", .equal, service.councilID).run()
            try await ServiceSearchIndex.index(service, on: db, kind: kind)
        }
    }

    /// The council's services (inactive ones too), by group then name.
    public func all(councilID: UUID) async throws -> [CouncilService] {
        let services = try await database.sql.select().column("*").from("services").where("council_id", .equal, councilID)
            .orderBy("name").all(decoding: Row.self).map { try $0.toService() }
        let order = Dictionary(uniqueKeysWithValues: ServiceGroup.allCases.enumerated().map { ($1, $0) })
        return services.sorted { (order[$0.group]!, $0.name) < (order[$1.group]!, $1.name) }
    }

    public func find(code: ServiceCode, councilID: UUID) async throws -> CouncilService? {
        try await database.sql.select().column("*").from("services").where("council_id", .equal, councilID)
            .where("code", .equal, code.value).first(decoding: Row.self)?.toService()
    }

    public func find(id: UUID, councilID: UUID) async throws -> CouncilService? {
        try await database.sql.select().column("*").from("services").where("council_id", .equal, councilID)
            .where("id", .equal, id).first(decoding: Row.self)?.toService()
    }
}
