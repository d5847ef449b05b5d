import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird
import NIOCore

/// Open311 GeoReport v2 under `/open311/v2/` (discovery at `/open311/discovery.{json,xml}`),
/// with the service-request-updates extension, so FixMyStreet and apps can report to the
/// council and follow their reports. Reading is open, as the specification has it; posting
/// needs an API key with the `open311` scope. The council is `jurisdiction_id` (its slug),
/// which may be left out where the request already names one (one council, its host name or
/// its `/c/{slug}` path). Every problem is answered in the specification's error format with
/// the right status; nothing is half made.
struct Open311Routes {
    static let base = "/open311/v2"
    /// The default window for listing requests and updates, and the widest allowed.
    static let window: TimeInterval = 90 * 86_400
    static let pageLimit = 1000
    static let bodyLimit = 64 * 1024

    let councils: CouncilRepository
    let services: ServiceRepository
    let forms: ServiceFormRepository
    let queries: Open311Queries
    let intake: Open311Intake
    let keys: ApiKeyRepository
    let cases: CaseRepository
    let progress: CaseProgress
    let gazetteer: GazetteerRepository
    let processes: ServiceProcessRepository
    let baseURL: String

    init(database: Database, bankHolidays: BankHolidays, baseURL: String) {
        councils = CouncilRepository(database: database)
        services = ServiceRepository(database: database)
        forms = ServiceFormRepository(database: database)
        queries = Open311Queries(database: database)
        intake = Open311Intake(database: database, bankHolidays: bankHolidays)
        keys = ApiKeyRepository(database: database)
        cases = CaseRepository(database: database)
        progress = CaseProgress(database: database, bankHolidays: bankHolidays)
        gazetteer = GazetteerRepository(database: database)
        processes = ServiceProcessRepository(database: database)
        self.baseURL = baseURL
    }

    /// A refusal in the specification's error format.
    struct Failure: Error {
        var status: HTTPResponse.Status
        var descriptions: [String]

        init(_ status: HTTPResponse.Status, _ descriptions: String...) {
            self.status = status
            self.descriptions = descriptions
        }

        init(_ status: HTTPResponse.Status, all descriptions: [String]) {
            self.status = status
            self.descriptions = descriptions
        }
    }

    func register(on router: Router<ResidentRequestContext>) {
        let routes = self
        @Sendable func handle(_ name: String?, _ body: @escaping @Sendable (String, Open311Format) async throws -> Response) async throws -> Response {
            guard let (resource, format) = name.flatMap(Open311Format.split) else {
                return Open311Format.json.errors(.notFound, ["Ask for .json or .xml, such as \(Self.base)/services.json"])
            }
            do {
                return try await body(resource, format)
            } catch let failure as Failure {
                return format.errors(failure.status, failure.descriptions)
            }
        }
        router.get("/open311/:name") { _, context in
            try await handle(context.parameters.get("name")) { resource, format in
                guard resource == "discovery" else { throw Failure(.notFound, "No such document: try \(Self.base)/services.\(format.rawValue)") }
                return try routes.discovery(format, context)
            }
        }
        router.get(RouterPath(Self.base + "/:name")) { request, context in
            try await handle(context.parameters.get("name")) { resource, format in
                let input = Open311Input(query: request.uri.queryParameters)
                switch resource {
                case "services": return try await routes.services(format, input, context)
                case "requests": return try await routes.requests(format, input, context)
                case "servicerequestupdates": return try await routes.updates(format, input, context)
                default: throw Failure(.notFound, "No such resource: \(resource)")
                }
            }
        }
        router.post(RouterPath(Self.base + "/:name")) { request, context in
            try await handle(context.parameters.get("name")) { resource, format in
                let input = try await Self.readBody(request)
                switch resource {
                case "requests": return try await routes.createRequest(format, input, context)
                case "servicerequestupdates": return try await routes.createUpdate(format, input, context)
                default: throw Failure(.notFound, "Nothing can be posted to \(resource)")
                }
            }
        }
        // A collection named without a format (`/open311/v2/services`): its fixed path would
        // otherwise miss the `:name` route above and reach the website's 404 page.
        for collection in ["services", "requests", "tokens", "servicerequestupdates"] {
            router.get(RouterPath(Self.base + "/" + collection)) { _, _ in
                Open311Format.json.errors(.notFound, ["Ask for .json or .xml, such as \(Self.base)/\(collection).json"])
            }
            router.post(RouterPath(Self.base + "/" + collection)) { _, _ in
                Open311Format.json.errors(.notFound, ["Ask for .json or .xml, such as \(Self.base)/\(collection).json"])
            }
        }
        for (collection, one) in [("services", "service"), ("requests", "request"), ("tokens", "token")] {
            router.get(RouterPath(Self.base + "/" + collection + "/:name")) { request, context in
                try await handle(context.parameters.get("name")) { id, format in
                    let input = Open311Input(query: request.uri.queryParameters)
                    switch one {
                    case "service": return try await routes.serviceDefinition(format, code: id, input, context)
                    case "request": return try await routes.request(format, reference: id, input, context)
                    default: return try await routes.token(format, token: id, input, context)
                    }
                }
            }
        }
    }

