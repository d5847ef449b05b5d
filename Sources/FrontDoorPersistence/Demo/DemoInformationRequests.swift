import Foundation
import FrontDoorDomain

/// What happened next to the demo's older FOI request: answered within the twenty working days
/// with the contractor's staff names withheld, and published on the disclosure log.
struct DemoInformationRequests: Sendable {
    let database: Database
    let shipped: BankHolidays

    func answerAndPublish(_ item: Case, council: Council, received: Date) async throws {
        let owen = DemoCouncil.staff[4]
        var answeredAt = received.addingTimeInterval(12 * 86_400)
        while LocalDate(answeredAt).isWeekend { answeredAt.addTimeInterval(86_400) }
        let response = """
            In 2025 the council spent £412,300 repairing potholes: £298,100 on planned patching and £114,200 on emergency repairs.
            The work was done by Kingsmere Highways Services Ltd under the council's highways maintenance contract.
            We have withheld the names of the contractor's staff under section 40(2) of the Act.
            """
        guard case .saved = try await InformationRequestProgress(database: database, bankHolidays: shipped).respond(
            item, council: council, response: response, seenVersion: item.version, by: .init(id: owen.id, name: owen.displayName),
            notice: nil, at: answeredAt) else { return }
        guard let exemption = Exemption.find("s40(2)") else { return }
        _ = try await WithheldItemRepository(database: database).add(
            WithheldItem(description: "Names of the contractor's staff", exemption: exemption), caseID: item.id)
        try await DisclosureLogRepository(database: database).publish(
            caseID: item.id, request: "How much did the council spend repairing potholes in 2025, and who did the work?",
            response: response, at: answeredAt.addingTimeInterval(3_600))
    }
}
