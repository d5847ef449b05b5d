import Foundation
import FrontDoorPersistence
import HTTPTypes
import Hummingbird
import NIOCore

/// Idempotency-Key on the integration API's POSTs: a request sent again with the same key and
/// body is answered as the first was, and makes nothing twice. Only successful answers are kept
/// (a refused request releases its key, so it can be put right and sent again); the same key
/// with another request is refused with 422, and while the first is still being answered with 409.
struct APIIdempotencyMiddleware<Context: RequestContext>: RouterMiddleware {
    let store: ApiIdempotency

    static var keyHeader: HTTPField.Name { HTTPField.Name("Idempotency-Key")! }
    static var replayedHeader: HTTPField.Name { HTTPField.Name("Idempotent-Replayed")! }
    /// The answer's headers worth giving again (the rest are the server's own for each response).
    static var keptHeaders: [HTTPField.Name] { [.contentType, .eTag, .location] }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post, let key = request.headers[Self.keyHeader] else { return try await next(request, context) }
        guard let holder = APIKeyHolder.current else { return try await next(request, context) }
        guard (1...200).contains(key.count) else {
            return APIResponse.problem(.badRequest, field: "idempotency-key", "Idempotency-Key must be 1 to 200 characters")
        }
        var request = request
        // The body is in memory already (APIRequestBodyMiddleware); this only reads it.
        let body = try await request.collectBody(upTo: APIRequestBodyMiddleware<Context>.limit)
        let fingerprint = ApiIdempotency.fingerprint(method: request.method.rawValue, path: request.uri.path, body: Data(buffer: body))

        switch try await store.claim(keyID: holder.id, key: key, fingerprint: fingerprint) {
        case .replay(let answer):
            var headers = HTTPFields()
            for (name, value) in answer.headers { if let name = HTTPField.Name(name) { headers[name] = value } }
            headers[Self.replayedHeader] = "true"
            return Response(status: .init(code: answer.status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: answer.body)))
        case .inFlight:
            return APIResponse.problem(.conflict, field: "idempotency-key", "A request with this Idempotency-Key is still being answered; try again shortly")
        case .reusedForAnotherRequest:
            return APIResponse.problem(.unprocessableContent, field: "idempotency-key",
                                       "This Idempotency-Key came with a different request before; use a new key for a new request")
        case .proceed:
            break
        }
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            try await store.release(keyID: holder.id, key: key)
            throw error
        }
        guard (200..<300).contains(response.status.code) else {
            try await store.release(keyID: holder.id, key: key)
            return response
        }
        let collected = CollectedBody()
        try await response.body.write(CollectingWriter(into: collected))
        var headers: [String: String] = [:]
        for name in Self.keptHeaders { if let value = response.headers[name] { headers[name.canonicalName] = value } }
        try await store.keep(.init(status: response.status.code, headers: headers, body: String(buffer: collected.buffer)), keyID: holder.id, key: key)
        var answered = response
        answered.body = .init(byteBuffer: collected.buffer)
        return answered
    }
}

// Hummingbird has no way to read a response body back, so it is written into this buffer:
// the API's answers are small JSON documents made in memory.
private final class CollectedBody: @unchecked Sendable {
    var buffer = ByteBuffer()
}

private struct CollectingWriter: ResponseBodyWriter {
    let into: CollectedBody

    mutating func write(_ buffer: ByteBuffer) async throws {
        var buffer = buffer
        into.buffer.writeBuffer(&buffer)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
