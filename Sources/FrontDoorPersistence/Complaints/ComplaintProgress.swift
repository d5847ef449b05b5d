import Foundation
import FrontDoorDomain
import SQLKit

/// Moving a complaint through its stages: acknowledging, extending, answering and escalating
/// the current stage. Each is checked by `ComplaintRules`, recorded on the stage, on the case's
/// timeline (the resident sees what they are told) and in the case's own deadlines, in one
/// transaction against the case version the person saw; the resident is told on their channel.
public struct ComplaintProgress: Sendable {
    let database: Database
    let complaints: ComplaintRepository
    let progress: CaseProgress
    let calendars: CouncilCalendarRepository

    public init(database: Database, bankHolidays: BankHolidays) {
        self.database = database
        complaints = ComplaintRepository(database: database)
        progress = CaseProgress(database: database, bankHolidays: bankHolidays)
        calendars = CouncilCalendarRepository(database: database, shipped: bankHolidays)
    }

    public typealias Result = CaseSectionResult

    /// The complaint's current stage with the rules that apply to it.
    struct Current {
        var complaint: ComplaintRepository.Complaint
        var stage: ComplaintStage
        var rules: CaseRules
        var calendar: WorkingDayCalendar { rules.deadlines.calendar }
        var timetable: ComplaintTimetable { ComplaintTimetable(stage: stage, policy: complaint.policy, calendar: calendar) }
    }

    func current(_ item: Case, council: Council) async throws -> Current? {
        guard let complaint = try await complaints.find(caseID: item.id), let stage = complaint.stages.last else { return nil }
        return Current(complaint: complaint, stage: stage, rules: try await calendars.rules(for: council))
    }

    static let notAComplaint = [FieldProblem(field: "complaint", message: "This case is not a complaint")]

    /// A complaint that was withdrawn, merged or closed takes no more stage changes.
    static func endedProblem(_ item: Case) -> [FieldProblem]? {
        [.withdrawn, .duplicate, .closed].contains(item.status)
            ? [FieldProblem(field: "complaint", message: "This complaint is \(item.status.displayName.lowercased()): it cannot be changed")] : nil
    }

    /// Acknowledges the current stage on `today`, with the officer who will handle it.
    public func acknowledge(_ item: Case, council: Council, officerID: UUID?, seenVersion: Int, by actor: CaseRepository.Actor, message: String,
                            notice: CaseProgress.Notice?, at now: Date) async throws -> Result {
        guard var current = try await current(item, council: council) else { return .refused(Self.notAComplaint) }
        if let ended = Self.endedProblem(item) { return .refused(ended) }
        var problems: [FieldProblem] = []
        if current.stage.acknowledgedOn != nil { problems.append(.init(field: "acknowledge", message: "This stage has been acknowledged already")) }
        if let officerID, let why = ComplaintRules.officerProblem(officerID, forStage: current.stage.number, stages: current.complaint.stages,
                                                                  policy: current.complaint.policy) {
            problems.append(.init(field: "officer", message: why))
        }
        guard problems.isEmpty else { return .refused(problems) }
        current.stage.acknowledgedOn = LocalDate(now)
        if let officerID { current.stage.officerID = officerID }
        let stageName = current.complaint.policy.stages[current.stage.number - 1].name
        let text = message.isEmpty
            ? "We have received your complaint (\(stageName.lowercased())). We will respond by \(current.timetable.respondBy.inWords)."
            : message
        return try await save(item, to: item.status == .submitted ? .acknowledged : item.status, current: current, council: council,
                              seenVersion: seenVersion, by: actor, message: text, notice: notice, at: now)
    }

    /// Extends the current stage, with its reason; the resident is told the new date now.
    public func extend(_ item: Case, council: Council, workingDays: Int, reason: String, seenVersion: Int, by actor: CaseRepository.Actor,
                       notice: CaseProgress.Notice?, at now: Date) async throws -> Result {
        guard var current = try await current(item, council: council) else { return .refused(Self.notAComplaint) }
        if let ended = Self.endedProblem(item) { return .refused(ended) }
        let proposed = ComplaintStage.Extension(workingDays: workingDays, reason: reason.trimmingCharacters(in: .whitespacesAndNewlines),
                                                residentToldOn: LocalDate(now))
        let problems = ComplaintRules.extensionProblems(proposed, stage: current.stage, policy: current.complaint.policy, calendar: current.calendar)
        guard problems.isEmpty else { return .refused(problems.map { .init(field: "extension", message: $0) }) }
        current.stage.extended = proposed
        let text = "We need more time to respond to your complaint: \(proposed.reason) We will now respond by \(current.timetable.respondBy.inWords)."
        return try await save(item, to: item.status, current: current, council: council, seenVersion: seenVersion, by: actor, message: text,
                              notice: notice, at: now)
    }

