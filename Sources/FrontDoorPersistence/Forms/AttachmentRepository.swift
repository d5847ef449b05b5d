import Crypto
import Foundation
import FrontDoorDomain
import SQLKit

/// Files uploaded with forms.
public struct AttachmentRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
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
        var content: Data
        var created_at: Date
    }

    /// Adds a file to a draft's question, replacing any file that question had: a question
    /// holds one file, and a replaced one is not kept.
    public func attach(_ content: Data, fileName: String, contentType: String, fieldID: String, to draft: FormDraft,
                       at now: Date) async throws -> Attachment {
        let attachment = Attachment(id: UUID(), councilID: draft.councilID, fieldID: fieldID, fileName: fileName,
                                    contentType: contentType, byteCount: content.count, sha256: SHA256.hash(data: content).hexString)
        let row = Row(id: attachment.id, council_id: attachment.councilID, draft_id: draft.id, submission_id: nil, field_id: fieldID,
                      file_name: fileName, content_type: contentType, byte_count: content.count, sha256: attachment.sha256,
                      content: content, created_at: now)
        try await database.transaction { db in
            try await db.delete(from: "attachments").where("draft_id", .equal, draft.id).where("field_id", .equal, fieldID).run()
            try await db.insert(into: "attachments").model(row).run()
        }
        return attachment
    }

    /// The files sent with a submission.
    public func all(submissionID: UUID) async throws -> [Attachment] {
        try await database.sql.select().columns(Self.describingColumns).from("attachments")
            .where("submission_id", .equal, submissionID).orderBy("created_at").all(decoding: Description.self).map(\.attachment)
    }

    /// A file with its bytes, only when it belongs to the submission (or, below, the draft) named.
    public func file(id: UUID, submissionID: UUID) async throws -> (Attachment, Data)? {
        try await database.sql.select().column("*").from("attachments").where("id", .equal, id)
            .where("submission_id", .equal, submissionID).first(decoding: Row.self).map(Self.file)
    }

    public func file(id: UUID, draftID: String) async throws -> (Attachment, Data)? {
        try await database.sql.select().column("*").from("attachments").where("id", .equal, id)
            .where("draft_id", .equal, draftID).first(decoding: Row.self).map(Self.file)
    }

    static let describingColumns = ["id", "council_id", "field_id", "file_name", "content_type", "byte_count", "sha256"]

    struct Description: Decodable {
        var id: UUID
        var council_id: UUID
        var field_id: String
        var file_name: String
        var content_type: String
        var byte_count: Int
        var sha256: String

        var attachment: Attachment {
            Attachment(id: id, councilID: council_id, fieldID: field_id, fileName: file_name, contentType: content_type,
                       byteCount: byte_count, sha256: sha256)
        }
    }

    static func file(_ row: Row) -> (Attachment, Data) {
        (Attachment(id: row.id, councilID: row.council_id, fieldID: row.field_id, fileName: row.file_name,
                    contentType: row.content_type, byteCount: row.byte_count, sha256: row.sha256), row.content)
    }
}
