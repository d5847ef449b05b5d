import Foundation
import FrontDoorDomain
import SQLKit

/// The council's public disclosure log: answered FOI and EIR requests published, as the officer
/// redacted them, so that what one person asked for everyone can read. A subject access
/// request is a person's own data and is never published.
public struct DisclosureLogRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public struct Entry: Sendable, Equatable {
        public var reference: CaseReference
        public var kind: InformationRequestKind
        public var receivedOn: LocalDate
        public var answeredOn: LocalDate
        public var request: String
        public var response: String
        /// The exemptions or exceptions information was withheld under, each once.
        public var exemptions: [Exemption]
        public var publishedAt: Date
    }

    /// Publishes the redacted request and response (replacing any earlier publication).
    public func publish(caseID: UUID, request: String, response: String, at now: Date) async throws {
        try await database.sql.update("information_requests")
            .set("disclosure_request", to: SQLBind(request)).set("disclosure_response", to: SQLBind(response))
            .set("disclosure_published_at", to: SQLBind(now))
            .where("case_id", .equal, caseID).where("kind", .notEqual, InformationRequestKind.subjectAccess.rawValue).run()
    }

    /// Takes it off the log; the redacted text is kept for publishing again.
    public func unpublish(caseID: UUID) async throws {
        try await database.sql.update("information_requests").set("disclosure_published_at", to: SQLLiteral.null)
            .where("case_id", .equal, caseID).run()
    }

    /// The council's published entries, newest answered first.
    public func published(councilID: UUID, limit: Int = 200) async throws -> [Entry] {
        struct Row: Decodable {
            var case_id: UUID; var reference: String; var kind: String; var received_on: String; var answered_on: String?
            var disclosure_request: String?; var disclosure_response: String?; var disclosure_published_at: Date
        }
        let rows = try await database.sql.raw("""
            SELECT information_requests.case_id, cases.reference, kind, received_on, answered_on, disclosure_request, disclosure_response,
                   disclosure_published_at
            FROM information_requests JOIN cases ON cases.id = information_requests.case_id
            WHERE information_requests.council_id = \(bind: councilID) AND disclosure_published_at IS NOT NULL
              AND kind <> \(bind: InformationRequestKind.subjectAccess.rawValue) AND answered_on IS NOT NULL
            ORDER BY answered_on DESC, disclosure_published_at DESC
            LIMIT \(bind: limit)
            """).all(decoding: Row.self)
        struct Withheld: Decodable { var case_id: UUID; var exemption: String }
        var exemptions: [UUID: [Exemption]] = [:]
        if !rows.isEmpty {
            let withheld = try await database.sql.select().columns("case_id", "exemption").from("withheld_items")
                .where("case_id", .in, rows.map(\.case_id)).orderBy("exemption").all(decoding: Withheld.self)
            for item in withheld {
                guard let exemption = Exemption.find(item.exemption), exemptions[item.case_id]?.contains(exemption) != true else { continue }
                exemptions[item.case_id, default: []].append(exemption)
            }
        }
        return rows.compactMap { row in
            guard let reference = CaseReference(row.reference), let kind = InformationRequestKind(rawValue: row.kind),
                  let received = LocalDate(row.received_on), let answered = row.answered_on.flatMap(LocalDate.init) else { return nil }
            return Entry(reference: reference, kind: kind, receivedOn: received, answeredOn: answered, request: row.disclosure_request ?? "",
                         response: row.disclosure_response ?? "", exemptions: exemptions[row.case_id] ?? [], publishedAt: row.disclosure_published_at)
        }
    }
}
