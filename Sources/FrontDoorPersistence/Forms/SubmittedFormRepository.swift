import Foundation
import FrontDoorDomain
import SQLKit

/// Forms as sent.
public struct SubmittedFormRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    struct Row: Codable {
        var id: UUID
        var council_id: UUID
        var service_id: UUID
        var form_version: Int
        var answers: String
        var answers_as_typed: String
        var customer_id: UUID?
        var submitted_by_staff_id: UUID?
        var channel: String
        var submitted_at: Date
        var guest_email: String?
        var guest_token_digest: String?

        init(_ form: SubmittedForm) throws {
            id = form.id
            council_id = form.councilID
            service_id = form.serviceID
            form_version = form.formVersion
            answers = try StoredJSON.encode(form.answers)
            answers_as_typed = try StoredJSON.encode(form.answersAsTyped)
            customer_id = form.customerID
            submitted_by_staff_id = form.submittedByStaffID
            channel = form.channel.rawValue
            submitted_at = form.submittedAt
            guest_email = form.guestEmail
            guest_token_digest = form.guestTokenDigest
        }
    }

    public func find(id: UUID, councilID: UUID) async throws -> SubmittedForm? {
        try await database.sql.select().column("*").from("form_submissions").where("id", .equal, id)
            .where("council_id", .equal, councilID).first(decoding: Row.self).map(Self.submittedForm)
    }

    /// A customer's submissions, newest first.
    public func all(customerID: UUID) async throws -> [SubmittedForm] {
        try await database.sql.select().column("*").from("form_submissions").where("customer_id", .equal, customerID)
            .orderBy("submitted_at", .descending).all(decoding: Row.self).map(Self.submittedForm)
    }

    static func submittedForm(_ row: Row) throws -> SubmittedForm {
        guard let channel = ServiceChannel(rawValue: row.channel) else {
            throw StoredDataError.unknownValue(table: "form_submissions", column: "channel", value: row.channel)
        }
        return SubmittedForm(
            id: row.id, councilID: row.council_id, serviceID: row.service_id, formVersion: row.form_version,
            answers: try StoredJSON.decode([String: AnswerValue].self, row.answers, table: "form_submissions", column: "answers"),
            answersAsTyped: try StoredJSON.decode(FormSubmission.self, row.answers_as_typed, table: "form_submissions", column: "answers_as_typed"),
            customerID: row.customer_id, submittedByStaffID: row.submitted_by_staff_id, channel: channel, submittedAt: row.submitted_at,
            guestEmail: row.guest_email, guestTokenDigest: row.guest_token_digest)
    }
}
