import Foundation
import SQLKit

/// What happened, recorded for good: security and personal-data events. The product only ever
/// appends to this table; there is no code path that edits or deletes a row.
public struct AuditEvent: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case signedIn = "signed-in"
        case signInFailed = "sign-in-failed"
        case signInLockedOut = "sign-in-locked-out"
        case signedOut = "signed-out"
        case twoFactorEnabled = "two-factor-enabled"
        case recoveryCodeUsed = "recovery-code-used"
        case auditTrailExported = "audit-trail-exported"
        case accountRegistered = "account-registered"
        case emailConfirmed = "email-confirmed"
        case passwordReset = "password-reset"
        case emailChanged = "email-changed"
        case personalDetailsChanged = "personal-details-changed"
        case staffInvited = "staff-invited"
        case invitationAccepted = "invitation-accepted"
        case staffAccountCreated = "staff-account-created"
        case customerRecordViewed = "customer-record-viewed"
        case roleChanged = "role-changed"
        case teamsChanged = "teams-changed"
        case teamCreated = "team-created"
        case councilSettingChanged = "council-setting-changed"
        case serviceAdded = "service-added"
        case serviceChanged = "service-changed"
        case formChanged = "form-changed"
        case catalogueImported = "catalogue-imported"
        case customerFlagRaised = "customer-flag-raised"
        case customerFlagRemoved = "customer-flag-removed"
        case customersMerged = "customers-merged"
        case backgroundJobRetried = "background-job-retried"
        case backgroundJobDiscarded = "background-job-discarded"
        case serviceAlertPublished = "service-alert-published"
        case serviceAlertWithdrawn = "service-alert-withdrawn"
        case webhookEndpointAdded = "webhook-endpoint-added"
        case webhookEndpointDisabled = "webhook-endpoint-disabled"

        /// How the event reads to an administrator.
        public var description: String {
            switch self {
            case .signedIn: "Signed in"
            case .signInFailed: "Sign-in failed"
            case .signInLockedOut: "Sign-in locked out"
            case .signedOut: "Signed out"
            case .twoFactorEnabled: "Two-factor sign-in set up"
            case .recoveryCodeUsed: "Recovery code used"
            case .auditTrailExported: "Audit trail exported"
            case .accountRegistered: "Resident account registered"
            case .emailConfirmed: "Email address confirmed"
            case .passwordReset: "Password reset"
            case .emailChanged: "Email address changed"
            case .personalDetailsChanged: "Personal details changed"
            case .staffInvited: "Staff invited"
            case .invitationAccepted: "Invitation accepted"
            case .staffAccountCreated: "Staff account created"
            case .customerFlagRaised: "Flag put on a customer's record"
            case .customerFlagRemoved: "Flag taken off a customer's record"
            case .customersMerged: "Customer records merged"
            case .backgroundJobRetried: "Background job retried"
            case .backgroundJobDiscarded: "Background job discarded"
            case .serviceAlertPublished: "Service alert published"
            case .serviceAlertWithdrawn: "Service alert withdrawn"
            case .webhookEndpointAdded: "Webhook endpoint added"
            case .webhookEndpointDisabled: "Webhook endpoint disabled"
            case .customerRecordViewed: "Customer record viewed"
            case .roleChanged: "Role changed"
            case .teamsChanged: "Teams changed"
            case .teamCreated: "Team created"
            case .councilSettingChanged: "Council setting changed"
            case .serviceAdded: "Service added"
            case .serviceChanged: "Service changed"
            case .formChanged: "Service form changed"
            case .catalogueImported: "Service catalogue imported"
            }
        }
    }

    public var id: UUID
    public var councilID: UUID
    public var occurredAt: Date
    /// The account acting, when known (a failed sign-in has none).
    public var actorID: UUID?
    /// How the actor is shown: an email address, or "unknown".
    public var actor: String
    public var kind: Kind
    /// What it was done to, in words ("staff account admin@…").
    public var subject: String
    /// The network address the request came from.
    public var address: String

    public init(id: UUID = UUID(), councilID: UUID, occurredAt: Date, actorID: UUID?, actor: String, kind: Kind,
                subject: String, address: String) {
        self.id = id
        self.councilID = councilID
        self.occurredAt = occurredAt
        self.actorID = actorID
        self.actor = actor
        self.kind = kind
        self.subject = subject
        self.address = address
    }
}

public struct AuditTrail: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    struct Row: Codable {
        var id: UUID
        var council_id: UUID
        var occurred_at: Date
        var actor_id: UUID?
        var actor: String
        var event: String
        var subject: String
        var address: String
    }

    public func record(_ event: AuditEvent, on db: (any SQLDatabase)? = nil) async throws {
        let row = Row(id: event.id, council_id: event.councilID, occurred_at: event.occurredAt, actor_id: event.actorID,
                      actor: event.actor, event: event.kind.rawValue, subject: event.subject, address: event.address)
        try await (db ?? database.sql).insert(into: "audit_events").model(row).run()
    }

    /// What an administrator narrows the trail to.
    public struct Filter: Sendable, Equatable {
        public var kind: AuditEvent.Kind?
        /// Part of the actor's email address, any case.
        public var actorContains: String?

        public init(kind: AuditEvent.Kind? = nil, actorContains: String? = nil) {
            self.kind = kind
            self.actorContains = actorContains
        }
    }

    /// A council's events, newest first.
    public func events(councilID: UUID, filter: Filter = Filter(), limit: Int = 100) async throws -> [AuditEvent] {
        var query = database.sql.select().column("*").from("audit_events").where("council_id", .equal, councilID)
        if let kind = filter.kind { query = query.where("event", .equal, kind.rawValue) }
        if let part = filter.actorContains?.lowercased(), !part.isEmpty {
            // Actors are stored lower-cased. `LIKE … ESCAPE '!'` reads the same in SQLite and
            // PostgreSQL; the search text's own wildcards are escaped so they match literally.
            let escaped = part.replacingOccurrences(of: "!", with: "!!").replacingOccurrences(of: "%", with: "!%")
                .replacingOccurrences(of: "_", with: "!_")
            query = query.where(SQLQueryString("actor LIKE \(bind: "%" + escaped + "%") ESCAPE '!'"))
        }
        return try await query.orderBy("occurred_at", .descending).limit(limit).all(decoding: Row.self).map { row in
                guard let kind = AuditEvent.Kind(rawValue: row.event) else {
                    throw StoredDataError.unknownValue(table: "audit_events", column: "event", value: row.event)
                }
                return AuditEvent(id: row.id, councilID: row.council_id, occurredAt: row.occurred_at, actorID: row.actor_id,
                                  actor: row.actor, kind: kind, subject: row.subject, address: row.address)
            }
    }
}
