import Foundation
import FrontDoorAPI
import FrontDoorDomain
import FrontDoorPersistence

/// Cases: read in change order, one by reference, and opened as if the service's form had been sent.
extension IntegrationAPI {
    func listCases(_ input: Operations.ListCases.Input) async throws -> Operations.ListCases.Output {
        try await answer(.casesRead) { holder in
            let councilID = holder.councilID
            let limit = try Self.limit(input.query.limit)
            let status = input.query.status.flatMap { CaseStatus(rawValue: $0.rawValue) }
            let found = try await changes.cases(councilID: councilID, since: input.query.updatedSince, status: status,
                                                after: try Self.position(input.query.cursor), limit: limit + 1)
            let next = Self.nextCursor(found, limit: limit) { ($0.updatedAt, $0.id) }
            return .ok(.init(body: .json(.init(items: found.prefix(limit).map(Self.document), nextCursor: next))))
        }
    }

    func getCase(_ input: Operations.GetCase.Input) async throws -> Operations.GetCase.Output {
        try await answer(.casesRead) { holder in
            let councilID = holder.councilID
            let item = try await findCase(input.path.reference, councilID: councilID)
            // A case's version goes up with every change: it is the ETag.
            let tag = "\"\(item.id.uuidString.lowercased())-\(item.version)\""
            if ETagMatch.matches(input.headers.ifNoneMatch, tag) { return .notModified }
            return .ok(.init(headers: .init(eTag: tag), body: .json(Self.document(item))))
        }
    }

    func findCase(_ reference: String, councilID: UUID) async throws -> Case {
        guard let parsed = CaseReference(reference.uppercased()), let item = try await cases.find(reference: parsed, councilID: councilID) else {
            throw Refusal.notFound("case " + reference)
        }
        return item
    }

    func createCase(_ input: Operations.CreateCase.Input) async throws -> Operations.CreateCase.Output {
        try await answer(.casesWrite) { holder in
            let councilID = holder.councilID
            guard case .json(let body) = input.body else { throw Refusal.badRequest("body", "Send the case as application/json") }
            guard let council = try await councils.find(id: councilID) else { throw Refusal.unauthorized }
            guard let code = ServiceCode(body.serviceCode), let service = try await services.find(code: code, councilID: councilID), service.isActive,
                  let form = try await forms.latest(of: service.id) else {
                throw Refusal.badRequest("service_code", "service_code \(body.serviceCode) is not a service that takes requests here; GET /services lists them")
            }
            var problems: [FieldProblem] = []
            if let latitude = body.latitude, !(-90...90).contains(latitude) { problems.append(.init(field: "latitude", message: "latitude must be from -90 to 90")) }
            if let longitude = body.longitude, !(-180...180).contains(longitude) { problems.append(.init(field: "longitude", message: "longitude must be from -180 to 180")) }
            if (body.latitude == nil) != (body.longitude == nil) { problems.append(.init(field: "latitude", message: "Give latitude and longitude together")) }
            if (body.addressString ?? "").count > 500 { problems.append(.init(field: "address_string", message: "address_string must be 500 characters or fewer")) }
            let requester = body.requester
            let email = (requester?.email ?? "").trimmingCharacters(in: .whitespaces)
            if !email.isEmpty, !EmailAddressRule.isPlausible(email) { problems.append(.init(field: "requester.email", message: "requester.email must be an email address")) }
            if (requester?.name ?? "").count > 200 { problems.append(.init(field: "requester.name", message: "requester.name must be 200 characters or fewer")) }
            if (requester?.phone ?? "").count > 40 { problems.append(.init(field: "requester.phone", message: "requester.phone must be 40 characters or fewer")) }
            var known: GazetteerAddress?
            if let uprn = body.uprn {
                if let parsed = UPRN(uprn), let found = try await gazetteer.address(uprn: parsed, councilID: councilID) {
                    known = found
                } else {
                    problems.append(.init(field: "uprn", message: "uprn must be the UPRN of an address in the council's area"))
                }
            }
            let answers = body.answers.additionalProperties.mapValues { answer -> [String] in
                switch answer {
                case .case1(let text): [text]
                case .case2(let choices): choices
                }
            }
            let request = Open311Attributes.placed(latitude: body.latitude.map { String($0) } ?? "", longitude: body.longitude.map { String($0) } ?? "",
                                                   addressString: body.addressString ?? "", known: known, attributes: answers)
            // Every problem at once: the location, answers the form does not ask for, and the form's own rules.
            if Open311Attributes.lacksLocation(request, form: form) {
                problems.append(.init(field: "latitude", message: "Give the location: latitude and longitude, address_string or uprn"))
            }
            let submission: FormSubmission
            switch Open311Attributes.submission(request, form: form) {
            case .success(let built):
                submission = built
                let locationMissing = problems.contains { $0.field == "latitude" }
                for problem in form.check(built).problems
                where !(locationMissing && form.fields.first { $0.id == problem.fieldID }?.kind == .mapLocation) {
                    problems.append(.init(field: "answers.\(problem.fieldID)", message: "answers.\(problem.fieldID): " + problem.message))
                }
            case .failure(let refused):
                throw Refusal.problems(problems + refused.all.map(Self.answerProblem))
            }
            guard problems.isEmpty else { throw Refusal.problems(problems) }
            let who = Open311Intake.Requester(email: email, firstName: requester?.name ?? "", lastName: "", phone: requester?.phone ?? "")
            let channel = body.channel.flatMap { ServiceChannel(rawValue: $0.rawValue) } ?? .online
            switch try await intake.submit(submission, form: form, service: service, council: council, requester: who, mediaURL: "",
                                           source: holder.label, channel: channel) {
            case .refused(let refused): throw Refusal.problems(refused.map(Self.answerProblem))
            case .opened(let opened, _): return .created(.init(body: .json(Self.document(opened))))
            }
        }
    }

    /// The shared Open311 mapping names a question `attribute[id]`; this API calls it `answers.id`.
    static func answerProblem(_ problem: FieldProblem) -> FieldProblem {
        func renamed(_ text: String) -> String {
            text.replacingOccurrences(of: #"attribute\[([^\]]*)\]"#, with: "answers.$1", options: .regularExpression)
                .replacingOccurrences(of: "lat/long", with: "latitude")
        }
        return FieldProblem(field: renamed(problem.field), message: renamed(problem.message))
    }

    static func document(_ item: Case) -> Components.Schemas.Case {
        let resolveBy: String = switch item.resolveBy {
        case .date(let day): day.description
        case .instant(let instant): ISO8601DateFormatter().string(from: instant)
        }
        return .init(id: item.id.uuidString.lowercased(), reference: item.reference.description, serviceId: item.serviceID.uuidString.lowercased(),
                     customerId: text(item.customerID), status: .init(rawValue: item.status.rawValue) ?? .submitted,
                     channel: item.channel.rawValue, priority: .init(rawValue: item.priority.rawValue) ?? .normal,
                     teamId: text(item.teamID), ward: item.ward, latitude: item.latitude, longitude: item.longitude,
                     receivedAt: item.receivedAt, updatedAt: item.updatedAt, resolveBy: resolveBy, resolvedAt: item.resolvedAt,
                     standardState: .init(rawValue: item.standardState.rawValue) ?? .onTrack, version: item.version)
    }
}
