import Foundation
import FrontDoorDomain
import SQLKit

/// Searching the catalogue through each database's own full-text index. This is the one place
/// the dialects differ for search:
///
/// - SQLite: an FTS5 table (`porter unicode61`), queried with `MATCH`. Each term is quoted, so
///   nothing a resident types is read as query syntax, and asked for both whole (stemmed, so
///   "bins" finds "bin") and as a prefix (so "wheel" finds "wheelie"); ranked by `bm25` with
///   the name weighted above keywords above the description.
/// - PostgreSQL: a `tsvector` (name weight A, keywords B, description C) with a GIN index,
///   queried with `to_tsquery('english', …)` using `:*` prefixes; ranked by `ts_rank`.
///
/// Terms reach the query only as runs of letters and digits (`SearchText`), so neither dialect's
/// operators can be injected; they are bound as parameters besides.
public struct ServiceSearchIndex: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The ids of the council's services that match, best first (inactive ones included: the
    /// caller shows only what residents may use).
    public func search(_ query: SearchQuery, councilID: UUID, limit: Int = 50) async throws -> [UUID] {
        guard !query.isEmpty else { return [] }
        switch database.kind {
        case .sqlite:
            struct Hit: Decodable { var service_key: String }
            let match = query.terms.map { alternatives in
                "(" + alternatives.map { "\"\($0)\" OR \"\($0)\"*" }.joined(separator: " OR ") + ")"
            }.joined(separator: " OR ")
            return try await database.sql.raw("""
                SELECT service_key FROM service_search WHERE service_search MATCH \(bind: match) AND council_key = \(bind: councilID.uuidString)
                ORDER BY bm25(service_search, 0, 0, 10.0, 5.0, 1.0) LIMIT \(bind: limit)
                """).all(decoding: Hit.self).compactMap { UUID(uuidString: $0.service_key) }
        case .postgres:
            struct Hit: Decodable { var service_id: UUID }
            let tsquery = query.terms.map { alternatives in
                "(" + alternatives.map { "\($0):*" }.joined(separator: " | ") + ")"
            }.joined(separator: " | ")
            return try await database.sql.raw("""
                SELECT service_id FROM service_search
                WHERE document @@ to_tsquery('english', \(bind: tsquery)) AND council_id = \(bind: councilID)
                ORDER BY ts_rank(document, to_tsquery('english', \(bind: tsquery))) DESC LIMIT \(bind: limit)
                """).all(decoding: Hit.self).map(\.service_id)
        }
    }

    /// Every word the council's catalogue uses, for putting typos right.
    public func vocabulary(councilID: UUID) async throws -> Set<String> {
        Self.vocabulary(of: try await ServiceRepository(database: database).all(councilID: councilID))
    }

    /// The same, from services already loaded (the search page has the catalogue in hand).
    public static func vocabulary(of services: [CouncilService]) -> Set<String> {
        Set(services.filter(\.isActive).flatMap { SearchText.words($0.name + " " + $0.keywords.joined(separator: " ") + " " + $0.description) })
    }

    /// Puts one service's entry in the index (after it is created or changed), on `db`.
    static func index(_ service: CouncilService, on db: any SQLDatabase, kind: DatabaseKind) async throws {
        let keywords = service.keywords.joined(separator: " ")
        switch kind {
        case .sqlite:
            try await db.raw("DELETE FROM service_search WHERE service_key = \(bind: service.id.uuidString)").run()
            try await db.raw("""
                INSERT INTO service_search (service_key, council_key, name, keywords, description)
                VALUES (\(bind: service.id.uuidString), \(bind: service.councilID.uuidString), \(bind: service.name), \(bind: keywords), \(bind: service.description))
                """).run()
        case .postgres:
            try await db.raw("""
                INSERT INTO service_search (service_id, council_id, document) VALUES (\(bind: service.id), \(bind: service.councilID),
                    setweight(to_tsvector('english', \(bind: service.name)), 'A') || setweight(to_tsvector('english', \(bind: keywords)), 'B')
                    || setweight(to_tsvector('english', \(bind: service.description)), 'C'))
                ON CONFLICT (service_id) DO UPDATE SET document = excluded.document
                """).run()
        }
    }

    /// Indexes every saved service (the migration that creates the index fills it so).
    static func rebuild(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        let rows = try await db.select().column("*").from("services").all(decoding: ServiceRepository.Row.self)
        for row in rows { try await index(try row.toService(), on: db, kind: kind) }
    }
}
