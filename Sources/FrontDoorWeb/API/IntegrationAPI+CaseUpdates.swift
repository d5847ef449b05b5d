import Foundation
import FrontDoorAPI
import FrontDoorDomain
import FrontDoorPersistence

/// A case's timeline: read whole (internal notes marked so; the key belongs to the council's
/// own systems), and written to by a back-office system, which may move the case on as an
/// officer would.
extension IntegrationAPI {
    func listCaseUpdates(_ input: Operations.ListCaseUpdates.Input) async throws -> Operations.ListCaseUpdates.Output {
        try await answer(.casesRead) { holder in
            let councilID = holder.councilID
            let item = try await findCase(input.path.reference, councilID: councilID)
            let events = try await cases.events(caseID: item.id, includingInternal: true)
            return .ok(.init(body: .json(.init(items: events.map(Self.document)))))
        }
    }

    func addCaseUpdate(_ input: Operations.AddCaseUpdate.Input) async throws -> Operations.AddCaseUpdate.Output {
        try await answer(.casesWrite) { holder in
            let councilID = holder.councilID
            guard case .json(let body) = input.body else { throw Refusal.badRequest("body", "Send the update as application/json") }
            let text = body.text.trimmingCharacters(in: .whitespacesAndNewlines)
            let visibility: CaseEvent.Visibility = body.visibility == ._internal ? .internal : .public
            var problems: [FieldProblem] = []
            if text.isEmpty { problems.append(.init(field: "text", message: "Enter the update's text")) }
            if text.count > 5_000 { problems.append(.init(field: "text", message: "text must be 5,000 characters or fewer")) }
            if (body.by ?? "").count > 200 { problems.append(.init(field: "by", message: "by must be 200 characters or fewer")) }
            if body.action != nil, visibility == .internal {
                problems.append(.init(field: "visibility", message: "An update that moves the case is on the resident's timeline: leave visibility out, or public"))
            }
            guard problems.isEmpty else { throw Refusal.problems(problems) }
            let item = try await findCase(input.path.reference, councilID: councilID)
            if let version = body.version, version != item.version {
                throw Refusal.conflict("version", "The case has changed since version \(version) (it is at version \(item.version)); read it again")
            }
            let by = (body.by ?? "").trimmingCharacters(in: .whitespaces)
            let actor = CaseRepository.Actor(id: nil, name: Self.attributed(by, to: holder))
            let now = Date()
            guard let action = body.action.flatMap({ CaseAction(rawValue: $0.rawValue) }) else {
                let event = try await cases.addNote(to: item, text: text, visibility: visibility, by: actor, at: now)
                return .created(.init(body: .json(Self.document(event))))
            }
            guard let council = try await councils.find(id: councilID) else { throw Refusal.unauthorized }
            let notice = CaseProgress.Notice(link: links.requestLink(council, item.reference))
            switch try await progress.apply(action, to: item, council: council, seenVersion: body.version ?? item.version, by: actor,
                                            message: text, notice: notice, at: now) {
            case .saved(let saved):
                let events = try await cases.events(caseID: saved.id, includingInternal: false)
                guard let event = events.last(where: { $0.toStatus == saved.status }) ?? events.last else {
                    throw Refusal.notFound("update on case " + item.reference.description)
                }
                return .created(.init(body: .json(Self.document(event))))
            case .refused(let why):
                throw Refusal.badRequest("action", why)
            case .changedSince(let current, _):
                throw Refusal.conflict("version", "The case changed while this update was made (it is at version \(current.version)); read it again")
            }
        }
    }

    static func document(_ event: CaseEvent) -> Components.Schemas.CaseUpdate {
        .init(id: event.id.uuidString.lowercased(), occurredAt: event.occurredAt, visibility: event.visibility == .internal ? ._internal : ._public,
              text: event.text, by: event.actorName, fromStatus: event.fromStatus.flatMap { .init(rawValue: $0.rawValue) },
              toStatus: event.toStatus.flatMap { .init(rawValue: $0.rawValue) })
    }
}
