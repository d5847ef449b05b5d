import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Logging

/// Staff sign-in through the council's identity provider. The provider vouches for who the
/// person is; the council's role mapping decides what they may do. A person the mapping gives no
/// role is refused. An account is created at the first sign-in and its role follows the provider
/// at every sign-in after, so leavers and movers are handled where the council manages them.
/// The provider's own policy stands in for FrontDoor's second factor.
public struct StaffSingleSignOn: Sendable {
    let database: Database
    let providers: IdentityProviderRepository
    let requests: SingleSignOnRequestRepository
    let client: OpenIDConnectClient
    let staff: StaffAccountRepository
    let sessions: StaffSessionRepository
    let audit: AuditTrail

    public init(database: Database, hasher: PasswordHasher, sealed: SealedSecrets, client: OpenIDConnectClient = OpenIDConnectClient()) {
        self.database = database
        self.providers = IdentityProviderRepository(database: database, sealed: sealed)
        self.requests = SingleSignOnRequestRepository(database: database)
        self.client = client
        self.staff = StaffAccountRepository(database: database, hasher: hasher)
        self.sessions = StaffSessionRepository(database: database)
        self.audit = AuditTrail(database: database)
    }

    public func provider(for council: Council) async throws -> IdentityProviderSettings? {
        try await providers.find(councilID: council.id)
    }

    /// Where to send the browser, and the state for the cookie that ties the callback to this browser.
    public func start(council: Council, returnTo: String?, redirectURI: String, now: Date) async throws -> (url: String, state: String)? {
        guard let settings = try await provider(for: council) else { return nil }
        let request = try await requests.start(councilID: council.id, returnTo: returnTo, at: now)
        return (try await client.authorizationURL(settings, request: request, redirectURI: redirectURI), request.state)
    }

    public enum Outcome: Sendable, Equatable {
        case signedIn(token: String, account: StaffAccount, returnTo: String?)
        /// The provider signed them in, but the council's mapping gives them no role here.
        case noRole(providerName: String)
        /// Anything else: a stale or replayed callback, a refused token, an unreachable provider.
        case failed(providerName: String)
    }

    public func complete(code: String, state: String, stateCookie: String?, council: Council, redirectURI: String,
                         address: String, now: Date, logger: Logger) async throws -> Outcome {
        guard let settings = try await provider(for: council) else { return .failed(providerName: "your council's sign-in service") }
        let name = settings.displayName
        // The cookie ties the callback to the browser that started it: someone else's callback
        // link cannot sign this browser in as them (login CSRF).
        guard let stateCookie, constantTimeEquals(stateCookie, state),
              let request = try await requests.take(state: state, councilID: council.id, now: now) else {
            try await recordFailure("single sign-on: unknown, expired or replayed state", council: council, address: address, now: now)
            return .failed(providerName: name)
        }
        let identity: OpenIDConnectClient.Identity
        do {
            identity = try await client.identity(code: code, request: request, settings: settings, redirectURI: redirectURI, now: now)
        } catch let failure as OpenIDConnectClient.Failure {
            logger.warning("Single sign-on failed", metadata: ["reason": .string(failure.description)])
            try await recordFailure("single sign-on: \(failure.description)", council: council, address: address, now: now)
            return .failed(providerName: name)
        }
        guard let role = settings.roleMapping.role(for: identity.roleValues) else {
            try await recordFailure("single sign-on: no role for \(identity.email)", actor: identity.email, council: council, address: address, now: now)
            return .noRole(providerName: name)
        }
        let account = try await accountFor(identity, role: role, council: council, address: address, now: now)
        let token = try await sessions.start(for: account, at: now)
        try await audit.record(AuditEvent(councilID: council.id, occurredAt: now, actorID: account.id, actor: account.email, kind: .signedIn,
                                          subject: "staff account \(account.email) through \(name)", address: address))
        return .signedIn(token: token, account: account, returnTo: request.returnTo)
    }

    /// The account for this identity, created at the first sign-in, its role kept in step with the provider.
    private func accountFor(_ identity: OpenIDConnectClient.Identity, role: StaffRole, council: Council, address: String,
                            now: Date) async throws -> StaffAccount {
        let providerActor = "identity provider"
        if let existing = try await staff.find(email: identity.email, councilID: council.id) {
            guard existing.role != role else { return existing }
            let change = AuditEvent(councilID: council.id, occurredAt: now, actorID: nil, actor: providerActor, kind: .roleChanged,
                                    subject: "staff account \(existing.email): \(existing.role.displayName) → \(role.displayName)",
                                    address: address)
            try await database.transaction { db in
                try await staff.changeRole(of: existing.id, to: role, on: db)
                try await audit.record(change, on: db)
            }
            var updated = existing
            updated.role = role
            return updated
        }
        let account = StaffAccount(councilID: council.id, email: identity.email, displayName: identity.name, role: role)
        // No password anyone knows: this account signs in through the provider (or after a reset).
        let unusable = try await staff.hashPassword(RandomToken.make())
        try await database.transaction { db in
            try await staff.insert(account, passwordHash: unusable, at: now, on: db)
            try await audit.record(AuditEvent(councilID: council.id, occurredAt: now, actorID: nil, actor: providerActor,
                                              kind: .staffAccountCreated, subject: "staff account \(account.email) created at first sign-in as \(role.displayName)",
                                              address: address), on: db)
        }
        return account
    }

    private func recordFailure(_ subject: String, actor: String = "unknown", council: Council, address: String, now: Date) async throws {
        try await audit.record(AuditEvent(councilID: council.id, occurredAt: now, actorID: nil, actor: actor, kind: .signInFailed,
                                          subject: String(subject.prefix(500)), address: address))
    }
}