    // MARK: Reading

    func discovery(_ format: Open311Format, _ context: ResidentRequestContext) throws -> Response {
        let discovery = Open311Documents.Discovery(
            changeset: "2026-11-24T00:00:00Z", contact: context.council.map { "\($0.contact.email), \($0.contact.phone)" } ?? "",
            keyService: "Ask the council for an API key; FrontDoor's operators make one with frontdoor api-key --scopes open311",
            endpoints: [.init(specification: "http://wiki.open311.org/GeoReport_v2", url: baseURL + context.basePath + Self.base,
                              changeset: "2026-11-24T00:00:00Z", type: "production", formats: ["text/xml", "application/json"])])
        return try format.document(json: discovery, xml: Open311Documents.DiscoveryXML(discovery), root: "discovery")
    }

    func services(_ format: Open311Format, _ input: Open311Input, _ context: ResidentRequestContext) async throws -> Response {
        let council = try await jurisdiction(input, context)
        let offered = try await offeredServices(council)
        var listed: [Open311Documents.Service] = []
        for service in offered {
            let attributes = try await forms.latest(of: service.id).map(Open311Attributes.attributes) ?? []
            listed.append(.init(serviceCode: service.code.value, serviceName: service.name, description: service.description,
                                metadata: !attributes.isEmpty, type: "realtime", keywords: service.keywords.joined(separator: ","),
                                group: service.group.name(.english)))
        }
        return try format.list(listed, root: "services", item: "service")
    }

    /// Active services with an online form: what a report can be made to.
    /// Active online services with a form, except those with a process of their own (complaints,
    /// information requests): those have statutory steps a street-reporting client knows nothing of.
    func offeredServices(_ council: Council) async throws -> [CouncilService] {
        let withForms = try await forms.servicesWithForms(councilID: council.id)
        let withProcesses = try await processes.all(councilID: council.id)
        return try await services.all(councilID: council.id)
            .filter { $0.isActive && $0.channels.contains(.online) && withForms.contains($0.id) && withProcesses[$0.id] == nil }
            .sorted { $0.code.value < $1.code.value }
    }

    func offeredService(_ code: String, _ council: Council) async throws -> (CouncilService, FormDefinition) {
        guard let service = try await offeredServices(council).first(where: { $0.code.value == code }),
              let form = try await forms.latest(of: service.id) else {
            throw Failure(.notFound, "service_code \(code) is not a service that takes reports here; \(Self.base)/services lists them")
        }
        return (service, form)
    }

    func serviceDefinition(_ format: Open311Format, code: String, _ input: Open311Input, _ context: ResidentRequestContext) async throws -> Response {
        let council = try await jurisdiction(input, context)
        let (service, form) = try await offeredService(code, council)
        let definition = Open311Documents.ServiceDefinition(serviceCode: service.code.value, attributes: Open311Attributes.attributes(of: form).map {
            .init(variable: true, code: $0.code, datatype: $0.datatype, required: $0.required, datatypeDescription: $0.datatypeDescription,
                  order: $0.order, description: $0.description, values: $0.values.map { .init(key: $0.key, name: $0.name) })
        })
        return try format.document(json: definition, xml: Open311Documents.ServiceDefinitionXML(definition), root: "service_definition")
    }

