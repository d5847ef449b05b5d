import SQLKit

/// The customer search's index on (council, term) gains the customer: walking a term's range
/// then reads the index alone (PostgreSQL's index-only scan, SQLite's covering index), never
/// the table. It replaces the index it extends.
struct CoverCustomerSearchTerms: Migration {
    let name = "0026-cover-customer-search-terms"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        try await db.create(index: "customer_search_terms_covering").on("customer_search_terms")
            .column("council_id").column("term").column("customer_id").run()
        try await db.drop(index: "customer_search_terms_lookup").run()
    }
}
