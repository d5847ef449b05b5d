import Foundation
import FrontDoorAPI
import FrontDoorDomain
import FrontDoorPersistence

/// Contacts on every channel: read in the order they were recorded, and recorded by the
/// systems that handled them (a visit at a library, a call on another line), so the single
/// view of the customer and the channel figures include them.
extension IntegrationAPI {
    func listContacts(_ input: Operations.ListContacts.Input) async throws -> Operations.ListContacts.Output {
        try await answer(.contactsRead) { holder in
            let councilID = holder.councilID
            let limit = try Self.limit(input.query.limit)
            var customerID: UUID?
            if let given = input.query.customerId {
                guard let id = Self.id(given) else { throw Refusal.badRequest("customer_id", "customer_id must be a customer's id") }
                customerID = id
            }
            let found = try await changes.contacts(councilID: councilID, since: input.query.since, customerID: customerID,
                                                   after: try Self.position(input.query.cursor), limit: limit + 1)
            let next = Self.nextCursor(found, limit: limit) { ($0.recordedAt, $0.id) }
            return .ok(.init(body: .json(.init(items: found.prefix(limit).map(Self.document), nextCursor: next))))
        }
    }

    func getContact(_ input: Operations.GetContact.Input) async throws -> Operations.GetContact.Output {
        try await answer(.contactsRead) { holder in
            let councilID = holder.councilID
            guard let id = Self.id(input.path.id), let contact = try await contacts.find(id: id, councilID: councilID) else {
                throw Refusal.notFound("contact " + input.path.id)
            }
            return .ok(.init(body: .json(Self.document(contact))))
        }
    }

    func createContact(_ input: Operations.CreateContact.Input) async throws -> Operations.CreateContact.Output {
        try await answer(.contactsWrite) { holder in
            let councilID = holder.councilID
            guard case .json(let body) = input.body else { throw Refusal.badRequest("body", "Send the contact as application/json") }
            var problems: [FieldProblem] = []
            if let minutes = body.durationMinutes, !(0...Contact.longestMinutes).contains(minutes) {
                problems.append(.init(field: "duration_minutes", message: "duration_minutes must be from 0 to \(Contact.longestMinutes)"))
            }
            let notes = (body.notes ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if notes.count > Contact.notesLimit { problems.append(.init(field: "notes", message: "notes must be 5,000 characters or fewer")) }
            let recordedBy = (body.recordedBy ?? "").trimmingCharacters(in: .whitespaces)
            if recordedBy.count > 200 { problems.append(.init(field: "recorded_by", message: "recorded_by must be 200 characters or fewer")) }
            var customerID: UUID?
            if let given = body.customerId {
                if let id = Self.id(given), try await customers.find(id: id, councilID: councilID) != nil {
                    customerID = try await customers.mergedInto(id: id, councilID: councilID) ?? id
                } else {
                    problems.append(.init(field: "customer_id", message: "customer_id must be the id of a customer record here"))
                }
            }
            var serviceID: UUID?
            if let code = body.serviceCode {
                if let parsed = ServiceCode(code), let service = try await services.find(code: parsed, councilID: councilID) {
                    serviceID = service.id
                } else {
                    problems.append(.init(field: "service_code", message: "service_code \(code) is not a service here; GET /services lists them"))
                }
            }
            guard problems.isEmpty, let channel = Contact.Channel(rawValue: body.channel.rawValue),
                  let outcome = Contact.Outcome(rawValue: body.outcome.rawValue), let demand = Contact.Demand(rawValue: body.demand.rawValue) else {
                throw Refusal.problems(problems)
            }
            let contact = Contact(councilID: councilID, customerID: customerID, channel: channel, serviceID: serviceID, outcome: outcome,
                                  demand: demand, durationMinutes: body.durationMinutes, notes: notes, staffID: nil,
                                  staffName: Self.attributed(recordedBy, to: holder), recordedAt: Date())
            try await contacts.record(contact)
            return .created(.init(body: .json(Self.document(contact))))
        }
    }

    static func document(_ contact: Contact) -> Components.Schemas.Contact {
        .init(id: contact.id.uuidString.lowercased(), customerId: text(contact.customerID), channel: .init(rawValue: contact.channel.rawValue) ?? .phone,
              serviceId: text(contact.serviceID), outcome: .init(rawValue: contact.outcome.rawValue) ?? .resolvedFirstTime,
              demand: .init(rawValue: contact.demand.rawValue) ?? .value, durationMinutes: contact.durationMinutes, notes: contact.notes,
              recordedBy: contact.staffName, recordedAt: contact.recordedAt)
    }
}
