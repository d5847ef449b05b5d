import Crypto
import Foundation
import FrontDoorDomain
import Hummingbird
import NIOConcurrencyHelpers

/// A local stand-in for GOV.UK Notify that speaks its documented v2 API: it checks each
/// request's JWT itself (HS256 over the header and claims with the key's secret, `iss` the
/// service id, `iat` within 30 seconds), checks the body as Notify does, renders the template
/// with the personalisation, and answers in Notify's shapes (201 with the notification; errors
/// as {"status_code", "errors": [{"error", "message"}]}).
final class FakeNotify: Sendable {
    static let serviceID = "26785a09-ab16-4eb0-8407-a37497a57506"
    static let secret = "3d844edf-8d35-48ac-975b-e847b4f122b0"
    static let apiKey = "frontdoor_test-" + serviceID + "-" + secret
    static let emailTemplate = "f33517ff-2a88-4f6e-b855-c550268ce08a"
    static let smsTemplate = "ceb50d92-100d-4b8b-b559-14fa3b091cda"
    static let letterTemplate = "a1b2c3d4-e5f6-7890-abcd-ef1234567890"

    struct Sent: Sendable, Equatable {
        var id: String
        var type: String
        var to: String
        var subject: String
        var body: String
        var reference: String?
    }

    let sent = NIOLockedValueBox<[Sent]>([])

    var templates: [String: (type: String, template: MessageTemplate)] {
        [Self.emailTemplate: ("email", MessageTemplate(subject: "((subject))", body: "((body))")),
         Self.smsTemplate: ("sms", MessageTemplate(body: "((body))")),
         Self.letterTemplate: ("letter", MessageTemplate(subject: "((subject))", body: "((body))"))]
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        for type in ["email", "sms", "letter"] {
            router.post(RouterPath("v2/notifications/" + type)) { request, context -> Response in
                try await self.send(type, request, context)
            }
        }
        router.get("v2/notifications/:id") { request, context -> Response in
            if let refusal = Self.authenticate(request) { return refusal }
            let id = context.parameters.get("id") ?? ""
            guard self.sent.withLockedValue({ $0.contains { $0.id == id } }) else {
                return Self.error(404, "NoResultFound", "No result found")
            }
            return Self.json(200, ["id": id, "status": "delivered"])
        }
        return router
    }

    func send(_ type: String, _ request: Request, _ context: BasicRequestContext) async throws -> Response {
        if let refusal = Self.authenticate(request) { return refusal }
        var request = request
        let data = Data(buffer: try await request.collectBody(upTo: 1 << 20))
        guard let body = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            return Self.error(400, "BadRequestError", "Invalid JSON supplied in POST data")
        }
        guard let templateID = body["template_id"] as? String, UUID(uuidString: templateID) != nil else {
            return Self.error(400, "ValidationError", "template_id is not a valid UUID")
        }
        guard let template = templates[templateID], template.type == type else {
            return Self.error(400, "BadRequestError", "Template not found")
        }
        let personalisation = (body["personalisation"] as? [String: String]) ?? [:]
        let to: String
        switch type {
        case "email":
            guard let address = body["email_address"] as? String, address.contains("@"), address.contains(".") else {
                return Self.error(400, "ValidationError", "email_address Not a valid email address")
            }
            if address.hasPrefix("rate-limited@") { return Self.error(429, "RateLimitError", "Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds") }
            if address.hasPrefix("broken@") { return Self.error(500, "Exception", "Internal server error") }
            to = address
        case "sms":
            guard let phone = body["phone_number"] as? String, PhoneNumberRule.isPlausible(phone) else {
                return Self.error(400, "ValidationError", "phone_number Not a UK mobile number")
            }
            to = phone
        default:
            let lines = (1...7).compactMap { personalisation["address_line_\($0)"] }.filter { !$0.isEmpty }
            guard lines.count >= 3 else { return Self.error(400, "ValidationError", "Address must be at least 3 lines") }
            guard let last = lines.last, Postcode(last) != nil else {
                return Self.error(400, "ValidationError", "Last line of address must be a real UK postcode")
            }
            to = lines.joined(separator: ", ")
        }
        let rendered: (subject: String, body: String)
        switch template.template.render(personalisation) {
        case .failure(let missing): return Self.error(400, "BadRequestError", "Missing personalisation: " + missing.names.joined(separator: ", "))
        case .success(let result): rendered = result
        }
        let id = UUID().uuidString.lowercased()
        let reference = body["reference"] as? String
        sent.withLockedValue { $0.append(Sent(id: id, type: type, to: to, subject: rendered.subject, body: rendered.body, reference: reference)) }
        return Self.json(201, ["id": id, "reference": reference ?? NSNull(),
                               "content": ["subject": rendered.subject, "body": rendered.body],
                               "uri": "https://api.notifications.service.gov.uk/v2/notifications/" + id,
                               "template": ["id": templateID, "version": 1, "uri": "https://api.notifications.service.gov.uk/v2/template/" + templateID]])
    }

    /// Notify's own check of the token, done here without the JWT library the client signs with.
    static func authenticate(_ request: Request) -> Response? {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
            return error(401, "AuthError", "Unauthorized: authentication token must be provided")
        }
        let parts = header.dropFirst(7).split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, let headerJSON = base64URL(parts[0]), let claimsJSON = base64URL(parts[1]), let signature = base64URL(parts[2]),
              let jose = (try? JSONSerialization.jsonObject(with: headerJSON)) as? [String: Any], jose["alg"] as? String == "HS256",
              let claims = (try? JSONSerialization.jsonObject(with: claimsJSON)) as? [String: Any] else {
            return error(403, "AuthError", "Invalid token: signature, api token is not valid")
        }
        let expected = HMAC<SHA256>.authenticationCode(for: Data((parts[0] + "." + parts[1]).utf8), using: SymmetricKey(data: Data(secret.utf8)))
        guard Data(expected) == signature, claims["iss"] as? String == serviceID else {
            return error(403, "AuthError", "Invalid token: API key not found")
        }
        guard let issued = (claims["iat"] as? NSNumber)?.doubleValue, abs(Date().timeIntervalSince1970 - issued) <= 30 else {
            return error(403, "AuthError", "Error: Your system clock must be accurate to within 30 seconds")
        }
        return nil
    }

    static func base64URL(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }

    static func error(_ status: Int, _ error: String, _ message: String) -> Response {
        json(status, ["status_code": status, "errors": [["error": error, "message": message]]])
    }

    static func json(_ status: Int, _ object: [String: Any]) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
        return Response(status: .init(code: status), headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
