import Foundation
import FrontDoorDomain
import SQLKit

/// Exports a council's catalogue, and imports one: all or nothing, refused with every problem
/// named before anything changes. Importing the same file twice changes nothing the second time.
public struct CatalogueTransfer: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// What an import did.
    public struct Report: Equatable, Sendable {
        public var created: [String] = []
        public var updated: [String] = []
        public var unchanged: [String] = []
        /// Services whose form got a new version.
        public var newFormVersions: [String] = []
        public var teamsCreated: [String] = []
        /// In the council's catalogue but not in the file: left as they are (an import never deletes).
        public var notInFile: [String] = []
    }

    /// The whole catalogue, services by code.
    public func export(councilID: UUID) async throws -> CatalogueDocument {
        let services = try await ServiceRepository(database: database).all(councilID: councilID).sorted { $0.code < $1.code }
        let teams = Dictionary(uniqueKeysWithValues: try await TeamRepository(database: database).all(councilID: councilID).map { ($0.id, $0.name) })
        let forms = ServiceFormRepository(database: database)
        var entries: [CatalogueDocument.Entry] = []
        for service in services {
            entries.append(.init(service, teamName: service.owningTeamID.flatMap { teams[$0] },
                                 form: try await forms.latest(of: service.id)?.fields))
        }
        return CatalogueDocument(services: entries)
    }

    public func importCatalogue(_ document: CatalogueDocument, councilID: UUID, at now: Date) async throws -> Report {
        let database = self.database
        return try await database.transaction { connection in
            let db = database.within(connection)
            let services = ServiceRepository(database: db), teams = TeamRepository(database: db), forms = ServiceFormRepository(database: db)
            let existing = try await services.all(councilID: councilID)
            let byCode = Dictionary(uniqueKeysWithValues: existing.map { ($0.code.value, $0) })
            var teamIDs = Dictionary(try await teams.all(councilID: councilID).map { ($0.name.lowercased(), $0.id) }, uniquingKeysWith: { a, _ in a })

            // Everything is checked before anything is written.
            var problems: [String] = []
            var seen: Set<String> = []
            var planned: [(CouncilService, CatalogueDocument.Entry)] = []
            var missingTeams: [String] = []
            for (index, entry) in document.services.enumerated() {
                let name = "service \(index + 1) (\(entry.code))"
                if !seen.insert(entry.code).inserted { problems.append("\(name): another service in the file has the same code") }
                if let team = entry.team?.trimmingCharacters(in: .whitespaces), !team.isEmpty, teamIDs[team.lowercased()] == nil,
                   !missingTeams.contains(where: { $0.lowercased() == team.lowercased() }) {
                    missingTeams.append(team)
                }
                switch entry.service(id: byCode[entry.code]?.id ?? UUID(), councilID: councilID, teamID: nil) {
                case .success(let service): planned.append((service, entry))
                case .failure(let found): problems += found.messages.map { "\(name): \($0)" }
                }
            }
            guard problems.isEmpty else { throw CatalogueProblems(problems) }

            var report = Report()
            for name in missingTeams {
                let team = Team(id: UUID(), councilID: councilID, name: name)
                try await teams.create(team, at: now)
                teamIDs[name.lowercased()] = team.id
                report.teamsCreated.append(name)
            }
            for (var service, entry) in planned {
                service.owningTeamID = entry.team.flatMap { teamIDs[$0.trimmingCharacters(in: .whitespaces).lowercased()] }
                if let current = byCode[service.code.value] {
                    if current == service { report.unchanged.append(service.code.value) } else {
                        try await services.update(service, at: now)
                        report.updated.append(service.code.value)
                    }
                } else {
                    try await services.create(service, at: now)
                    report.created.append(service.code.value)
                }
                if let fields = entry.form, try await forms.latest(of: service.id)?.fields != fields {
                    _ = try await forms.saveNewVersion(of: service.id, fields: fields, at: now)
                    report.newFormVersions.append(service.code.value)
                }
            }
            report.notInFile = existing.map(\.code.value).filter { !seen.contains($0) }.sorted()
            return report
        }
    }
}
