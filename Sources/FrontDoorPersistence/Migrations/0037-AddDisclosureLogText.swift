import SQLKit

/// What the public disclosure log shows of an answered FOI or EIR request: the request and the
/// response as the officer redacted them (names, addresses and other personal data removed),
/// kept apart from the response the requester was sent, which stays as it was.
struct AddDisclosureLogText: Migration {
    let name = "0037-add-disclosure-log-text"

    func prepare(on db: any SQLDatabase, kind: DatabaseKind) async throws {
        // One column per statement: SQLite adds one column at a time.
        try await db.alter(table: "information_requests").column("disclosure_request", type: .text).run()
        try await db.alter(table: "information_requests").column("disclosure_response", type: .text).run()
        try await db.create(index: "information_requests_council_published").on("information_requests")
            .column("council_id").column("disclosure_published_at").run()
    }
}
