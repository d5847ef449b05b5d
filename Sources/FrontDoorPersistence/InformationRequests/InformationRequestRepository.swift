import Foundation
import FrontDoorDomain
import SQLKit

/// Information requests (FOI, EIR, subject access): each a case with its legal clock, the
/// pauses the law allows (clarification, a fees notice) and what was withheld.
public struct InformationRequestRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// A request as stored: its kind, receipt, identity check, pauses and extension.
    public struct Request: Sendable, Equatable {
        public var caseID: UUID
        public var kind: InformationRequestKind
        public var receivedOn: LocalDate
        public var identityCheckNeeded: Bool
        public var identityVerifiedOn: LocalDate?
        public var clarifications: [StatutoryRequestClock.Clarification]
        public var feesNotices: [StatutoryRequestClock.FeesNotice]
        public var extendedUntil: LocalDate?
        public var extendedMonths: Int?
        public var extensionReason: String
        public var extensionToldOn: LocalDate?
        public var answeredOn: LocalDate?
        public var responseText: String
        /// On the public disclosure log since then, as redacted; nil when not published.
        public var disclosurePublishedAt: Date?
        public var disclosureRequest: String
        public var disclosureResponse: String

        /// The FOI or EIR clock; nil for a subject access request.
        public var statutoryClock: StatutoryRequestClock? {
            guard kind != .subjectAccess else { return nil }
            let extended = extendedUntil.flatMap { until in extensionToldOn.map { StatutoryRequestClock.Extension(until: until, reason: extensionReason, toldOn: $0) } }
            return StatutoryRequestClock(kind: kind, receivedOn: receivedOn, clarifications: clarifications, feesNotices: feesNotices, extended: extended)
        }

        /// The subject access clock; nil for FOI and EIR.
        public var subjectAccessClock: SubjectAccessClock? {
            guard kind == .subjectAccess else { return nil }
            let extended = extendedMonths.flatMap { months in extensionToldOn.map { SubjectAccessClock.Extension(months: months, reason: extensionReason, toldOn: $0) } }
            return SubjectAccessClock(receivedOn: receivedOn, identityCheckNeeded: identityCheckNeeded, identityVerifiedOn: identityVerifiedOn,
                                      extended: extended, clarifications: clarifications)
        }
    }

    /// Starts the request a new case is, on `db` (the case's own transaction). A subject
    /// access request waits for the requester's identity to be checked before its clock starts.
    static func begin(caseID: UUID, councilID: UUID, kind: InformationRequestKind, receivedOn: LocalDate, on db: any SQLDatabase) async throws -> Request {
        let request = Request(caseID: caseID, kind: kind, receivedOn: receivedOn, identityCheckNeeded: kind == .subjectAccess, identityVerifiedOn: nil,
                              clarifications: [], feesNotices: [], extendedUntil: nil, extendedMonths: nil, extensionReason: "",
                              extensionToldOn: nil, answeredOn: nil, responseText: "",
                              disclosurePublishedAt: nil, disclosureRequest: "", disclosureResponse: "")
        try await db.insert(into: "information_requests")
            .columns("case_id", "council_id", "kind", "received_on", "identity_check_needed", "extension_reason")
            .values(SQLBind(caseID), SQLBind(councilID), SQLBind(kind.rawValue), SQLBind(receivedOn.description),
                    SQLBind(request.identityCheckNeeded), SQLBind("")).run()
        return request
    }

    /// A stored request, as read back (and as the synthetic year writes them).
    struct Row: Decodable {
        var case_id: UUID
        var council_id: UUID
        var kind: String
        var received_on: String
        var identity_check_needed = false
        var identity_verified_on: String?
        var extended_until: String?
        var extended_months: Int?
        var extension_reason = ""
        var extension_told_on: String?
        var answered_on: String?
        var response_text: String?
        var disclosure_published_at: Date?
        var disclosure_request: String?
        var disclosure_response: String?
    }

    struct Pause: Decodable { var case_id: UUID; var reason: String; var from_on: String; var until_on: String?; var amount_pence: Int? }

    public func find(caseID: UUID) async throws -> Request? {
        guard let row = try await database.sql.select().column("*").from("information_requests").where("case_id", .equal, caseID)
            .first(decoding: Row.self) else { return nil }
        let pauses = try await database.sql.select().columns("case_id", "reason", "from_on", "until_on", "amount_pence").from("information_request_pauses")
            .where("case_id", .equal, caseID).orderBy("from_on").all(decoding: Pause.self)
        return Self.request(row, pauses: pauses)
    }

    /// The council's FOI and EIR requests received on or before `last`, for the figures.
    public func statutoryRequests(councilID: UUID, receivedOnOrBefore last: LocalDate) async throws -> [Request] {
        let rows = try await database.sql.select().column("*").from("information_requests").where("council_id", .equal, councilID)
            .where("kind", .notEqual, InformationRequestKind.subjectAccess.rawValue)
            .where("received_on", .lessThanOrEqual, last.description).all(decoding: Row.self)
        let pauses = try await database.sql.select().column(SQLColumn("case_id", table: "information_request_pauses")).columns("reason", "from_on", "until_on", "amount_pence")
            .from("information_request_pauses")
            .join("information_requests", on: SQLColumn("case_id", table: "information_requests"), .equal, SQLColumn("case_id", table: "information_request_pauses"))
            .where(SQLColumn("council_id", table: "information_requests"), .equal, SQLBind(councilID)).orderBy("from_on")
            .all(decoding: Pause.self)
        let pausesByCase = Dictionary(grouping: pauses, by: \.case_id)
        return rows.compactMap { Self.request($0, pauses: pausesByCase[$0.case_id] ?? []) }
    }

    static func request(_ row: Row, pauses: [Pause]) -> Request? {
        guard let kind = InformationRequestKind(rawValue: row.kind), let receivedOn = LocalDate(row.received_on) else { return nil }
        let clarifications = pauses.filter { $0.reason == Self.clarification }.compactMap { pause in
            LocalDate(pause.from_on).map { StatutoryRequestClock.Clarification(askedOn: $0, answeredOn: pause.until_on.flatMap(LocalDate.init)) }
        }
        let fees = pauses.filter { $0.reason == Self.feesNotice }.compactMap { pause in
            LocalDate(pause.from_on).map { StatutoryRequestClock.FeesNotice(givenOn: $0, paidOn: pause.until_on.flatMap(LocalDate.init), amountPence: pause.amount_pence) }
        }
        return Request(caseID: row.case_id, kind: kind, receivedOn: receivedOn, identityCheckNeeded: row.identity_check_needed,
                       identityVerifiedOn: row.identity_verified_on.flatMap(LocalDate.init), clarifications: clarifications, feesNotices: fees,
                       extendedUntil: row.extended_until.flatMap(LocalDate.init), extendedMonths: row.extended_months,
                       extensionReason: row.extension_reason, extensionToldOn: row.extension_told_on.flatMap(LocalDate.init),
                       answeredOn: row.answered_on.flatMap(LocalDate.init), responseText: row.response_text ?? "",
                       disclosurePublishedAt: row.disclosure_published_at, disclosureRequest: row.disclosure_request ?? "",
                       disclosureResponse: row.disclosure_response ?? "")
    }

    static let clarification = "clarification"
    static let feesNotice = "fees-notice"
}
