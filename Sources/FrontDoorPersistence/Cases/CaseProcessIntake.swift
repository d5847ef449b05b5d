import Foundation
import FrontDoorDomain
import SQLKit

/// What a new case of a service with a process starts, in the case's own transaction: a
/// complaint's first stage, an information request's clock. The case's own deadlines then follow
/// the process (the stage's acknowledge-by and respond-by; the statutory date), not the
/// service's published standard, so queues, the sweep and the resident all see the same dates.
enum CaseProcessIntake {
    static func begin(_ opened: Case, service: CouncilService, rules: CaseIntakeRules, on db: any SQLDatabase) async throws -> Case {
        let process = try await ServiceProcessRepository.process(serviceID: service.id, on: db)
        var item = opened
        if let type = process.complaintType {
            let requestedOn = rules.deadlines.effectiveReceiptDay(opened.receivedAt)
            let (policy, stage) = try await ComplaintRepository.begin(caseID: opened.id, councilID: opened.councilID, type: type,
                                                                      requestedOn: requestedOn, at: opened.receivedAt, on: db)
            let timetable = ComplaintTimetable(stage: stage, policy: policy, calendar: rules.deadlines.calendar)
            (item.acknowledgeBy, item.resolveBy) = (timetable.acknowledgeBy, .date(timetable.respondBy))
        } else if let kind = process.informationRequestKind {
            // The law counts from the date of receipt, whatever the hour.
            let request = try await InformationRequestRepository.begin(caseID: opened.id, councilID: opened.councilID, kind: kind,
                                                                       receivedOn: LocalDate(opened.receivedAt), on: db)
            if let clock = request.statutoryClock {
                item.resolveBy = .date(clock.statutoryDue(calendar: rules.statutoryCalendars.informationRequests))
            } else if let clock = request.subjectAccessClock {
                // Until the identity check starts the clock, the month from receipt is the earliest it could be due.
                let provisional = SubjectAccessClock(receivedOn: clock.receivedOn, identityCheckNeeded: false)
                if case .running(let due, _) = provisional.state(calendar: rules.statutoryCalendars.nation) { item.resolveBy = .date(due) }
            }
        } else {
            return opened
        }
        guard item != opened else { return opened }
        let row = try CaseRow(item)
        try await db.update("cases").set("acknowledge_by", to: row.acknowledge_by).set("resolve_by_date", to: row.resolve_by_date)
            .set("resolve_by_at", to: row.resolve_by_at).where("id", .equal, item.id).run()
        return item
    }
}
