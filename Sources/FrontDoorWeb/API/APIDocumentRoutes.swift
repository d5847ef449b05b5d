import Foundation
import FrontDoorAPI
import Hummingbird
import Yams

/// The integration API's OpenAPI document at `/api/openapi.json` (and as written, `.yaml`):
/// the same file the server protocol is generated from, so the two cannot drift apart.
struct APIDocumentRoutes {
    func register(on router: Router<ResidentRequestContext>) {
        let json: Data? = (try? APIDocument.yaml()).flatMap { yaml in
            guard let text = String(data: yaml, encoding: .utf8), let object = try? Yams.load(yaml: text) else { return nil }
            return try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        }
        router.get("/api/openapi.json") { _, _ -> Response in
            guard let json else { throw HTTPError(.internalServerError) }
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: json)))
        }
        router.get("/api/openapi.yaml") { _, _ -> Response in
            let yaml = try APIDocument.yaml()
            return Response(status: .ok, headers: [.contentType: "application/yaml"], body: .init(byteBuffer: ByteBuffer(bytes: yaml)))
        }
    }
}
