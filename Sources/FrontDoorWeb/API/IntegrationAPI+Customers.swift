import Foundation
import FrontDoorAPI
import FrontDoorDomain
import FrontDoorPersistence

/// Customer records: read in change order (merges included, so a copy can follow them), one
/// by id, and recorded by another system (never twice for one email address).
extension IntegrationAPI {
    func listCustomers(_ input: Operations.ListCustomers.Input) async throws -> Operations.ListCustomers.Output {
        try await answer(.customersRead) { holder in
            let councilID = holder.councilID
            let limit = try Self.limit(input.query.limit)
            let email = input.query.email.map { $0.trimmingCharacters(in: .whitespaces) }
            let found = try await changes.customers(councilID: councilID, since: input.query.updatedSince, email: email,
                                                    after: try Self.position(input.query.cursor), limit: limit + 1)
            let next = Self.nextCursor(found, limit: limit) { ($0.updatedAt, $0.customer.id) }
            return .ok(.init(body: .json(.init(items: found.prefix(limit).map(Self.document), nextCursor: next))))
        }
    }

    func getCustomer(_ input: Operations.GetCustomer.Input) async throws -> Operations.GetCustomer.Output {
        try await answer(.customersRead) { holder in
            let councilID = holder.councilID
            guard let id = Self.id(input.path.id), let found = try await changes.customer(id: id, councilID: councilID) else {
                throw Refusal.notFound("customer " + input.path.id)
            }
            let document = Self.document(found)
            let tag = Self.etag(document)
            if ETagMatch.matches(input.headers.ifNoneMatch, tag) { return .notModified }
            return .ok(.init(headers: .init(eTag: tag), body: .json(document)))
        }
    }

    func createCustomer(_ input: Operations.CreateCustomer.Input) async throws -> Operations.CreateCustomer.Output {
        try await answer(.customersWrite) { holder in
            let councilID = holder.councilID
            guard case .json(let body) = input.body else { throw Refusal.badRequest("body", "Send the customer as application/json") }
            let customer = try Self.newCustomer(body, councilID: councilID, at: Date())
            func refuseIfTaken() async throws {
                if let email = customer.email, let existing = try await customers.find(email: email, councilID: councilID) {
                    throw Refusal.conflict("email", "A customer record has this email address already: \(existing.id.uuidString.lowercased())")
                }
            }
            try await refuseIfTaken()
            do {
                try await database.transaction { db in try await customers.create(customer, passwordHash: nil, on: db) }
            } catch {
                // Two requests for one new address at once: the database's unique index lets one
                // in, and the other learns of the record it made.
                try await refuseIfTaken()
                throw error
            }
            guard let made = try await changes.customer(id: customer.id, councilID: councilID) else { throw Refusal.notFound("customer") }
            let document = Self.document(made)
            return .created(.init(headers: .init(eTag: Self.etag(document)), body: .json(document)))
        }
    }

    /// The record a request describes, or every problem with it at once.
    static func newCustomer(_ body: Components.Schemas.NewCustomer, councilID: UUID, at now: Date) throws(Refusal) -> Customer {
        var problems: [FieldProblem] = []
        func trimmed(_ text: String?) -> String { (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        func limit(_ text: String, _ field: String, _ most: Int) {
            if text.count > most { problems.append(.init(field: field, message: "\(field) must be \(most) characters or fewer")) }
        }
        let name = trimmed(body.name)
        if name.isEmpty { problems.append(.init(field: "name", message: "Enter the customer's name")) }
        limit(name, "name", 200)
        let email = trimmed(body.email).lowercased()
        if !email.isEmpty, !EmailAddressRule.isPlausible(email) || email.count > 254 {
            problems.append(.init(field: "email", message: "email must be an email address, like name@example.com"))
        }
        let phone = trimmed(body.phone)
        limit(phone, "phone", 40)
        let language = trimmed(body.language)
        limit(language, "language", 50)
        var address: PostalAddress?
        if let given = body.address {
            let line1 = trimmed(given.line1), line2 = trimmed(given.line2), town = trimmed(given.town)
            if line1.isEmpty { problems.append(.init(field: "address.line1", message: "Enter the first line of the address")) }
            if town.isEmpty { problems.append(.init(field: "address.town", message: "Enter the town or city")) }
            limit(line1, "address.line1", 200)
            limit(line2, "address.line2", 200)
            limit(town, "address.town", 100)
            let postcode = Postcode(given.postcode)
            if postcode == nil { problems.append(.init(field: "address.postcode", message: "address.postcode must be a UK postcode, like SW1A 1AA")) }
            var uprn: UPRN?
            if let typed = given.uprn {
                uprn = UPRN(typed)
                if uprn == nil { problems.append(.init(field: "address.uprn", message: "address.uprn must be a UPRN: up to 12 digits")) }
            }
            if let postcode { address = PostalAddress(line1: line1, line2: line2, town: town, postcode: postcode, uprn: uprn) }
        }
        guard problems.isEmpty else { throw .problems(problems) }
        // They are reached the way the record allows, unless the request says otherwise.
        let channel = body.preferredChannel.flatMap { ContactChannel(rawValue: $0.rawValue) }
            ?? (!email.isEmpty ? .email : !phone.isEmpty ? .phone : address != nil ? .letter : .email)
        return Customer(councilID: councilID, name: name, email: email.isEmpty ? nil : email, phone: phone, address: address,
                        preferredChannel: channel, language: language.isEmpty ? "English" : language, createdAt: now)
    }

    static func document(_ change: APIChangeFeed.CustomerChange) -> Components.Schemas.Customer {
        let customer = change.customer
        return .init(id: customer.id.uuidString.lowercased(), name: customer.name, email: customer.email, phone: customer.phone,
                     address: customer.address.map { .init(line1: $0.line1, line2: $0.line2, town: $0.town, postcode: $0.postcode.value, uprn: $0.uprn?.value) },
                     preferredChannel: .init(rawValue: customer.preferredChannel.rawValue) ?? .email, language: customer.language,
                     hasAccount: customer.hasAccount, mergedIntoId: text(change.mergedInto), createdAt: customer.createdAt, updatedAt: change.updatedAt)
    }
}
