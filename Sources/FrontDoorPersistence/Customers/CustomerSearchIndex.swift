import Foundation
import FrontDoorDomain
import SQLKit

/// Finding customers from the advisor's one box. Each part of the search must be the start of
/// one of the customer's terms, so only customers matching every part come back. A case
/// reference finds the case's customer.
public struct CustomerSearchIndex: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func search(_ typed: String, councilID: UUID, limit: Int = 25) async throws -> [Customer] {
        if let reference = CaseReference(typed.trimmingCharacters(in: .whitespaces).uppercased()) {
            guard let item = try await CaseRepository(database: database).find(reference: reference, councilID: councilID),
                  let customerID = item.customerID else { return [] }
            return try await CustomerRepository.rows(ids: [customerID], councilID: councilID, on: database.sql)
        }
        let parts = CustomerSearchTerms.query(typed)
        guard !parts.isEmpty else { return [] }
        // The longest part (likely the rarest) walks its range of the index; each other part is
        // one seek on the primary key (customer, term) for the customer found. The walk stops at
        // the limit, so a common first name costs no more than a rare one.
        let ordered = parts.sorted { $0.count > $1.count }
        var others: [any SQLExpression] = []
        for (index, part) in ordered.dropFirst().enumerated() {
            let alias = "also\(index)"
            others.append(SQLQueryString("""
                AND EXISTS (SELECT 1 FROM customer_search_terms \(unsafeRaw: alias) WHERE \(unsafeRaw: alias).customer_id = walked.customer_id
                AND \(unsafeRaw: alias).term >= \(bind: part) AND \(unsafeRaw: alias).term < \(bind: part + "\u{FFFF}"))
                """))
        }
        struct Match: Decodable { var customer_id: UUID }
        let ids = try await database.sql.raw("""
            SELECT DISTINCT walked.customer_id FROM customer_search_terms walked
            WHERE walked.council_id = \(bind: councilID) AND walked.term >= \(bind: ordered[0]) AND walked.term < \(bind: ordered[0] + "\u{FFFF}")
            \(SQLList(others, separator: SQLRaw(" "))) LIMIT \(bind: limit)
            """).all(decoding: Match.self).map(\.customer_id)
        return try await CustomerRepository.rows(ids: ids, councilID: councilID, on: database.sql)
            .sorted { ($0.name, $0.id.uuidString) < ($1.name, $1.id.uuidString) }
    }

    /// Puts one customer's terms in the index (after they are created or changed), on `db`.
    static func index(_ customer: Customer, on db: any SQLDatabase) async throws {
        try await db.delete(from: "customer_search_terms").where("customer_id", .equal, customer.id).run()
        let terms = CustomerSearchTerms.terms(for: customer).sorted()
        guard !terms.isEmpty else { return }
        var insert = db.insert(into: "customer_search_terms").columns("customer_id", "council_id", "term")
        for term in terms { insert = insert.values(SQLBind(customer.id), SQLBind(customer.councilID), SQLBind(term)) }
        try await insert.run()
    }

    static func rebuild(on db: any SQLDatabase) async throws {
        let customers = try await db.select().column("*").from("customers").all(decoding: CustomerRow.self)
        for row in customers { try await index(try row.toCustomer(), on: db) }
    }
}
