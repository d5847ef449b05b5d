import SQLKit

/// The full-text index over the catalogue: each service's name, keywords and description. The
/// two databases differ here (see `ServiceSearchIndex` for how each is queried): SQLite keeps an
/// FTS5 table with the Porter stemmer (its ids as text: FTS5 columns hold no typed values); PostgreSQL keeps a weighted `tsvector` with a GIN index,
/// using the English text-search configuration. Filled from the services already saved.
struct CreateServiceSearch: Migration {
    let name = "0015-create-service-search"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        switch kind {
        case .sqlite:
            try await db.raw("""
                CREATE VIRTUAL TABLE service_search USING fts5(
                    service_key UNINDEXED, council_key UNINDEXED, name, keywords, description, tokenize = 'porter unicode61')
                """).run()
        case .postgres:
            try await db.raw("""
                CREATE TABLE service_search (
                    service_id UUID PRIMARY KEY REFERENCES services (id) ON DELETE CASCADE,
                    council_id UUID NOT NULL,
                    document TSVECTOR NOT NULL)
                """).run()
            try await db.raw("CREATE INDEX service_search_document ON service_search USING GIN (document)").run()
            try await db.raw("CREATE INDEX service_search_council ON service_search (council_id)").run()
        }
        try await ServiceSearchIndex.rebuild(on: db, kind: kind)
    }
}
