import Foundation

/// One MIME entity of a received message: its headers and its body, with the body's parts when
/// it is a multipart. Parsed from the raw bytes (RFC 5322 with MIME, RFCs 2045 to 2047 and 2231).
/// Written here because no maintained Swift MIME parser is available to us; it reads what mail
/// servers deliver, and is tested against messages built by Python's email library.
public struct MIMEEntity: Sendable {
    /// Unfolded headers in order, names as written.
    public var headers: [(name: String, value: String)]
    /// The body's raw bytes (still transfer-encoded).
    public var rawBody: Data
    public var parts: [MIMEEntity]

    /// The first header of that name (case-insensitive), raw (encoded words not decoded).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    public var contentType: String {
        (header("Content-Type").map { MIMEParameters.value(of: $0) } ?? "text/plain").lowercased()
    }

    public var charset: String? { header("Content-Type").flatMap { MIMEParameters.parameter("charset", in: $0) } }

    public var isMultipart: Bool { contentType.hasPrefix("multipart/") }

    /// An attachment's file name (Content-Disposition's filename, or Content-Type's name), decoded.
    public var fileName: String? {
        let named = header("Content-Disposition").flatMap { MIMEParameters.parameter("filename", in: $0) }
            ?? header("Content-Type").flatMap { MIMEParameters.parameter("name", in: $0) }
        return named.map(EncodedWords.decode)
    }

    public var isAttachment: Bool {
        let disposition = header("Content-Disposition").map { MIMEParameters.value(of: $0).lowercased() }
        return disposition == "attachment" || (fileName != nil && !contentType.hasPrefix("text/")) || (disposition != "inline" && fileName != nil)
    }

    /// The body with its transfer encoding undone.
    public var decodedBody: Data {
        switch (header("Content-Transfer-Encoding") ?? "7bit").trimmingCharacters(in: .whitespaces).lowercased() {
        case "base64": return TransferEncoding.base64(rawBody)
        case "quoted-printable": return TransferEncoding.quotedPrintable(rawBody)
        default: return rawBody
        }
    }

    /// The body as text, in its declared character set (UTF-8 when none, Windows-1252 for
    /// bytes that are not valid in the declared one, so nothing is lost to a wrong label).
    public var text: String {
        Charsets.decode(decodedBody, charset: charset)
    }

    /// Parses an entity: the headers up to the first empty line, then the body; a multipart's
    /// parts between its boundaries, recursively (depth-limited, as a defence).
    public static func parse(_ data: Data, depth: Int = 0) -> MIMEEntity {
        let bytes = [UInt8](data)
        var headerEnd = bytes.count, bodyStart = bytes.count
        var index = 0
        while index < bytes.count {
            if bytes[index] == 10 {
                // A line end followed by an empty line ("\n\n" or "\n\r\n") ends the headers.
                if index + 1 < bytes.count, bytes[index + 1] == 10 { headerEnd = index; bodyStart = index + 2; break }
                if index + 2 < bytes.count, bytes[index + 1] == 13, bytes[index + 2] == 10 { headerEnd = index; bodyStart = index + 3; break }
            }
            if index == 0, bytes[0] == 10 { headerEnd = 0; bodyStart = 1; break }
            if index == 0, bytes.count > 1, bytes[0] == 13, bytes[1] == 10 { headerEnd = 0; bodyStart = 2; break }
            index += 1
        }
        let headerText = String(decoding: bytes[0..<headerEnd], as: UTF8.self)
        let headers = unfold(headerText)
        let body = bodyStart < bytes.count ? Data(bytes[bodyStart...]) : Data()
        var entity = MIMEEntity(headers: headers, rawBody: body, parts: [])
        if entity.isMultipart, depth < 20, let boundary = entity.header("Content-Type").flatMap({ MIMEParameters.parameter("boundary", in: $0) }) {
            entity.parts = split(body, boundary: boundary).map { parse($0, depth: depth + 1) }
        }
        return entity
    }

    static func unfold(_ text: String) -> [(name: String, value: String)] {
        var headers: [(name: String, value: String)] = []
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if let first = line.first, first == " " || first == "\t", !headers.isEmpty {
                headers[headers.count - 1].value += " " + line.trimmingCharacters(in: .whitespaces)
            } else if let colon = line.firstIndex(of: ":") {
                headers.append((String(line[..<colon]).trimmingCharacters(in: .whitespaces),
                                String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
            }
        }
        return headers
    }

    /// The parts between "--boundary" lines, up to "--boundary--" (preamble and epilogue dropped);
    /// each part without the line end that belongs to the boundary after it.
    static func split(_ body: Data, boundary: String) -> [Data] {
        let bytes = [UInt8](body)
        let marker = [UInt8](("--" + boundary).utf8)
        var parts: [Data] = []
        var partStart: Int?
        var lineStart = 0
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 10 { lineEnd += 1 }
            let line = bytes[lineStart..<lineEnd]
            if line.starts(with: marker) {
                let rest = line.dropFirst(marker.count)
                if let start = partStart {
                    var end = lineStart
                    if end > start, bytes[end - 1] == 10 { end -= 1 }
                    if end > start, bytes[end - 1] == 13 { end -= 1 }
                    parts.append(Data(bytes[start..<max(start, end)]))
                }
                if rest.starts(with: [45, 45]) { return parts }
                partStart = lineEnd + 1
            }
            lineStart = lineEnd + 1
        }
        // No closing boundary (a truncated message): keep what the last part had.
        if let start = partStart, start < bytes.count { parts.append(Data(bytes[start...])) }
        return parts
    }
}
