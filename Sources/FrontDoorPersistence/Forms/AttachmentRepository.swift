import Crypto
import Foundation
import FrontDoorDomain
import SQLKit

/// Files uploaded with forms: what each is in the database, its bytes in the attachment storage.
public struct AttachmentRepository: Sendable {
    let database: Database
    let storage: any AttachmentStorage

    public init(database: Database, storage: any AttachmentStorage) {
        self.database = database
        self.storage = storage
    }

    struct Row: Codable {
        var id: UUID
        var council_id: UUID
        var draft_id: String?
        var submission_id: UUID?
        var field_id: String
        var file_name: String
        var content_type: String
        var byte_count: Int
        var sha256: String
        var storage_key: String
        var created_at: Date
        /// For a file sent by email, the email (`EmailIntake`).
        var inbound_email_id: UUID? = nil

        var attachment: Attachment {
            Attachment(id: id, councilID: council_id, fieldID: field_id, fileName: file_name, contentType: content_type,
                       byteCount: byte_count, sha256: sha256)
        }
    }

    /// Adds a file to a draft's question, replacing any file that question had: a question
    /// holds one file, and a replaced one is not kept. The bytes are stored before the row is
    /// written, so a row never names a file that is not there.
    public func attach(_ content: Data, fileName: String, contentType: String, fieldID: String, to draft: FormDraft,
                       at now: Date) async throws -> Attachment {
        let id = UUID()
        let row = Row(id: id, council_id: draft.councilID, draft_id: draft.id, submission_id: nil, field_id: fieldID, file_name: fileName,
                      content_type: contentType, byte_count: content.count, sha256: SHA256.hash(data: content).hexString,
                      storage_key: id.uuidString.lowercased(), created_at: now)
        try await storage.write(content, key: row.storage_key)
        let replaced = try await database.transaction { db -> [String] in
            struct Key: Decodable { var storage_key: String }
            let old = try await db.delete(from: "attachments").where("draft_id", .equal, draft.id).where("field_id", .equal, fieldID)
                .returning("storage_key").all(decoding: Key.self)
            try await db.insert(into: "attachments").model(row).run()
            return old.map(\.storage_key)
        }
        for key in replaced { try? await storage.delete(key: key) }
        return row.attachment
    }

    /// The files sent with a submission.
    public func all(submissionID: UUID) async throws -> [Attachment] {
        try await database.sql.select().column("*").from("attachments").where("submission_id", .equal, submissionID)
            .orderBy("created_at").all(decoding: Row.self).map(\.attachment)
    }

    /// A file with its bytes, only when it belongs to the submission (or, below, the draft) named.
    public func file(id: UUID, submissionID: UUID) async throws -> (Attachment, Data)? {
        try await read(database.sql.select().column("*").from("attachments").where("id", .equal, id)
            .where("submission_id", .equal, submissionID).first(decoding: Row.self))
    }

    public func file(id: UUID, draftID: String) async throws -> (Attachment, Data)? {
        try await read(database.sql.select().column("*").from("attachments").where("id", .equal, id)
            .where("draft_id", .equal, draftID).first(decoding: Row.self))
    }

    /// The files emailed about a case (with the email that opened it or any that joined it).
    public func emailed(caseID: UUID) async throws -> [Attachment] {
        try await emailedQuery(caseID: caseID).orderBy(SQLColumn("created_at", table: "attachments")).all(decoding: Row.self).map(\.attachment)
    }

    public func file(id: UUID, emailedAboutCase caseID: UUID) async throws -> (Attachment, Data)? {
        try await read(emailedQuery(caseID: caseID).where(SQLColumn("id", table: "attachments"), .equal, SQLBind(id)).first(decoding: Row.self))
    }

    func emailedQuery(caseID: UUID) -> SQLSelectBuilder {
        database.sql.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("attachments"))).from("attachments")
            .join("inbound_emails", on: SQLColumn("inbound_email_id", table: "attachments"), .equal, SQLColumn("id", table: "inbound_emails"))
            .where(SQLColumn("case_id", table: "inbound_emails"), .equal, SQLBind(caseID))
    }

    func read(_ row: Row?) async throws -> (Attachment, Data)? {
        guard let row, let data = try await storage.read(key: row.storage_key) else { return nil }
        return (row.attachment, data)
    }

    /// Clears drafts untouched since `cutoff` and the files uploaded with them.
    public func deleteUntouchedDrafts(since cutoff: Date) async throws {
        struct Key: Decodable { var storage_key: String }
        let keys = try await database.sql.select().column(SQLColumn("storage_key", table: "attachments")).from("attachments")
            .join("form_drafts", on: SQLColumn("id", table: "form_drafts"), .equal, SQLColumn("draft_id", table: "attachments"))
            .where(SQLColumn("updated_at", table: "form_drafts"), .lessThan, SQLBind(cutoff)).all(decoding: Key.self)
        try await FormDraftRepository(database: database).deleteUntouched(since: cutoff)
        for key in keys { try? await storage.delete(key: key.storage_key) }
    }

    /// Throws away one draft and the files uploaded with it (the resident followed an existing
    /// report instead of sending theirs).
    public func discardDraft(id: String) async throws {
        struct Key: Decodable { var storage_key: String }
        let keys = try await database.sql.select().column("storage_key").from("attachments").where("draft_id", .equal, id).all(decoding: Key.self)
        try await database.sql.delete(from: "form_drafts").where("id", .equal, id).run()
        for key in keys { try? await storage.delete(key: key.storage_key) }
    }
}
