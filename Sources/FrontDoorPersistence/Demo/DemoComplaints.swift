import Foundation
import FrontDoorDomain

/// What happened next to the demo's complaints: the service each is about and, for an answered
/// one, its acknowledgement, a stage 1 response and a learning action done and published.
struct DemoComplaints: Sendable {
    let database: Database
    let shipped: BankHolidays

    func follow(_ item: Case, council: Council, about serviceCode: String, answered: Bool, received: Date) async throws {
        if let about = try await ServiceRepository(database: database).find(code: ServiceCode(serviceCode)!, councilID: council.id) {
            try await CaseSubjectRepository(database: database).set(serviceID: about.id, caseID: item.id)
        }
        guard answered else { return }
        let progress = ComplaintProgress(database: database, bankHolidays: shipped)
        let priya = DemoCouncil.staff[3], jo = DemoCouncil.staff[2]
        let acknowledgedAt = received.addingTimeInterval(86_400)
        guard case .saved(let acknowledged) = try await progress.acknowledge(
            item, council: council, officerID: jo.id, seenVersion: item.version, by: .init(id: priya.id, name: priya.displayName), message: "",
            notice: nil, at: acknowledgedAt) else { return }
        let respondedAt = acknowledgedAt.addingTimeInterval(6 * 86_400)
        let response = ComplaintStage.Response(
            respondedOn: LocalDate(respondedAt), outcome: .upheld, remedies: [.apology, .action],
            rootCause: "The crew closed the job from the depot without returning to check the site.",
            text: "We are sorry: the report was closed before the waste had gone. It was cleared the day you told us, and crews now photograph a site before closing a report.")
        guard case .saved = try await progress.respond(acknowledged, council: council, response: response, seenVersion: acknowledged.version,
                                                       by: .init(id: jo.id, name: jo.displayName), notice: nil, at: respondedAt) else { return }
        try await LearningActionRepository(database: database).add(LearningAction(
            caseID: item.id, youSaid: "A fly-tipping report was marked as cleared before the waste had gone.",
            weDid: "Street cleansing crews now photograph the site before closing a fly-tipping report.", ownerID: jo.id,
            dueOn: LocalDate(respondedAt).adding(days: 14), completedOn: LocalDate(respondedAt).adding(days: 6), published: true),
            councilID: council.id, at: respondedAt)
    }
}
