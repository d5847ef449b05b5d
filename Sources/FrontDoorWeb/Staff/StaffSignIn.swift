import Foundation
import FrontDoorDomain
import FrontDoorPersistence

/// Signing a member of staff in: the lock-out rule, the password check, the attempt record,
/// the audit trail and a fresh session, in that order.
public struct StaffSignIn: Sendable {
    let staff: StaffAccountRepository
    let sessions: StaffSessionRepository
    let attempts: SignInAttemptRepository
    let audit: AuditTrail
    let throttle: SignInThrottle

    public init(database: Database, hasher: PasswordHasher, throttle: SignInThrottle = SignInThrottle()) {
        self.staff = StaffAccountRepository(database: database, hasher: hasher)
        self.sessions = StaffSessionRepository(database: database)
        self.attempts = SignInAttemptRepository(database: database)
        self.audit = AuditTrail(database: database)
        self.throttle = throttle
    }

    public enum Outcome: Sendable, Equatable {
        case signedIn(token: String, account: StaffAccount)
        /// Deliberately vague: never say whether the email or the password was wrong.
        case wrongEmailOrPassword
        case lockedOut(until: Date)
    }

    public func signIn(email: String, password: String, councilID: UUID, address: String, now: Date) async throws -> Outcome {
        let since = now.addingTimeInterval(-throttle.window)
        let decision = throttle.decide(
            accountFailures: try await attempts.failures(councilID: councilID, email: email, since: since),
            addressFailures: try await attempts.failures(address: address, since: since), now: now)
        if case .locked(let until) = decision {
            try await audit.record(AuditEvent(councilID: councilID, occurredAt: now, actorID: nil, actor: email.lowercased(),
                                              kind: .signInLockedOut, subject: "staff sign-in", address: address))
            return .lockedOut(until: until)
        }
        guard let account = try await staff.authenticate(email: email, councilID: councilID, password: password) else {
            try await attempts.record(councilID: councilID, email: email, address: address, at: now, succeeded: false)
            try await audit.record(AuditEvent(councilID: councilID, occurredAt: now, actorID: nil, actor: email.lowercased(),
                                              kind: .signInFailed, subject: "staff sign-in", address: address))
            return .wrongEmailOrPassword
        }
        try await attempts.record(councilID: councilID, email: email, address: address, at: now, succeeded: true)
        let token = try await sessions.start(for: account, at: now)
        try await audit.record(AuditEvent(councilID: councilID, occurredAt: now, actorID: account.id, actor: account.email,
                                          kind: .signedIn, subject: "staff account \(account.email)", address: address))
        return .signedIn(token: token, account: account)
    }

    public func signOut(_ session: StaffSessionRepository.Session, address: String, now: Date) async throws {
        try await sessions.end(tokenDigest: session.tokenDigest)
        try await audit.record(AuditEvent(councilID: session.account.councilID, occurredAt: now, actorID: session.account.id,
                                          actor: session.account.email, kind: .signedOut,
                                          subject: "staff account \(session.account.email)", address: address))
    }
}