    /// Records the current stage's response and resolves the case (the resident may escalate).
    public func respond(_ item: Case, council: Council, response: ComplaintStage.Response, seenVersion: Int, by actor: CaseRepository.Actor,
                        notice: CaseProgress.Notice?, at now: Date) async throws -> Result {
        guard var current = try await current(item, council: council) else { return .refused(Self.notAComplaint) }
        let problems = ComplaintRules.responseProblems(response, stage: current.stage)
        guard problems.isEmpty else { return .refused(problems) }
        current.stage.response = response
        let stageRow = ComplaintRepository.StageRow(current.stage, caseID: item.id, createdAt: now)
        switch try await progress.apply(.resolve, to: item, council: council, seenVersion: seenVersion, by: actor, message: response.text,
                                        notice: notice, at: now, alsoInTransaction: { db, _ in try await Self.update(stageRow, on: db) }) {
        case .saved(let saved): return .saved(saved)
        case .refused(let why): return .refused([.init(field: "response", message: why)])
        case .changedSince(let now, let events): return .changedSince(now, events)
        }
    }

    /// Takes the complaint to its next stage with the resident's reason: the case reopens and
    /// takes the new stage's deadlines.
    public func escalate(_ item: Case, council: Council, reason: String, seenVersion: Int, by actor: CaseRepository.Actor,
                         notice: CaseProgress.Notice?, at now: Date) async throws -> Result {
        guard let current = try await current(item, council: council) else { return .refused(Self.notAComplaint) }
        if let ended = Self.endedProblem(item) { return .refused(ended) }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        var problems: [FieldProblem] = []
        if reason.isEmpty { problems.append(.init(field: "escalation-reason", message: "Say why the response did not put things right")) }
        if reason.count > 5_000 { problems.append(.init(field: "escalation-reason", message: "Keep the reason to 5,000 characters or fewer")) }
        if let why = ComplaintRules.escalationProblem(current.complaint.stages, policy: current.complaint.policy, calendar: current.calendar,
                                                      today: LocalDate(now)) {
            problems.append(.init(field: "escalation-reason", message: why))
        }
        guard problems.isEmpty else { return .refused(problems) }
        let next = ComplaintStage(number: current.stage.number + 1, requestedOn: current.rules.deadlines.effectiveReceiptDay(now), reason: reason)
        let escalated = Current(complaint: current.complaint, stage: next, rules: current.rules)
        let stageName = current.complaint.policy.stages[next.number - 1].name
        let text = "Your complaint has gone to \(stageName.lowercased()). Your reason: \(reason)"
        let status: CaseStatus = [.resolved, .closed].contains(item.status) ? .inProgress : item.status
        return try await save(item, to: status, current: escalated, council: council, seenVersion: seenVersion, by: actor, message: text,
                              notice: notice, at: now, newStage: true)
    }

    /// The stage and the case's deadlines (from the stage's timetable) saved with the move.
    private func save(_ item: Case, to status: CaseStatus, current: Current, council: Council, seenVersion: Int, by actor: CaseRepository.Actor,
                      message: String, notice: CaseProgress.Notice?, at now: Date, newStage: Bool = false) async throws -> Result {
        let timetable = current.timetable
        let stageRow = ComplaintRepository.StageRow(current.stage, caseID: item.id, createdAt: now)
        let progress = self.progress
        switch try await progress.cases.transition(item, to: status, seenVersion: seenVersion, by: actor, message: message,
                                                   resolveBy: .date(timetable.respondBy), at: now, alsoInTransaction: { db, saved in
            if newStage {
                try await db.insert(into: "complaint_stages").model(stageRow).run()
                try await db.update("cases").set("acknowledge_by", to: SQLBind(timetable.acknowledgeBy.description))
                    .set("resolved_at", to: SQLLiteral.null).where("id", .equal, saved.id).run()
            } else {
                try await Self.update(stageRow, on: db)
            }
            if let notice { try await progress.tellCustomer(saved, message: message, notice: notice, council: council, at: now, on: db) }
        }) {
        case .saved(var saved):
            if newStage { (saved.acknowledgeBy, saved.resolvedAt) = (timetable.acknowledgeBy, nil) }
            return .saved(saved)
        case .changedSince(let now, let events): return .changedSince(now, events)
        }
    }

    static func update(_ row: ComplaintRepository.StageRow, on db: any SQLDatabase) async throws {
        try await db.update("complaint_stages")
            .set("acknowledged_on", to: SQLBind(row.acknowledged_on)).set("officer_id", to: SQLBind(row.officer_id))
            .set("extension_days", to: SQLBind(row.extension_days)).set("extension_reason", to: SQLBind(row.extension_reason))
            .set("extension_told_on", to: SQLBind(row.extension_told_on)).set("responded_on", to: SQLBind(row.responded_on))
            .set("outcome", to: SQLBind(row.outcome)).set("remedies", to: SQLBind(row.remedies))
            .set("financial_pence", to: SQLBind(row.financial_pence)).set("root_cause", to: SQLBind(row.root_cause))
            .set("response_text", to: SQLBind(row.response_text))
            .where("case_id", .equal, row.case_id).where("number", .equal, row.number).run()
    }
}
