import Foundation
import FrontDoorDomain
import SQLKit

/// An Open311 service request (from FixMyStreet, an app, a back-office system) made into a
/// submission and a case exactly as a form sent on the website would be: the same checks,
/// the same reference and deadlines, in one transaction, with a token for `tokens/{token}`.
public struct Open311Intake: Sendable {
    let database: Database
    let calendars: CouncilCalendarRepository

    public init(database: Database, bankHolidays: BankHolidays) {
        self.database = database
        self.calendars = CouncilCalendarRepository(database: database, shipped: bankHolidays)
    }

    /// Who made the request, as its parameters say.
    public struct Requester: Sendable {
        public var email: String
        public var firstName: String
        public var lastName: String
        public var phone: String

        public init(email: String, firstName: String, lastName: String, phone: String) {
            self.email = email
            self.firstName = firstName
            self.lastName = lastName
            self.phone = phone
        }

        var name: String { [firstName, lastName].filter { !$0.isEmpty }.joined(separator: " ") }
    }

    public enum Outcome: Sendable {
        case opened(Case, token: String)
        /// The answers broke the form's rules: each problem by attribute.
        case refused([FieldProblem])
    }

    /// `channel` is how the request reached the council (an integrator may pass on a phone call's).
    /// `description` is kept on the timeline when the form has no question for it; `mediaURL` always is.
    public func submit(_ submission: FormSubmission, form: FormDefinition, service: CouncilService, council: Council, requester: Requester,
                       description: String = "", mediaURL: String, source: String, channel: ServiceChannel = .online,
                       at now: Date = Date()) async throws -> Outcome {
        let checked = form.check(submission)
        guard checked.isValid else {
            return .refused(checked.problems.map { problem in
                let code = form.fields.first { $0.id == problem.fieldID }?.kind == .mapLocation ? "lat/long" : "attribute[\(problem.fieldID)]"
                return FieldProblem(field: code, message: code + ": " + problem.message)
            })
        }
        let rules = try await calendars.rules(for: council).intake
        let email = requester.email.lowercased()
        let token = RandomToken.make()
        let opened = try await database.transaction { db -> Case in
            var customerID: UUID?
            if EmailAddressRule.isPlausible(email) {
                customerID = try await CustomerRecordByEmail.findOrCreate(email, name: requester.name, phone: requester.phone,
                                                                          councilID: council.id, at: now, on: db).id
            }
            let submitted = SubmittedForm(id: UUID(), councilID: council.id, serviceID: service.id, formVersion: form.version,
                                          answers: checked.answers, answersAsTyped: submission, customerID: customerID,
                                          submittedByStaffID: nil, channel: channel, submittedAt: now)
            try await db.insert(into: "form_submissions").model(try SubmittedFormRepository.Row(submitted)).run()
            let opened = try await CaseRepository.open(for: submitted, form: form, service: service, rules: rules,
                                                       customerName: requester.name.isEmpty ? nil : requester.name + " (\(source))",
                                                       submittedByName: nil, on: db)
            // After "Request received" on the timeline, in this order.
            let extras = [Open311Attributes.takesDescription(form) || description.isEmpty ? nil : "Description: " + description,
                          mediaURL.isEmpty ? nil : "Photo sent with the report: " + mediaURL].compactMap { $0 }
            for (index, text) in extras.enumerated() {
                let event = CaseEvent(caseID: opened.id, occurredAt: now.addingTimeInterval(0.001 * Double(index + 1)), actorID: customerID,
                                      actorName: source, visibility: .public, text: String(text.prefix(5_000)), caseVersion: opened.version)
                try await db.insert(into: "case_events").model(CaseEventRow(event)).run()
            }
            try await db.insert(into: "open311_tokens").columns("token", "council_id", "case_id", "created_at")
                .values(SQLBind(token), SQLBind(council.id), SQLBind(opened.id), SQLBind(now)).run()
            return opened
        }
        return .opened(opened, token: token)
    }

    /// The case a token was given for.
    public func caseID(token: String, councilID: UUID) async throws -> UUID? {
        struct Row: Decodable { var case_id: UUID }
        return try await database.sql.select().column("case_id").from("open311_tokens").where("token", .equal, token)
            .where("council_id", .equal, councilID).first(decoding: Row.self)?.case_id
    }
}
