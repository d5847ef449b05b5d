import Foundation
import FrontDoorDomain
import Hummingbird

/// A stored file sent back to staff: always a download, never shown inline, so an uploaded or
/// emailed file is never run as part of our site.
enum AttachmentDownload {
    static func response(_ attachment: Attachment, _ data: Data) -> Response {
        Response(status: .ok, headers: [
            .contentType: safeType(attachment.contentType),
            .contentDisposition: "attachment; filename*=UTF-8''" + (attachment.fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"),
            .cacheControl: "private, no-store",
        ], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// An emailed file's type is whatever the sender's mail program said: only a plain
    /// `type/subtype` is passed on.
    static func safeType(_ type: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789.+-/")
        let lower = type.lowercased()
        return lower.filter { $0 == "/" }.count == 1 && lower.allSatisfy(allowed.contains) && !lower.hasPrefix("/") && !lower.hasSuffix("/")
            ? lower : "application/octet-stream"
    }
}