    func requests(_ format: Open311Format, _ input: Open311Input, _ context: ResidentRequestContext) async throws -> Response {
        let council = try await jurisdiction(input, context)
        let now = Date()
        var problems: [String] = []
        func date(_ name: String) -> Date? {
            guard !input[name].isEmpty else { return nil }
            guard let date = Open311Time.read(input[name]) else {
                problems.append("\(name) must be a W3C date and time, such as 2026-11-24T09:30:00Z")
                return nil
            }
            return date
        }
        let end = date("end_date"), start = date("start_date")
        let to = end ?? (start.map { $0.addingTimeInterval(Self.window) } ?? now)
        let from = start ?? to.addingTimeInterval(-Self.window)
        if from > to { problems.append("start_date must be before end_date") }
        if to.timeIntervalSince(from) > Self.window { problems.append("start_date and end_date may be at most 90 days apart") }
        var statuses: Set<CaseStatus>?
        if !input["status"].isEmpty {
            statuses = []
            for name in input.list("status") {
                guard let matched = Open311Status.statuses(name) else { problems.append("status must be open or closed, not \(name)"); continue }
                statuses?.formUnion(matched)
            }
        }
        let catalogue = try await services.all(councilID: council.id)
        var serviceIDs: [UUID] = []
        for code in input.list("service_code") {
            guard let service = catalogue.first(where: { $0.code.value == code }) else { problems.append("service_code \(code) is not a service here"); continue }
            serviceIDs.append(service.id)
        }
        guard problems.isEmpty else { throw Failure(.badRequest, all: problems) }
        let found = try await queries.requests(councilID: council.id, .init(
            references: input.list("service_request_id").map { $0.uppercased() }, serviceIDs: serviceIDs, receivedFrom: from, receivedTo: to,
            statuses: statuses, limit: Self.pageLimit))
        return try format.list(try await documents(found, council: council, catalogue: catalogue), root: "service_requests", item: "request")
    }

    func request(_ format: Open311Format, reference: String, _ input: Open311Input, _ context: ResidentRequestContext) async throws -> Response {
        let council = try await jurisdiction(input, context)
        guard let parsed = CaseReference(reference.uppercased()), let found = try await cases.find(reference: parsed, councilID: council.id) else {
            throw Failure(.notFound, "No request \(reference) here")
        }
        let catalogue = try await services.all(councilID: council.id)
        return try format.list(try await documents([found], council: council, catalogue: catalogue), root: "service_requests", item: "request")
    }

    func token(_ format: Open311Format, token: String, _ input: Open311Input, _ context: ResidentRequestContext) async throws -> Response {
        let council = try await jurisdiction(input, context)
        guard let caseID = try await intake.caseID(token: token, councilID: council.id),
              let found = try await cases.find(id: caseID, councilID: council.id) else {
            throw Failure(.notFound, "No request was made with token \(token)")
        }
        return try format.list([Open311Documents.Token(serviceRequestID: found.reference.description, token: token)], root: "service_requests",
                               item: "request")
    }

    func documents(_ found: [Case], council: Council, catalogue: [CouncilService]) async throws -> [Open311Documents.ServiceRequest] {
        let notes = try await queries.latestPublicText(caseIDs: found.map(\.id))
        let teams = try await queries.teamNames(councilID: council.id)
        let byID = Dictionary(uniqueKeysWithValues: catalogue.map { ($0.id, $0) })
        return found.map { item in
            let service = byID[item.serviceID]
            let expected: Date = switch item.resolveBy {
            case .date(let day): day.adding(days: 1).start(in: .london).addingTimeInterval(-1)
            case .instant(let instant): instant
            }
            return Open311Documents.ServiceRequest(
                serviceRequestID: item.reference.description, status: Open311Status.of(item.status), statusNotes: notes[item.id],
                serviceName: service?.name ?? "", serviceCode: service?.code.value ?? "", description: nil,
                agencyResponsible: item.teamID.flatMap { teams[$0] }, serviceNotice: service?.standard.statement,
                requestedDatetime: Open311Time.write(item.receivedAt), updatedDatetime: Open311Time.write(item.updatedAt),
                expectedDatetime: Open311Status.of(item.status) == "open" ? Open311Time.write(expected) : nil,
                address: item.address.map { $0.lines.joined(separator: ", ") }, addressID: item.address?.uprn?.value,
                zipcode: item.address?.postcode.description, lat: item.latitude, long: item.longitude, mediaURL: nil)
        }
    }

