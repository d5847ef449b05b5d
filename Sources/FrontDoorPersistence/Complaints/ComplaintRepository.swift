import Foundation
import FrontDoorDomain
import SQLKit

/// Complaints: the policy each council handles them by, and each complaint with the policy it
/// started under (so a later change of policy never moves its deadlines) and its stages.
public struct ComplaintRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// A complaint as stored: its type, the policy it runs under and its stages, first first.
    public struct Complaint: Sendable, Equatable {
        public var caseID: UUID
        public var type: ComplaintType
        public var policy: ComplaintPolicy
        public var stages: [ComplaintStage]
    }

    // MARK: Policies

    public func policy(councilID: UUID, type: ComplaintType) async throws -> ComplaintPolicy {
        try await Self.policy(councilID: councilID, type: type, on: database.sql)
    }

    static func policy(councilID: UUID, type: ComplaintType, on db: any SQLDatabase) async throws -> ComplaintPolicy {
        struct Row: Decodable { var policy: String }
        let stored = try await db.select().column("policy").from("complaint_policies").where("council_id", .equal, councilID)
            .where("complaint_type", .equal, type.rawValue).first(decoding: Row.self)
        return stored.flatMap { try? JSONDecoder().decode(ComplaintPolicy.self, from: Data($0.policy.utf8)) } ?? .standard(for: type)
    }

    /// Saves a council's policy for new complaints of `type` (checked by the caller with `problems`).
    public func save(_ policy: ComplaintPolicy, councilID: UUID, type: ComplaintType, at now: Date) async throws {
        let text = String(decoding: try JSONEncoder().encode(policy), as: UTF8.self)
        try await database.transaction { db in
            try await db.delete(from: "complaint_policies").where("council_id", .equal, councilID).where("complaint_type", .equal, type.rawValue).run()
            try await db.insert(into: "complaint_policies").columns("council_id", "complaint_type", "policy", "updated_at")
                .values(SQLBind(councilID), SQLBind(type.rawValue), SQLBind(text), SQLBind(now)).run()
        }
    }

    // MARK: Complaints

    /// Starts the complaint a new case is, on `db` (the case's own transaction): the council's
    /// current policy, and stage 1 counted from `requestedOn`.
    static func begin(caseID: UUID, councilID: UUID, type: ComplaintType, requestedOn: LocalDate, at now: Date,
                      on db: any SQLDatabase) async throws -> (ComplaintPolicy, ComplaintStage) {
        let policy = try await policy(councilID: councilID, type: type, on: db)
        try await db.insert(into: "complaints").columns("case_id", "council_id", "complaint_type", "policy")
            .values(SQLBind(caseID), SQLBind(councilID), SQLBind(type.rawValue),
                    SQLBind(String(decoding: try JSONEncoder().encode(policy), as: UTF8.self))).run()
        let stage = ComplaintStage(number: 1, requestedOn: requestedOn)
        try await db.insert(into: "complaint_stages").model(StageRow(stage, caseID: caseID, createdAt: now)).run()
        return (policy, stage)
    }

    public func find(caseID: UUID) async throws -> Complaint? {
        struct Row: Decodable { var complaint_type: String; var policy: String }
        guard let row = try await database.sql.select().columns("complaint_type", "policy").from("complaints").where("case_id", .equal, caseID)
            .first(decoding: Row.self), let type = ComplaintType(rawValue: row.complaint_type) else { return nil }
        let policy = (try? JSONDecoder().decode(ComplaintPolicy.self, from: Data(row.policy.utf8))) ?? .standard(for: type)
        let stages = try await database.sql.select().column("*").from("complaint_stages").where("case_id", .equal, caseID).orderBy("number")
            .all(decoding: StageRow.self).map { try $0.toStage() }
        return Complaint(caseID: caseID, type: type, policy: policy, stages: stages)
    }

    struct StageRow: Codable {
        var id: UUID
        var case_id: UUID
        var number: Int
        var requested_on: String
        var reason: String
        var acknowledged_on: String?
        var officer_id: UUID?
        var extension_days: Int?
        var extension_reason: String?
        var extension_told_on: String?
        var responded_on: String?
        var outcome: String?
        var remedies: String?
        var financial_pence: Int?
        var root_cause: String?
        var response_text: String?
        var created_at: Date

        init(_ stage: ComplaintStage, caseID: UUID, createdAt: Date) {
            id = UUID()
            case_id = caseID
            number = stage.number
            requested_on = stage.requestedOn.description
            reason = stage.reason
            acknowledged_on = stage.acknowledgedOn?.description
            officer_id = stage.officerID
            extension_days = stage.extended?.workingDays
            extension_reason = stage.extended?.reason
            extension_told_on = stage.extended?.residentToldOn.description
            responded_on = stage.response?.respondedOn.description
            outcome = stage.response?.outcome.rawValue
            remedies = stage.response.map { response in ComplaintStage.Remedy.allCases.filter(response.remedies.contains).map(\.rawValue).joined(separator: ",") }
            financial_pence = stage.response?.financialRemedyPence
            root_cause = stage.response?.rootCause
            response_text = stage.response?.text
            created_at = createdAt
        }

        func toStage() throws -> ComplaintStage {
            func date(_ text: String?, _ column: String) throws -> LocalDate? {
                guard let text else { return nil }
                guard let date = LocalDate(text) else { throw StoredDataError.unknownValue(table: "complaint_stages", column: column, value: text) }
                return date
            }
            var extended: ComplaintStage.Extension?
            if let days = extension_days, let told = try date(extension_told_on, "extension_told_on") {
                extended = .init(workingDays: days, reason: extension_reason ?? "", residentToldOn: told)
            }
            var response: ComplaintStage.Response?
            if let respondedOn = try date(responded_on, "responded_on"), let outcome = outcome.flatMap(ComplaintStage.Outcome.init(rawValue:)) {
                let remedies = Set((remedies ?? "").split(separator: ",").compactMap { ComplaintStage.Remedy(rawValue: String($0)) })
                response = .init(respondedOn: respondedOn, outcome: outcome, remedies: remedies, financialRemedyPence: financial_pence,
                                 rootCause: root_cause ?? "", text: response_text ?? "")
            }
            guard let requestedOn = try date(requested_on, "requested_on") else {
                throw StoredDataError.unknownValue(table: "complaint_stages", column: "requested_on", value: requested_on)
            }
            return ComplaintStage(number: number, requestedOn: requestedOn, reason: reason, acknowledgedOn: try date(acknowledged_on, "acknowledged_on"),
                                  officerID: officer_id, extended: extended, response: response)
        }
    }
}
