import Foundation
import Hummingbird
import XMLCoder

/// Open311's two formats, chosen by the path's extension (`services.json`, `services.xml`).
enum Open311Format: String {
    case json, xml

    /// `requests.json` → ("requests", .json); nil for any other extension.
    static func split(_ name: String) -> (String, Open311Format)? {
        guard let dot = name.lastIndex(of: "."), let format = Open311Format(rawValue: String(name[name.index(after: dot)...]).lowercased()) else {
            return nil
        }
        return (String(name[..<dot]), format)
    }

    var contentType: String {
        switch self {
        case .json: "application/json; charset=utf-8"
        case .xml: "text/xml; charset=utf-8"
        }
    }

    /// A list: in JSON a bare array, in XML `<root><item>…</item>…</root>`.
    func list<Item: Encodable>(_ items: [Item], root: String, item: String, status: HTTPResponse.Status = .ok) throws -> Response {
        switch self {
        case .json: return try respond(JSONEncoder.open311.encode(items), status: status)
        case .xml: return try respond(xml(XMLList(items: items, name: item), root: root), status: status)
        }
    }

    /// One document: in JSON the object (`json`), in XML `xml` under `root`.
    func document(json: some Encodable, xml: some Encodable, root: String) throws -> Response {
        switch self {
        case .json: return try respond(JSONEncoder.open311.encode(json), status: .ok)
        case .xml: return try respond(self.xml(xml, root: root), status: .ok)
        }
    }

    /// The specification's errors: `[{"code": 400, "description": "…"}]`, `<errors><error>…`.
    func errors(_ status: HTTPResponse.Status, _ descriptions: [String]) -> Response {
        let items = descriptions.map { Open311Documents.Error(code: status.code, description: $0) }
        return (try? list(items, root: "errors", item: "error", status: status))
            ?? Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: descriptions.joined(separator: "\n"))))
    }

    func xml(_ value: some Encodable, root: String) throws -> Data {
        let encoder = XMLEncoder()
        encoder.outputFormatting = [.prettyPrinted]
        return try encoder.encode(value, withRootKey: root, header: XMLHeader(version: 1.0, encoding: "UTF-8"))
    }

    func respond(_ data: Data, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// A list whose items are each an element named `name`.
struct XMLList<Item: Encodable>: Encodable {
    var items: [Item]
    var name: String

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for item in items { try container.encode(item, forKey: Key(stringValue: name)) }
    }
}

extension JSONEncoder {
    static var open311: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

/// Times as Open311 writes them (W3C, with the UK offset), and reads them.
enum Open311Time {
    static func write(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Europe/London")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ssxxx"
        return formatter.string(from: date)
    }

    static func read(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        for options: ISO8601DateFormatter.Options in [[.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds], [.withFullDate]] {
            formatter.formatOptions = options
            if let date = formatter.date(from: text.trimmingCharacters(in: .whitespaces)) { return date }
        }
        return nil
    }
}
