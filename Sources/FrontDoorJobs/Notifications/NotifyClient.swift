import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import JWTKit

/// A GOV.UK Notify API key: `{key name}-{service id}-{secret}`, the service id and the secret
/// being the last two UUIDs (the name may itself contain hyphens).
public struct NotifyAPIKey: Sendable, Equatable {
    public var serviceID: String
    public var secret: String

    public init?(_ key: String) {
        let key = key.trimmingCharacters(in: .whitespaces)
        guard key.count >= 74 else { return nil }
        let secret = String(key.suffix(36)), serviceID = String(key.dropLast(37).suffix(36))
        guard UUID(uuidString: secret) != nil, UUID(uuidString: serviceID) != nil, key.dropLast(36).hasSuffix("-"),
              key.dropLast(73).hasSuffix("-") else { return nil }
        self.serviceID = serviceID
        self.secret = secret
    }
}

/// GOV.UK Notify's documented HTTP API (version 2): send an email, a text message or a letter
/// from a template with personalisation, and read a notification's status. Every request
/// carries a JWT (HS256, signed with the key's secret; `iss` the service id, `iat` now).
/// Written over URLSession because Notify publishes no Swift client.
public struct NotifyClient: Sendable {
    public static let productionURL = URL(string: "https://api.notifications.service.gov.uk")!

    let baseURL: URL
    let key: NotifyAPIKey
    let session: URLSession

    public init(key: NotifyAPIKey, baseURL: URL = NotifyClient.productionURL, session: URLSession = .shared) {
        self.key = key
        self.baseURL = baseURL
        self.session = session
    }

    /// What Notify answers to a message accepted for sending.
    public struct Receipt: Sendable, Equatable, Decodable {
        public var id: String
        public var reference: String?
    }

    /// A refusal or failure, with Notify's own errors. 400 and 403 are for good (bad input, a bad
    /// key: sending again would fail again); 429 (rate limit) and 5xx are worth retrying.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var statusCode: Int
        public var errors: [String]

        public var isPermanent: Bool { (400..<500).contains(statusCode) && statusCode != 429 }
        public var description: String { "Notify answered \(statusCode): " + errors.joined(separator: "; ") }
    }

    public func sendEmail(to address: String, templateID: String, personalisation: [String: String], reference: String? = nil,
                          replyToID: String? = nil) async throws -> Receipt {
        var body: [String: JSONValue] = ["email_address": .text(address), "template_id": .text(templateID),
                                         "personalisation": .object(personalisation)]
        if let reference { body["reference"] = .text(reference) }
        if let replyToID { body["email_reply_to_id"] = .text(replyToID) }
        return try await post("/v2/notifications/email", body)
    }

    public func sendSMS(to phone: String, templateID: String, personalisation: [String: String], reference: String? = nil) async throws -> Receipt {
        var body: [String: JSONValue] = ["phone_number": .text(phone), "template_id": .text(templateID),
                                         "personalisation": .object(personalisation)]
        if let reference { body["reference"] = .text(reference) }
        return try await post("/v2/notifications/sms", body)
    }

    /// A letter: `personalisation` must hold `address_line_1` to `address_line_7` (at least three,
    /// the last being the postcode), as Notify requires.
    public func sendLetter(templateID: String, personalisation: [String: String], reference: String? = nil) async throws -> Receipt {
        var body: [String: JSONValue] = ["template_id": .text(templateID), "personalisation": .object(personalisation)]
        if let reference { body["reference"] = .text(reference) }
        return try await post("/v2/notifications/letter", body)
    }

    /// Where a message is: Notify's status ("created", "sending", "delivered", "permanent-failure",
    /// "temporary-failure", "technical-failure"; letters: "accepted", "received", …).
    public func status(of notificationID: String) async throws -> String {
        struct Status: Decodable { var status: String }
        let data = try await send(request("/v2/notifications/" + notificationID, method: "GET", body: nil))
        return try JSONDecoder().decode(Status.self, from: data).status
    }

    func post(_ path: String, _ body: [String: JSONValue]) async throws -> Receipt {
        let data = try await send(request(path, method: "POST", body: try JSONEncoder().encode(body)))
        return try JSONDecoder().decode(Receipt.self, from: data)
    }

    func request(_ path: String, method: String, body: Data?) async throws -> URLRequest {
        var request = URLRequest(url: baseURL.appendingPathComponent(path))
        request.httpMethod = method
        request.setValue("Bearer " + (try await token()), forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("frontdoor", forHTTPHeaderField: "User-Agent")
        request.httpBody = body
        request.timeoutInterval = 30
        return request
    }

    func send(_ request: URLRequest) async throws -> Data {
        let (data, response) = try await session.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else {
            struct Body: Decodable { struct Item: Decodable { var error: String; var message: String }; var errors: [Item] }
            let errors = (try? JSONDecoder().decode(Body.self, from: data))?.errors.map { $0.error + ": " + $0.message }
            throw Failure(statusCode: status, errors: errors ?? [String(decoding: data.prefix(300), as: UTF8.self)])
        }
        return data
    }

    struct Claims: JWTPayload {
        var iss: IssuerClaim
        var iat: IssuedAtClaim
        func verify(using algorithm: some JWTAlgorithm) throws {}
    }

    /// A fresh token for each request: Notify refuses one issued more than 30 seconds ago.
    func token(now: Date = Date()) async throws -> String {
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: key.secret), digestAlgorithm: .sha256)
        return try await keys.sign(Claims(iss: .init(value: key.serviceID), iat: .init(value: now)))
    }

    /// The JSON the requests are made of.
    enum JSONValue: Encodable {
        case text(String)
        case object([String: String])

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let value): try container.encode(value)
            case .object(let value): try container.encode(value)
            }
        }
    }
}
