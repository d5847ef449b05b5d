import Crypto
import Foundation
import FrontDoorAPI
import FrontDoorDomain
import FrontDoorPersistence

/// The JSON integration API (`/api/v1`, described by openapi.yaml and served at
/// `/api/openapi.json`): the generated server protocol, answered from the council of the key
/// the request came with, after the scope each call needs is checked.
struct IntegrationAPI: APIProtocol {
    let services: ServiceRepository
    let cases: CaseRepository
    let changes: APICaseFeed

    init(database: Database) {
        services = ServiceRepository(database: database)
        cases = CaseRepository(database: database)
        changes = APICaseFeed(database: database)
    }

    enum Refusal: Error {
        case unauthorized, forbidden(ApiScope), badRequest(String, String), notFound(String)

        var errors: Components.Schemas.Errors {
            switch self {
            case .unauthorized: .init(errors: [.init(field: "authorization", message: "Send an API key as ‘Authorization: Bearer <key>’")])
            case .forbidden(let scope): .init(errors: [.init(field: "authorization", message: "This key does not have the \(scope.rawValue) scope")])
            case .badRequest(let field, let message): .init(errors: [.init(field: field, message: message)])
            case .notFound(let what): .init(errors: [.init(field: "path", message: "No \(what) here")])
            }
        }
    }

    /// Runs `body` for the key's council when the key has `scope`; a refusal (from the key,
    /// or thrown by `body`) becomes the operation's own error answer through `refuse`.
    func answer<Output>(_ scope: ApiScope, _ refuse: (Refusal) -> Output, _ body: (UUID) async throws -> Output) async throws -> Output {
        guard let holder = APIKeyHolder.current else { return refuse(.unauthorized) }
        guard holder.scopes.contains(scope) else { return refuse(.forbidden(scope)) }
        do {
            return try await body(holder.councilID)
        } catch let refusal as Refusal {
            return refuse(refusal)
        }
    }

    static func limit(_ given: Int?) throws(Refusal) -> Int {
        let limit = given ?? 50
        guard (1...200).contains(limit) else { throw .badRequest("limit", "limit must be between 1 and 200") }
        return limit
    }

    // MARK: Services

    func listServices(_ input: Operations.ListServices.Input) async throws -> Operations.ListServices.Output {
        try await answer(.servicesRead, { refusal in
            switch refusal {
            case .unauthorized: .unauthorized(.init(body: .json(refusal.errors)))
            case .forbidden: .forbidden(.init(body: .json(refusal.errors)))
            case .badRequest, .notFound: .badRequest(.init(body: .json(refusal.errors)))
            }
        }) { councilID in
            let limit = try Self.limit(input.query.limit)
            let after = input.query.cursor.flatMap(APICursor.decode).map(\.key)
            let all = try await services.all(councilID: councilID).sorted { $0.code.value < $1.code.value }
                .filter { after == nil || $0.code.value > after! }
            let page = Array(all.prefix(limit))
            let next = all.count > limit ? page.last.map { APICursor(key: $0.code.value).encoded } : nil
            return .ok(.init(body: .json(.init(items: page.map(Self.document), nextCursor: next))))
        }
    }

    func getService(_ input: Operations.GetService.Input) async throws -> Operations.GetService.Output {
        try await answer(.servicesRead, { refusal in
            switch refusal {
            case .unauthorized: .unauthorized(.init(body: .json(refusal.errors)))
            case .forbidden: .forbidden(.init(body: .json(refusal.errors)))
            case .badRequest, .notFound: .notFound(.init(body: .json(refusal.errors)))
            }
        }) { councilID in
            guard let code = ServiceCode(input.path.code), let service = try await services.find(code: code, councilID: councilID) else {
                throw Refusal.notFound("service " + input.path.code)
            }
            let document = Self.document(service)
            let tag = Self.etag(document)
            if input.headers.ifNoneMatch == tag { return .notModified }
            return .ok(.init(headers: .init(eTag: tag), body: .json(document)))
        }
    }

    static func document(_ service: CouncilService) -> Components.Schemas.Service {
        let (days, hours): (Int?, Int?) = switch service.standard.target {
        case .workingDays(let days): (days, nil)
        case .hours(let hours): (nil, hours)
        }
        return .init(id: service.id.uuidString.lowercased(), code: service.code.value, name: service.name, description: service.description,
                     group: service.group.name(.english),
                     channels: service.channels.compactMap { .init(rawValue: $0.rawValue) }.sorted { $0.rawValue < $1.rawValue },
                     standard: .init(statement: service.standard.statement, workingDays: days, hours: hours), active: service.isActive)
    }

