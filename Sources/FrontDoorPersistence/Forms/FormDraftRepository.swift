import Foundation
import FrontDoorDomain
import SQLKit

/// Forms in progress, and sending them: a draft becomes a submission in one transaction, with
/// its files, so a request is never half-made and never made twice.
public struct FormDraftRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    struct Row: Codable {
        var id: String
        var council_id: UUID
        var service_id: UUID
        var form_version: Int
        var answers_as_typed: String
        var customer_id: UUID?
        var staff_id: UUID?
        var channel: String
        var created_at: Date
        var updated_at: Date
        var guest_email: String?
        var guest_token_digest: String?
        var guest_confirmed_at: Date?
    }

    /// Starts a draft of the service's form at `formVersion` (the latest, when it starts).
    public func start(councilID: UUID, serviceID: UUID, formVersion: Int, filler: FormDraft.Filler,
                      channel: ServiceChannel, prefilled: FormSubmission = FormSubmission([:]), at now: Date) async throws -> FormDraft {
        let draft = FormDraft(id: RandomToken.make(), councilID: councilID, serviceID: serviceID, formVersion: formVersion,
                              answers: prefilled, filler: filler, channel: channel, createdAt: now, updatedAt: now)
        let staffID: UUID? = if case .staff(let id, _) = filler { id } else { nil }
        try await database.sql.insert(into: "form_drafts").model(Row(
            id: draft.id, council_id: councilID, service_id: serviceID, form_version: formVersion,
            answers_as_typed: try StoredJSON.encode(draft.answers), customer_id: filler.customerID, staff_id: staffID,
            channel: channel.rawValue, created_at: now, updated_at: now, guest_email: filler.guestEmail,
            guest_token_digest: { if case .guest(_, let digest) = filler { digest } else { nil } }(), guest_confirmed_at: nil)).run()
        return draft
    }

    /// A guest's draft, by the digest of the secret in their confirmation link.
    public func find(guestTokenDigest digest: String) async throws -> FormDraft? {
        try await database.sql.select().column("*").from("form_drafts").where("guest_token_digest", .equal, digest)
            .first(decoding: Row.self).map(Self.draft)
    }

    /// How many guest forms were started for `email` since `cutoff`: a limit on how many links
    /// anyone can have the council send to one address.
    public func guestDraftsStarted(email: String, since cutoff: Date) async throws -> Int {
        struct Count: Decodable { var n: Int }
        return try await database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("form_drafts")
            .where("guest_email", .equal, email).where("created_at", .greaterThan, cutoff).first(decoding: Count.self)?.n ?? 0
    }

    /// The guest opened the link: their address is proved.
    public func confirmGuest(draftID: String, at now: Date) async throws {
        try await database.sql.update("form_drafts").set("guest_confirmed_at", to: SQLBind(now)).set("updated_at", to: SQLBind(now))
            .where("id", .equal, draftID).run()
    }

    /// The draft; callers check it is the asker's own before showing anything of it.
    public func find(id: String) async throws -> FormDraft? {
        try await database.sql.select().column("*").from("form_drafts").where("id", .equal, id)
            .first(decoding: Row.self).map(Self.draft)
    }

    public func saveAnswers(_ answers: FormSubmission, draftID: String, at now: Date) async throws {
        try await database.sql.update("form_drafts").set("answers_as_typed", to: SQLBind(try StoredJSON.encode(answers)))
            .set("updated_at", to: SQLBind(now)).where("id", .equal, draftID).run()
    }

    /// Sends the draft: records the checked answers against its form version, hands over the
    /// files its answers name (others, such as replaced uploads, go with the draft) and deletes
    /// the draft. A second send of the same draft finds no draft and makes nothing.
    public func submit(_ draft: FormDraft, answers: CheckedAnswers, asked: [FieldDefinition], at now: Date) async throws -> SubmittedForm? {
        try await submit(draft, answers: answers, asked: asked, at: now, then: { _, _ in () })?.0
    }

    /// The same, doing `then` (opening the case) in the same transaction, so a submission never
    /// exists without what it makes.
    public func submit<Made: Sendable>(_ draft: FormDraft, answers: CheckedAnswers, asked: [FieldDefinition], at now: Date,
                                       then: @escaping @Sendable (SubmittedForm, any SQLDatabase) async throws -> Made) async throws -> (SubmittedForm, Made)? {
        precondition(answers.isValid, "only checked answers are sent")
        let kept = draft.answers.keeping(asked)
        let submittedBy: UUID? = if case .staff(let id, _) = draft.filler { id } else { nil }
        let submitted = SubmittedForm(id: UUID(), councilID: draft.councilID, serviceID: draft.serviceID, formVersion: draft.formVersion,
                                      answers: answers.answers, answersAsTyped: kept, customerID: draft.filler.customerID,
                                      submittedByStaffID: submittedBy, channel: draft.channel, submittedAt: now,
                                      guestEmail: draft.filler.guestEmail,
                                      guestTokenDigest: { if case .guest(_, let digest) = draft.filler { digest } else { nil } }())
        let attachmentIDs = asked.filter { $0.kind == .fileUpload }.compactMap { kept.values[$0.id + "-attachment"]?.first }
            .compactMap(UUID.init(uuidString:))
        let row = try SubmittedFormRepository.Row(submitted)
        do {
            let made = try await database.transaction { db -> Made in
                try await db.insert(into: "form_submissions").model(row).run()
                for id in attachmentIDs {
                    try await db.update("attachments").set("draft_id", to: SQLLiteral.null).set("submission_id", to: SQLBind(submitted.id))
                        .where("id", .equal, id).where("draft_id", .equal, draft.id).run()
                }
                // Deleting the draft claims it: of two sends at once, only one deletes a row, and
                // the other rolls back. Files its answers no longer name go with the draft.
                let claimed = try await db.delete(from: "form_drafts").where("id", .equal, draft.id).returning("id").all(decoding: Claimed.self)
                guard !claimed.isEmpty else { throw AlreadySent() }
                return try await then(submitted, db)
            }
            return (submitted, made)
        } catch is AlreadySent {
            return nil
        }
    }

    struct AlreadySent: Error {}
    struct Claimed: Decodable { var id: String }

    /// Drafts nobody has touched since `cutoff` (their files go with them).
    public func deleteUntouched(since cutoff: Date) async throws {
        try await database.sql.delete(from: "form_drafts").where("updated_at", .lessThan, cutoff).run()
    }

    static func draft(_ row: Row) throws -> FormDraft {
        let filler: FormDraft.Filler
        switch (row.staff_id, row.customer_id) {
        case (let staff?, let customer?): filler = .staff(staffID: staff, forCustomerID: customer)
        case (nil, let customer?): filler = .resident(customerID: customer)
        case (nil, nil) where row.guest_email != nil && row.guest_token_digest != nil:
            filler = .guest(email: row.guest_email ?? "", tokenDigest: row.guest_token_digest ?? "")
        default: throw StoredDataError.unknownValue(table: "form_drafts", column: "customer_id", value: "none")
        }
        guard let channel = ServiceChannel(rawValue: row.channel) else {
            throw StoredDataError.unknownValue(table: "form_drafts", column: "channel", value: row.channel)
        }
        return FormDraft(id: row.id, councilID: row.council_id, serviceID: row.service_id, formVersion: row.form_version,
                         answers: try StoredJSON.decode(FormSubmission.self, row.answers_as_typed, table: "form_drafts", column: "answers_as_typed"),
                         filler: filler, channel: channel, createdAt: row.created_at, updatedAt: row.updated_at)
    }
}
