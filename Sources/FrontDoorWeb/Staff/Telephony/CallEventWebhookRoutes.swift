import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// The webhook a council's telephony platform posts call events to (the shape is `CallEvent`'s,
/// documented in the API guide). It authenticates with a bearer key made by
/// `frontdoor telephony-key`; the key says which council the call belongs to. Each event is
/// recorded and, when it reaches an advisor FrontDoor knows, wakes their call screen.
struct CallEventWebhookRoutes {
    static let path = "/api/v1/telephony/call-events"
    static let bodyLimit = 16 * 1024

    let keys: TelephonyKeyRepository
    let calls: CallRepository
    let hub: CallScreenHub

    init(database: Database, hub: CallScreenHub) {
        self.keys = TelephonyKeyRepository(database: database)
        self.calls = CallRepository(database: database)
        self.hub = hub
    }

    func register(on router: Router<ResidentRequestContext>) {
        let routes = self
        router.post(RouterPath(Self.path)) { request, context -> Response in
            try await routes.receive(request, context: context)
        }
    }

    func receive(_ request: Request, context: ResidentRequestContext) async throws -> Response {
        let authorization = request.headers[.authorization] ?? ""
        guard authorization.hasPrefix("Bearer "), let councilID = try await keys.council(for: String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces)) else {
            var response = APIResponse.problems(.unauthorized, [.init(field: "authorization", message: "Send the telephony key as ‘Authorization: Bearer <key>’")])
            response.headers[.wwwAuthenticate] = "Bearer realm=\"frontdoor-telephony\""
            return response
        }
        guard (request.headers[.contentType] ?? "").lowercased().hasPrefix("application/json") else {
            return APIResponse.problems(.unsupportedMediaType, [.init(field: "content-type", message: "Send the event as application/json")])
        }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: Self.bodyLimit)
        } catch {
            return APIResponse.problems(.contentTooLarge, [.init(field: "body", message: "An event must be \(Self.bodyLimit / 1024) KB or smaller")])
        }
        switch CallEvent.parse(Data(buffer: body), now: Date()) {
        case .failure(let problems):
            let malformed = problems.all.count == 1 && problems.all[0].field == "body"
            return APIResponse.problems(malformed ? .badRequest : .unprocessableContent, problems.all)
        case .success(let event):
            let reached = try await calls.record(event, councilID: councilID)
            if let reached { await hub.wake(staffID: reached) }
            struct Recorded: Encodable { var recorded = true; var screen_pop: Bool }
            return APIResponse.json(.ok, Recorded(screen_pop: reached != nil))
        }
    }
}
