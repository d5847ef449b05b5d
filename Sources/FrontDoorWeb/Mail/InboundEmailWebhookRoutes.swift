import Crypto
import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird
import NIOCore

/// Where an inbound-mail service (SendGrid's Inbound Parse, Mailgun's routes, Postmark's inbound
/// webhook and the like) posts each email the councils receive: form data (multipart with the
/// files, or urlencoded) in the fields `InboundEmail.fromFields` reads. The service proves
/// itself with INBOUND_EMAIL_KEY, as a bearer token or as the password of HTTP Basic
/// authentication (which is all most services can send, written into the webhook's address).
/// The answer is JSON: what came of the email, or every problem named.
struct InboundEmailWebhookRoutes {
    static let path = "/api/v1/inbound-email"
    /// An email with its files, as mail servers commonly cap them, and room for the form fields.
    static let bodyLimit = 30 * 1024 * 1024

    let key: String?
    let intake: EmailIntake

    func register(on router: Router<ResidentRequestContext>) {
        let routes = self
        router.post(RouterPath(Self.path)) { request, _ -> Response in
            try await routes.receive(request)
        }
    }

    func receive(_ request: Request) async throws -> Response {
        guard let key else {
            return APIResponse.problems(.notFound, [.init(field: "path", message: "Inbound email is not set up here: set INBOUND_EMAIL_KEY")])
        }
        guard Self.presentedKey(request.headers[.authorization] ?? "").map({ Self.same($0, key) }) == true else {
            var response = APIResponse.problems(.unauthorized, [.init(field: "authorization",
                message: "Send INBOUND_EMAIL_KEY as ‘Authorization: Bearer <key>’ or as the password of HTTP Basic authentication")])
            response.headers[.wwwAuthenticate] = "Basic realm=\"frontdoor-inbound-email\""
            return response
        }
        let contentType = (request.headers[.contentType] ?? "").lowercased()
        let fields: [String: String]
        var attachments: [InboundEmail.Attachment] = []
        do {
            if contentType.hasPrefix("multipart/form-data") {
                let form = try await MultipartForm.read(from: request, limit: Self.bodyLimit)
                fields = form.fields.firstValues
                // Services number the files (attachment1, attachment-2, …): keep the order they were sent in.
                for name in form.files.keys.sorted(by: { $0.localizedStandardCompare($1) == .orderedAscending }) {
                    guard let file = form.files[name] else { continue }
                    attachments.append(.init(fileName: file.fileName.isEmpty ? name : file.fileName,
                                             contentType: file.declaredContentType.isEmpty ? "application/octet-stream" : file.declaredContentType,
                                             data: file.data))
                }
            } else if contentType.hasPrefix("application/x-www-form-urlencoded") {
                fields = try await FormInput.read(from: request, limit: Self.bodyLimit).firstValues
            } else {
                return APIResponse.problems(.unsupportedMediaType, [.init(field: "content-type",
                    message: "Send the email as multipart/form-data or application/x-www-form-urlencoded")])
            }
        } catch is MultipartForm.Malformed, is FormInput.Malformed {
            return APIResponse.problems(.badRequest, [.init(field: "body", message: "The form data could not be read")])
        } catch is NIOTooManyBytesError {
            return APIResponse.problems(.contentTooLarge, [.init(field: "body", message: "An email must be \(Self.bodyLimit / 1024 / 1024) MB or smaller")])
        }
        let email = InboundEmail.fromFields(fields, attachments: attachments)
        var problems: [FieldProblem] = []
        if email.from == nil { problems.append(.init(field: "from", message: "Give the sender’s address in ‘from’")) }
        if email.recipients.isEmpty { problems.append(.init(field: "to", message: "Give the address the email was sent to in ‘to’")) }
        guard problems.isEmpty else { return APIResponse.problems(.unprocessableContent, problems) }
        let outcome: EmailIntake.Outcome
        do {
            outcome = try await intake.receive(email)
        } catch let error as EmailIntake.NoCouncil {
            return APIResponse.problems(.unprocessableContent, [.init(field: "to", message: error.description)])
        } catch let error as EmailIntake.NoService {
            return APIResponse.problems(.unprocessableContent, [.init(field: "to", message: error.description)])
        }
        return APIResponse.json(.ok, Received(outcome))
    }

    /// What the service is told (and logs): what became of the email.
    struct Received: Encodable {
        var outcome: String
        var reference: String?
        var acknowledged: Bool?
        var reason: String?

        init(_ outcome: EmailIntake.Outcome) {
            switch outcome {
            case .opened(let reference, let decision):
                self.outcome = "opened"
                self.reference = reference.description
                if case .stayQuiet(let why) = decision { acknowledged = false; reason = why } else { acknowledged = true }
            case .joined(let reference):
                self.outcome = "joined"
                self.reference = reference.description
            case .setAside(let why, let reference):
                self.outcome = "set-aside"
                self.reference = reference?.description
                reason = why
            case .alreadyReceived:
                self.outcome = "already-received"
            }
        }
    }

    /// The key from `Bearer <key>` or `Basic base64(user:key)`.
    static func presentedKey(_ authorization: String) -> String? {
        let parts = authorization.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        switch parts[0].lowercased() {
        case "bearer": return parts[1].trimmingCharacters(in: .whitespaces)
        case "basic":
            guard let decoded = Data(base64Encoded: parts[1].trimmingCharacters(in: .whitespaces)).flatMap({ String(data: $0, encoding: .utf8) }),
                  let colon = decoded.firstIndex(of: ":") else { return nil }
            return String(decoded[decoded.index(after: colon)...])
        default: return nil
        }
    }

    /// Compared by digest, so the time taken says nothing about how much of a guess was right.
    static func same(_ presented: String, _ key: String) -> Bool {
        SHA256.hash(data: Data(presented.utf8)) == SHA256.hash(data: Data(key.utf8))
    }
}
