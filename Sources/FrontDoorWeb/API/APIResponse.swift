import Foundation
import FrontDoorDomain
import Hummingbird

/// The JSON answers every machine-facing endpoint shares (the integration API, call events,
/// inbound email): a value as JSON, or `{"errors": [{"field", "message"}]}` with a status.
enum APIResponse {
    static func problems(_ status: HTTPResponse.Status, _ problems: [FieldProblem]) -> Response {
        struct Item: Encodable { var field: String; var message: String }
        struct Errors: Encodable { var errors: [Item] }
        return json(status, Errors(errors: problems.map { Item(field: $0.field, message: $0.message) }))
    }

    static func problem(_ status: HTTPResponse.Status, field: String, _ message: String) -> Response {
        problems(status, [.init(field: field, message: message)])
    }

    static func json(_ status: HTTPResponse.Status, _ value: some Encodable) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// If-None-Match as HTTP has it (RFC 9110 §13.1.2): `*` matches any current record, and a list
/// of tags matches when one of them is the record's, compared weakly (a `W/` prefix is ignored).
enum ETagMatch {
    static func matches(_ ifNoneMatch: String?, _ tag: String) -> Bool {
        guard let ifNoneMatch else { return false }
        let given = ifNoneMatch.trimmingCharacters(in: .whitespaces)
        if given == "*" { return true }
        func opaque(_ tag: Substring) -> Substring {
            let trimmed = tag.trimmingCharacters(in: .whitespaces)
            return Substring(trimmed.hasPrefix("W/") ? String(trimmed.dropFirst(2)) : trimmed)
        }
        return given.split(separator: ",").contains { opaque($0) == opaque(Substring(tag)) }
    }
}
