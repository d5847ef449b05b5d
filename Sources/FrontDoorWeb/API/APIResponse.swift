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