    func updates(_ format: Open311Format, _ input: Open311Input, _ context: ResidentRequestContext) async throws -> Response {
        let council = try await jurisdiction(input, context)
        let now = Date()
        let to = input["end_date"].isEmpty ? now : try Open311Time.read(input["end_date"]).orThrow(Failure(.badRequest, "end_date must be a W3C date and time"))
        let from = input["start_date"].isEmpty ? to.addingTimeInterval(-Self.window)
            : try Open311Time.read(input["start_date"]).orThrow(Failure(.badRequest, "start_date must be a W3C date and time"))
        guard from <= to, to.timeIntervalSince(from) <= Self.window else {
            throw Failure(.badRequest, "start_date must be before end_date, and at most 90 days before it")
        }
        let found = try await queries.updates(councilID: council.id, from: from, to: to, limit: Self.pageLimit)
        let items = found.map { update in
            Open311Documents.RequestUpdate(updateID: update.event.id.uuidString.lowercased(), serviceRequestID: update.reference.description,
                                           status: Open311Status.of(update.status), updatedDatetime: Open311Time.write(update.event.occurredAt),
                                           description: update.event.text, mediaURL: nil)
        }
        return try format.list(items, root: "service_request_updates", item: "request_update")
    }

    // MARK: Writing

    func createRequest(_ format: Open311Format, _ input: Open311Input, _ context: ResidentRequestContext) async throws -> Response {
        let council = try await jurisdiction(input, context)
        let holder = try await keyHolder(input, council)
        guard !input["service_code"].isEmpty else { throw Failure(.badRequest, "service_code is required") }
        let (service, form) = try await offeredService(input["service_code"], council)
        var known: GazetteerAddress?
        if !input["address_id"].isEmpty {
            guard let uprn = UPRN(input["address_id"]), let found = try await gazetteer.address(uprn: uprn, councilID: council.id) else {
                throw Failure(.badRequest, "address_id must be the UPRN of an address in the council's area")
            }
            known = found
        }
        let request = Open311Attributes.placed(latitude: input["lat"], longitude: input["long"], addressString: input["address_string"],
                                               known: known, description: input["description"], attributes: input.attributes)
        if Open311Attributes.lacksLocation(request, form: form) {
            throw Failure(.badRequest, "Give the location: lat and long, address_string or address_id")
        }
        let submission: FormSubmission
        switch Open311Attributes.submission(request, form: form) {
        case .success(let built): submission = built
        case .failure(let problems): throw Failure(.badRequest, all: problems.all.map(\.message))
        }
        let requester = Open311Intake.Requester(email: input["email"], firstName: input["first_name"], lastName: input["last_name"], phone: input["phone"])
        switch try await intake.submit(submission, form: form, service: service, council: council, requester: requester,
                                       description: input["description"], mediaURL: input["media_url"], source: holder.label) {
        case .refused(let problems):
            throw Failure(.badRequest, all: problems.map(\.message))
        case .opened(let opened, let token):
            let created = Open311Documents.Created(serviceRequestID: opened.reference.description, token: token,
                                                   serviceNotice: service.standard.statement,
                                                   accountID: input["account_id"].isEmpty ? nil : input["account_id"])
            return try format.list([created], root: "service_requests", item: "request", status: .created)
        }
    }

