import Crypto
import Foundation
import FrontDoorAPI
import FrontDoorDomain
import FrontDoorPersistence

/// The JSON integration API (`/api/v1`, described by openapi.yaml and served at
/// `/api/openapi.json`): the generated server protocol, answered from the council of the key
/// the request came with, after the scope each call needs is checked.
struct IntegrationAPI: APIProtocol {
    let councils: CouncilRepository
    let services: ServiceRepository
    let forms: ServiceFormRepository
    let cases: CaseRepository
    let progress: CaseProgress
    let intake: Open311Intake
    let gazetteer: GazetteerRepository
    let customers: CustomerRepository
    let contacts: ContactRepository
    let changes: APIChangeFeed
    let links: PublicLinks
    let database: Database

    init(database: Database, hasher: PasswordHasher, bankHolidays: BankHolidays, links: PublicLinks) {
        councils = CouncilRepository(database: database)
        services = ServiceRepository(database: database)
        forms = ServiceFormRepository(database: database)
        cases = CaseRepository(database: database)
        progress = CaseProgress(database: database, bankHolidays: bankHolidays)
        intake = Open311Intake(database: database, bankHolidays: bankHolidays)
        gazetteer = GazetteerRepository(database: database)
        customers = CustomerRepository(database: database, hasher: hasher)
        contacts = ContactRepository(database: database)
        changes = APIChangeFeed(database: database)
        self.links = links
        self.database = database
    }

    enum Refusal: Error {
        case unauthorized, forbidden(ApiScope), badRequest(String, String), problems([FieldProblem]), notFound(String), conflict(String, String)

        var errors: Components.Schemas.Errors {
            switch self {
            case .unauthorized: .init(errors: [.init(field: "authorization", message: "Send an API key as ‘Authorization: Bearer <key>’")])
            case .forbidden(let scope): .init(errors: [.init(field: "authorization", message: "This key does not have the \(scope.rawValue) scope")])
            case .badRequest(let field, let message), .conflict(let field, let message): .init(errors: [.init(field: field, message: message)])
            case .problems(let problems): .init(errors: problems.map { .init(field: $0.field, message: $0.message) })
            case .notFound(let what): .init(errors: [.init(field: "path", message: "No \(what) here")])
            }
        }
    }

    /// Who did something through the API: the person the request names, with the system (the
    /// key's label) that said so; the label alone when it names nobody.
    static func attributed(_ name: String, to holder: ApiKeyRepository.Holder) -> String {
        name.isEmpty ? holder.label : name + ", by " + holder.label
    }

    /// Runs `body` for the key (its council, its label) when it has `scope`; a refusal (from
    /// the key, or thrown by `body`) becomes the operation's own error answer.
    func answer<Output: GuardedOutput>(_ scope: ApiScope, _ body: (ApiKeyRepository.Holder) async throws -> Output) async throws -> Output {
        guard let holder = APIKeyHolder.current else { return try Refusal.unauthorized.answer() }
        guard holder.scopes.contains(scope) else { return try Refusal.forbidden(scope).answer() }
        do {
            return try await body(holder)
        } catch let refusal as Refusal {
            return try refusal.answer()
        }
    }

    static func limit(_ given: Int?) throws(Refusal) -> Int {
        let limit = given ?? 50
        guard (1...200).contains(limit) else { throw .badRequest("limit", "limit must be between 1 and 200") }
        return limit
    }

    /// Where a change feed's previous page ended, from its `next_cursor`.
    static func position(_ cursor: String?) throws(Refusal) -> APIChangeFeed.Position? {
        guard let cursor else { return nil }
        guard let position = APICursor.decode(cursor)?.position else { throw .badRequest("cursor", "cursor must be a next_cursor this API gave") }
        return position
    }

    /// The next page's cursor when there is one (`found` holds one more than `limit`).
    static func nextCursor<Item>(_ found: [Item], limit: Int, _ position: (Item) -> APIChangeFeed.Position) -> String? {
        found.count > limit ? APICursor(position: position(found[limit - 1])).encoded : nil
    }

    /// An id in a path or body: our ids are UUIDs, written in lower case.
    static func id(_ text: String) -> UUID? {
        UUID(uuidString: text)
    }

    static func text(_ id: UUID?) -> String? {
        id?.uuidString.lowercased()
    }

    // MARK: Services

    func listServices(_ input: Operations.ListServices.Input) async throws -> Operations.ListServices.Output {
        try await answer(.servicesRead) { holder in
            let councilID = holder.councilID
            let limit = try Self.limit(input.query.limit)
            let after = try input.query.cursor.map { cursor throws(Refusal) in
                guard let key = APICursor.decode(cursor)?.key else { throw .badRequest("cursor", "cursor must be a next_cursor this API gave") }
                return key
            }
            let all = try await services.all(councilID: councilID).sorted { $0.code.value < $1.code.value }
                .filter { after == nil || $0.code.value > after! }
            let page = Array(all.prefix(limit))
            let next = all.count > limit ? page.last.map { APICursor(key: $0.code.value).encoded } : nil
            return .ok(.init(body: .json(.init(items: page.map(Self.document), nextCursor: next))))
        }
    }

    func getService(_ input: Operations.GetService.Input) async throws -> Operations.GetService.Output {
        try await answer(.servicesRead) { holder in
            let councilID = holder.councilID
            guard let code = ServiceCode(input.path.code), let service = try await services.find(code: code, councilID: councilID) else {
                throw Refusal.notFound("service " + input.path.code)
            }
            let document = Self.document(service)
            let tag = Self.etag(document)
            if ETagMatch.matches(input.headers.ifNoneMatch, tag) { return .notModified }
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
}

/// A page's continuation: opaque to clients (base64url JSON), the last item's sort key.
struct APICursor: Codable {
    var key: String
    var time: Double?

    init(key: String) {
        self.key = key
    }

    init(position: APIChangeFeed.Position) {
        key = position.id.uuidString
        // Date's own count of seconds, so the cursor gives back exactly the time it was made from.
        time = position.time.timeIntervalSinceReferenceDate
    }

    var position: APIChangeFeed.Position? {
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
