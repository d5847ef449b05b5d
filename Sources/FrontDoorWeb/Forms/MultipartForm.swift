import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// A file chosen in a form: its name as the browser gave it, and its bytes. The browser's
/// content type is kept only as a hint; what the file is comes from `FileSignature`.
public struct UploadedFile: Sendable {
    public var fileName: String
    public var declaredContentType: String
    public var data: Data
}

/// A `multipart/form-data` body (forms with a file input): the text fields as a `FormInput`,
/// and the files by field name. MultipartKit does the parsing.
public struct MultipartForm: Sendable {
    public var fields: FormInput
    public var files: [String: UploadedFile]

    public struct Malformed: Error {}

    /// The largest body a form with a file may send: the largest upload, and room for the rest.
    public static let bodyLimit = 12 * 1024 * 1024

    /// The boundary from a `multipart/form-data; boundary=…` content type.
    public static func boundary(contentType: String) -> String? {
        let parameters = HeaderParameters(contentType)
        guard parameters.value.lowercased() == "multipart/form-data" else { return nil }
        return parameters["boundary"].flatMap { $0.isEmpty ? nil : $0 }
    }

    public static func read(from request: Request, limit: Int = bodyLimit) async throws -> MultipartForm {
        guard let boundary = request.headers[.contentType].flatMap(Self.boundary(contentType:)) else { throw Malformed() }
        var request = request
        return try MultipartForm(body: try await request.collectBody(upTo: limit), boundary: boundary)
    }

    public init(body: ByteBuffer, boundary: String) throws {
        let parser = MultipartParser(boundary: boundary)
        var parts: [(headers: [(String, String)], body: ByteBuffer)] = []
        var headers: [(String, String)] = []
        var partBody = ByteBuffer()
        parser.onHeader = { name, value in headers.append((name, value)) }
        parser.onBody = { chunk in partBody.writeBuffer(&chunk) }
        parser.onPartComplete = {
            parts.append((headers, partBody))
            headers = []
            partBody = ByteBuffer()
        }
        do {
            try parser.execute(body)
        } catch {
            throw Malformed()
        }
        // The parser waits quietly for more of a body with no boundary in it; for us it is just wrong.
        if parts.isEmpty, body.readableBytes > 0 { throw Malformed() }
        var fields: [String: [String]] = [:]
        var files: [String: UploadedFile] = [:]
        for part in parts {
            func header(_ name: String) -> String? { part.headers.first { $0.0.lowercased() == name }?.1 }
            guard let disposition = header("content-disposition").map(HeaderParameters.init), let name = disposition["name"] else { continue }
            if let fileName = disposition["filename"] {
                // An empty file input still sends a part, with no name and no bytes: nothing was chosen.
                guard !fileName.isEmpty || part.body.readableBytes > 0 else { continue }
                files[name] = UploadedFile(fileName: Self.baseName(fileName), declaredContentType: header("content-type") ?? "",
                                           data: Data(buffer: part.body))
            } else {
                fields[name, default: []].append(String(buffer: part.body))
            }
        }
        self.fields = FormInput(fields)
        self.files = files
    }

    /// Some browsers send the whole path ("C:\Users\ann\photo.jpg"); only the name is the resident's business.
    static func baseName(_ fileName: String) -> String {
        let name = fileName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        return String(name.prefix(200))
    }
}

/// A header value with `; key=value` parameters, values optionally quoted (RFC 9110 section
/// 5.6.6, as browsers write them). Written here because MultipartKit's own reader splits on every `;` and `=`, which
/// breaks file names containing them.
struct HeaderParameters {
    let value: String
    private var parameters: [String: String] = [:]

    init(_ header: String) {
        var characters = Substring(header)
        func skipSpaces() { characters = characters.drop { $0 == " " || $0 == "\t" } }
        let end = characters.firstIndex(of: ";") ?? characters.endIndex
        value = characters[..<end].trimmingCharacters(in: .whitespaces)
        characters = characters[end...]
        while characters.first == ";" {
            characters = characters.dropFirst()
            skipSpaces()
            let keyEnd = characters.firstIndex { $0 == "=" || $0 == ";" } ?? characters.endIndex
            let key = characters[..<keyEnd].trimmingCharacters(in: .whitespaces).lowercased()
            characters = characters[keyEnd...]
            guard characters.first == "=" else { continue }
            characters = characters.dropFirst()
            skipSpaces()
            var parsed = ""
            if characters.first == "\"" {
                characters = characters.dropFirst()
                // No backslash escapes: browsers send `"` in names as %22 (HTML's form encoding)
                // and a backslash as itself, as in the Windows paths some still send.
                while let character = characters.first, character != "\"" {
                    characters = characters.dropFirst()
                    parsed.append(character)
                }
                characters = characters.dropFirst()
                characters = characters.drop { $0 != ";" }
            } else {
                let valueEnd = characters.firstIndex(of: ";") ?? characters.endIndex
                parsed = characters[..<valueEnd].trimmingCharacters(in: .whitespaces)
                characters = characters[valueEnd...]
            }
            if parameters[key] == nil { parameters[key] = parsed }
        }
    }

    subscript(_ key: String) -> String? { parameters[key.lowercased()] }
}
