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
        let ids = database.kind == .postgres
            ? try await joined(parts, councilID: councilID, limit: limit)
            : try await walked(parts, councilID: councilID, limit: limit)
        return try await CustomerRepository.rows(ids: ids, councilID: councilID, on: database.sql)
            .sorted { ($0.name, $0.id.uuidString) < ($1.name, $1.id.uuidString) }
    }

    // The two databases take different routes to the same answer (measured in docs/performance.md,
    // a million customers each); this is the one place the search differs between them.

    /// SQLite: the longest part (likely the rarest) walks its range of the covering index; each
    /// other part is one seek on the primary key (customer, term) for each customer walked,
    /// stopping at the limit, so a common first name costs no more than a rare one.
    func walked(_ parts: [String], councilID: UUID, limit: Int) async throws -> [UUID] {
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
        return try await database.sql.raw("""
            SELECT DISTINCT walked.customer_id FROM customer_search_terms walked
            WHERE walked.council_id = \(bind: councilID) AND walked.term >= \(bind: ordered[0]) AND walked.term < \(bind: ordered[0] + "\u{FFFF}")
            \(SQLList(others, separator: SQLRaw(" "))) LIMIT \(bind: limit)
            """).all(decoding: Match.self).map(\.customer_id)
    }

    /// PostgreSQL: every part's range as an index-only scan, joined on the customer, the
    /// planner choosing the order (it knows from its statistics which range is smaller, where a
    /// street word is long and common). No DISTINCT, which would read every match before the
    /// first: a customer matching one part twice is dropped here instead.
    func joined(_ parts: [String], councilID: UUID, limit: Int) async throws -> [UUID] {
        var joins: [any SQLExpression] = []
        for (index, part) in parts.dropFirst().enumerated() {
            let alias = "part\(index + 1)"
            joins.append(SQLQueryString("""
                JOIN customer_search_terms \(unsafeRaw: alias) ON \(unsafeRaw: alias).customer_id = part0.customer_id
                AND \(unsafeRaw: alias).council_id = \(bind: councilID)
                AND \(unsafeRaw: alias).term >= \(bind: part) AND \(unsafeRaw: alias).term < \(bind: part + "\u{FFFF}")
                """))
        }
        struct Match: Decodable { var customer_id: UUID }
        let rows = try await database.sql.raw("""
            SELECT part0.customer_id FROM customer_search_terms part0 \(SQLList(joins, separator: SQLRaw(" ")))
            WHERE part0.council_id = \(bind: councilID) AND part0.term >= \(bind: parts[0]) AND part0.term < \(bind: parts[0] + "\u{FFFF}")
            LIMIT \(bind: limit * 4)
            """).all(decoding: Match.self).map(\.customer_id)
        var seen = Set<UUID>()
        return Array(rows.filter { seen.insert($0).inserted }.prefix(limit))
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