    func createUpdate(_ format: Open311Format, _ input: Open311Input, _ context: ResidentRequestContext) async throws -> Response {
        let council = try await jurisdiction(input, context)
        let holder = try await keyHolder(input, council)
        var problems: [String] = []
        if input["service_request_id"].isEmpty { problems.append("service_request_id is required") }
        if input["description"].isEmpty { problems.append("description is required") }
        if input["description"].count > 5_000 { problems.append("description must be 5,000 characters or fewer") }
        let status = input["status"].lowercased()
        if !["", "open", "closed"].contains(status) { problems.append("status must be OPEN or CLOSED") }
        guard problems.isEmpty else { throw Failure(.badRequest, all: problems) }
        guard let reference = CaseReference(input["service_request_id"].uppercased()),
              let item = try await cases.find(reference: reference, councilID: council.id) else {
            throw Failure(.notFound, "No request \(input["service_request_id"]) here")
        }
        let name = [input["first_name"], input["last_name"]].filter { !$0.isEmpty }.joined(separator: " ")
        let actor = CaseRepository.Actor(id: nil, name: (name.isEmpty ? "" : name + ", ") + "by " + holder.label)
        var text = input["description"]
        if !input["media_url"].isEmpty { text += "\n\nPhoto: " + input["media_url"] }
        let now = Date()
        // CLOSED on an open case resolves it; OPEN on a resolved or closed one reopens it (within
        // the council's window); anything else is a note on the public timeline.
        let action: CaseAction? = status == "closed" && Open311Status.of(item.status) == "open" ? .resolve
            : status == "open" && [.resolved, .closed].contains(item.status) ? .reopen : nil
        if let action {
            switch try await progress.apply(action, to: item, council: council, seenVersion: item.version, by: actor, message: text, at: now) {
            case .saved(let saved):
                let event = try await cases.events(caseID: saved.id, includingInternal: false).last
                return try format.list([Open311Documents.UpdateCreated(updateID: event?.id.uuidString.lowercased() ?? "")],
                                       root: "service_request_updates", item: "request_update")
            case .refused(let why): throw Failure(.badRequest, why)
            case .changedSince: throw Failure(.conflict, "The request changed while this update was made; send it again")
            }
        }
        let event = try await cases.addNote(to: item, text: text, visibility: .public, by: actor, at: now)
        return try format.list([Open311Documents.UpdateCreated(updateID: event.id.uuidString.lowercased())],
                               root: "service_request_updates", item: "request_update")
    }

    // MARK: Jurisdiction, keys and bodies

    /// The council `jurisdiction_id` names, else the one the request is already for.
    func jurisdiction(_ input: Open311Input, _ context: ResidentRequestContext) async throws -> Council {
        let named = input["jurisdiction_id"]
        if !named.isEmpty {
            guard let slug = try? CouncilSlug(named.lowercased()), let council = try await councils.find(slug: slug) else {
                throw Failure(.notFound, "jurisdiction_id \(named) is not a council here")
            }
            if let chosen = context.council, chosen.id != council.id { throw Failure(.notFound, "jurisdiction_id \(named) is not a council here") }
            return council
        }
        if let council = context.council { return council }
        let slugs = try await councils.all().map(\.slug.value).joined(separator: ", ")
        throw Failure(.badRequest, "jurisdiction_id is required: one of \(slugs)")
    }

    func keyHolder(_ input: Open311Input, _ council: Council) async throws -> ApiKeyRepository.Holder {
        guard let holder = try await keys.holder(of: input["api_key"]), holder.councilID == council.id, holder.scopes.contains(.open311) else {
            throw Failure(.forbidden, "api_key is missing, or is not a key for posting Open311 requests to this jurisdiction")
        }
        return holder
    }

    static func readBody(_ request: Request) async throws -> Open311Input {
        let type = (request.headers[.contentType] ?? "").lowercased()
        do {
            if type.hasPrefix("multipart/form-data") {
                return Open311Input(try await MultipartForm.read(from: request, limit: bodyLimit).fields.allValues)
            }
            if type.isEmpty || type.hasPrefix("application/x-www-form-urlencoded") {
                return Open311Input(try await FormInput.read(from: request, limit: bodyLimit).allValues)
            }
        } catch is MultipartForm.Malformed, is FormInput.Malformed {
            throw Failure(.badRequest, "The form data could not be read")
        } catch is NIOTooManyBytesError {
            throw Failure(.contentTooLarge, "A request must be \(bodyLimit / 1024) KB or smaller")
        }
        throw Failure(.unsupportedMediaType, "Send the parameters as application/x-www-form-urlencoded (or multipart/form-data)")
    }
}

extension Optional {
    func orThrow(_ error: some Error) throws -> Wrapped {
        guard let self else { throw error }
        return self
    }
}
