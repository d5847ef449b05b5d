import Foundation
import FrontDoorDomain
import FrontDoorPersistence

/// Builds a compliment's or a comment's section of its case page: the service it is about, the
/// team it is with, and, for staff who may update the case, the form that passes it on.
struct FeedbackPanelBuilder: Sendable {
    let processes: ServiceProcessRepository
    let subjects: CaseSubjectRepository
    let teams: TeamRepository

    init(database: Database) {
        processes = ServiceProcessRepository(database: database)
        subjects = CaseSubjectRepository(database: database)
        teams = TeamRepository(database: database)
    }

    static let serviceField = "feedback-service"

    /// Whether the case is a compliment or a comment, the cases this section is for.
    func isFeedback(_ item: Case) async throws -> Bool {
        [.compliment, .comment].contains(try await processes.process(serviceID: item.serviceID))
    }

    /// The section, or nil when the case is not a compliment or a comment.
    func panel(_ item: Case, _ context: StaffRequestContext, problems: [FieldError], typed: FormInput?) async throws -> FeedbackPanel? {
        let process = try await processes.process(serviceID: item.serviceID)
        guard process == .compliment || process == .comment else { return nil }
        let choices = try await processes.ordinaryServices(councilID: item.councilID)
        let aboutID = try await subjects.serviceID(caseID: item.id)
        let teamName = try await teams.all(councilID: item.councilID).first { $0.id == item.teamID }?.name
        let summary = SummaryList(rows: [
            .init(key: "About the service", value: aboutID.flatMap { id in choices.first { $0.id == id }?.name } ?? "Not recorded yet"),
            .init(key: "With the team", value: teamName ?? "No team"),
        ])
        var panel = FeedbackPanel(heading: process == .compliment ? "Compliment" : "Comment", summary: summary)
        let scope = ResourceScope(councilID: item.councilID, owningTeamID: item.teamID)
        if item.status != .duplicate, Permissions.isAllowed(context.member, .updateCase, on: scope) {
            panel.pass = .init(
                action: context.basePath + StaffPaths.cases + "/" + item.reference.description + "/feedback/service",
                csrfToken: context.csrfToken, version: String(item.version),
                service: Select(id: Self.serviceField, label: Label("Which service is it about?"),
                                hint: "It goes to the team that runs the service, and the annual complaints report counts it there.",
                                error: problems.first { $0.fieldID == Self.serviceField }?.message,
                                options: [(value: "", text: "Select a service")] + choices.map { (value: $0.id.uuidString, text: $0.name) },
                                selected: typed.map { $0[Self.serviceField] } ?? aboutID?.uuidString ?? ""),
                save: Button("Pass it to the service team", variant: .secondary))
        }
        return panel
    }
}