    /// A strong ETag from the document's bytes.
    static func etag(_ document: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .iso8601
        let data = (try? encoder.encode(document)) ?? Data()
        return "\"" + SHA256.hash(data: data).prefix(12).map { String(format: "%02x", $0) }.joined() + "\""
    }

    // MARK: Cases

    func listCases(_ input: Operations.ListCases.Input) async throws -> Operations.ListCases.Output {
        try await answer(.casesRead, { refusal in
            switch refusal {
            case .unauthorized: .unauthorized(.init(body: .json(refusal.errors)))
            case .forbidden: .forbidden(.init(body: .json(refusal.errors)))
            case .badRequest, .notFound: .badRequest(.init(body: .json(refusal.errors)))
            }
        }) { councilID in
            let limit = try Self.limit(input.query.limit)
            var after: (Date, UUID)?
            if let cursor = input.query.cursor {
                guard let decoded = APICursor.decode(cursor)?.caseKey else { throw Refusal.badRequest("cursor", "cursor must be a next_cursor this API gave") }
                after = decoded
            }
            let status = input.query.status.flatMap { CaseStatus(rawValue: $0.rawValue) }
            let found = try await changes.cases(councilID: councilID, since: input.query.updatedSince, status: status, after: after, limit: limit + 1)
            let page = Array(found.prefix(limit))
            let next = found.count > limit ? page.last.map { APICursor(caseKey: ($0.updatedAt, $0.id)).encoded } : nil
            return .ok(.init(body: .json(.init(items: page.map(Self.document), nextCursor: next))))
        }
    }

    func getCase(_ input: Operations.GetCase.Input) async throws -> Operations.GetCase.Output {
        try await answer(.casesRead, { refusal in
            switch refusal {
            case .unauthorized: .unauthorized(.init(body: .json(refusal.errors)))
            case .forbidden: .forbidden(.init(body: .json(refusal.errors)))
            case .badRequest, .notFound: .notFound(.init(body: .json(refusal.errors)))
            }
        }) { councilID in
            guard let reference = CaseReference(input.path.reference.uppercased()),
                  let item = try await cases.find(reference: reference, councilID: councilID) else {
                throw Refusal.notFound("case " + input.path.reference)
            }
            // A case's version goes up with every change: it is the ETag.
            let tag = "\"\(item.id.uuidString.lowercased())-\(item.version)\""
            if input.headers.ifNoneMatch == tag { return .notModified }
            return .ok(.init(headers: .init(eTag: tag), body: .json(Self.document(item))))
        }
    }

    static func document(_ item: Case) -> Components.Schemas.Case {
        let resolveBy: String = switch item.resolveBy {
        case .date(let day): day.description
        case .instant(let instant): ISO8601DateFormatter().string(from: instant)
        }
        return .init(id: item.id.uuidString.lowercased(), reference: item.reference.description, serviceId: item.serviceID.uuidString.lowercased(),
                     customerId: item.customerID?.uuidString.lowercased(), status: .init(rawValue: item.status.rawValue) ?? .submitted,
                     channel: item.channel.rawValue, priority: .init(rawValue: item.priority.rawValue) ?? .normal,
                     teamId: item.teamID?.uuidString.lowercased(), ward: item.ward, latitude: item.latitude, longitude: item.longitude,
                     receivedAt: item.receivedAt, updatedAt: item.updatedAt, resolveBy: resolveBy, resolvedAt: item.resolvedAt,
                     standardState: .init(rawValue: item.standardState.rawValue) ?? .onTrack, version: item.version)
    }
}

/// A page's continuation: opaque to clients (base64url JSON), the last item's sort key.
struct APICursor: Codable {
    var key: String
    var time: Double?

    init(key: String) {
        self.key = key
    }

    init(caseKey: (Date, UUID)) {
        key = caseKey.1.uuidString
        // Date's own count of seconds, so the cursor gives back exactly the time it was made from.
        time = caseKey.0.timeIntervalSinceReferenceDate
    }

    var caseKey: (Date, UUID)? {
        guard let time, let id = UUID(uuidString: key) else { return nil }
        return (Date(timeIntervalSinceReferenceDate: time), id)
    }

    var encoded: String {
        ((try? JSONEncoder().encode(self)) ?? Data()).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: String) -> APICursor? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64).flatMap { try? JSONDecoder().decode(APICursor.self, from: $0) }
    }
}
