import Foundation
import FrontDoorDomain
import FrontDoorPersistence

/// Signing a member of staff in: the lock-out rule, the password, the second factor where
/// it is required or set up, the attempt record, the audit trail and a fresh session.
public struct StaffSignIn: Sendable {
    let staff: StaffAccountRepository
    let sessions: StaffSessionRepository
    let pending: PendingSignInRepository
    let twoFactor: TwoFactorRepository
    let sealed: SealedSecrets
    let attempts: SignInAttemptRepository
    let audit: AuditTrail
    let throttle: SignInThrottle

    public init(database: Database, hasher: PasswordHasher, sealed: SealedSecrets, throttle: SignInThrottle = SignInThrottle()) {
        self.staff = StaffAccountRepository(database: database, hasher: hasher)
        self.sessions = StaffSessionRepository(database: database)
        self.pending = PendingSignInRepository(database: database)
        self.twoFactor = TwoFactorRepository(database: database, sealed: sealed)
        self.sealed = sealed
        self.attempts = SignInAttemptRepository(database: database)
        self.audit = AuditTrail(database: database)
        self.throttle = throttle
    }

    public enum Outcome: Sendable, Equatable {
        case signedIn(token: String, account: StaffAccount)
        /// The password was right; the second factor comes next (token for the pending cookie).
        case secondFactorNeeded(pendingToken: String)
        /// Deliberately vague: never say whether the email or the password was wrong.
        case wrongEmailOrPassword
        case lockedOut(until: Date)
    }

    public func signIn(email: String, password: String, sharedDevice: Bool = false, council: Council, address: String,
                       now: Date) async throws -> Outcome {
        if let until = try await lockedUntil(email: email, council: council, address: address, now: now) {
            return .lockedOut(until: until)
        }
        guard let account = try await staff.authenticate(email: email, councilID: council.id, password: password) else {
            try await recordFailure(email: email, council: council, address: address, now: now)
            return .wrongEmailOrPassword
        }
        let hasSetUp = try await twoFactor.setup(for: account.id) != nil
        if TwoFactorPolicy.mustUseSecondFactor(role: account.role, councilRequiresForAllStaff: council.requiresTwoFactorForAllStaff,
                                               hasSetUp: hasSetUp) {
            return .secondFactorNeeded(pendingToken: try await pending.start(accountID: account.id, councilID: council.id,
                                                                             sharedDevice: sharedDevice, at: now))
        }
        return .signedIn(token: try await startSession(account, sharedDevice: sharedDevice, address: address, now: now), account: account)
    }

    /// What the second-factor page asks for.
    public enum SecondFactorStep: Sendable, Equatable {
        case enterCode(account: StaffAccount)
        /// First sign-in since two-factor became required: set up an authenticator with this secret.
        case setUp(account: StaffAccount, secret: String)
    }

    public func secondFactorStep(_ waiting: PendingSignInRepository.Pending) async throws -> SecondFactorStep? {
        guard let account = try await staff.find(id: waiting.accountID) else { return nil }
        if try await twoFactor.setup(for: account.id) != nil { return .enterCode(account: account) }
        if let sealedSecret = waiting.enrolmentSecretSealed { return .setUp(account: account, secret: try sealed.open(sealedSecret)) }
        let secret = OneTimePasswordVerifier.newSecret()
        try await pending.setEnrolmentSecret(try sealed.seal(secret), tokenDigest: waiting.tokenDigest)
        return .setUp(account: account, secret: secret)
    }

    public enum SecondFactorOutcome: Sendable, Equatable {
        /// `recoveryCodes` are shown once, when two-factor was set up by this sign-in.
        case signedIn(token: String, account: StaffAccount, recoveryCodes: [String])
        case wrongCode
        case lockedOut(until: Date)
        case expired
    }

    public func completeSecondFactor(_ waiting: PendingSignInRepository.Pending, typed: String, council: Council,
                                     address: String, now: Date) async throws -> SecondFactorOutcome {
        guard let step = try await secondFactorStep(waiting) else { return .expired }
        let account: StaffAccount
        switch step {
        case .enterCode(let a), .setUp(let a, _): account = a
        }
        if let until = try await lockedUntil(email: account.email, council: council, address: address, now: now) {
            return .lockedOut(until: until)
        }
        var recoveryCodes: [String] = []
        switch step {
        case .setUp(_, let secret):
            guard let confirmed = OneTimePasswordVerifier(secret: secret).verify(typed, at: now, lastUsedStep: nil) else {
                try await recordFailure(email: account.email, council: council, address: address, now: now)
                return .wrongCode
            }
            recoveryCodes = RecoveryCodes.generate()
            try await twoFactor.enable(accountID: account.id, secret: secret, confirmedStep: confirmed, recoveryCodes: recoveryCodes, at: now)
            try await record(.twoFactorEnabled, account: account, address: address, now: now)
        case .enterCode:
            guard try await verifySecondFactor(typed, account: account, address: address, now: now) else {
                try await recordFailure(email: account.email, council: council, address: address, now: now)
                return .wrongCode
            }
        }
        try await pending.end(tokenDigest: waiting.tokenDigest)
        return .signedIn(token: try await startSession(account, sharedDevice: waiting.sharedDevice, address: address, now: now),
                         account: account, recoveryCodes: recoveryCodes)
    }

    /// An authenticator code (six digits) or, failing that, one of the account's recovery codes.
    private func verifySecondFactor(_ typed: String, account: StaffAccount, address: String, now: Date) async throws -> Bool {
        guard let setup = try await twoFactor.setup(for: account.id) else { return false }
        if let step = OneTimePasswordVerifier(secret: setup.secret).verify(typed, at: now, lastUsedStep: setup.lastUsedStep) {
            return try await twoFactor.consume(step: step, accountID: account.id)
        }
        if try await twoFactor.useRecoveryCode(typed, accountID: account.id, at: now) {
            try await record(.recoveryCodeUsed, account: account, address: address, now: now)
            return true
        }
        return false
    }

    public func signOut(_ session: StaffSessionRepository.Session, address: String, now: Date) async throws {
        try await sessions.end(tokenDigest: session.tokenDigest)
        try await record(.signedOut, account: session.account, address: address, now: now)
    }

    private func lockedUntil(email: String, council: Council, address: String, now: Date) async throws -> Date? {
        let since = now.addingTimeInterval(-throttle.window)
        let decision = throttle.decide(
            accountFailures: try await attempts.failures(councilID: council.id, email: email, since: since),
            addressFailures: try await attempts.failures(address: address, since: since), now: now)
        guard case .locked(let until) = decision else { return nil }
        try await audit.record(AuditEvent(councilID: council.id, occurredAt: now, actorID: nil, actor: email.lowercased(),
                                          kind: .signInLockedOut, subject: "staff sign-in", address: address))
        return until
    }

    private func recordFailure(email: String, council: Council, address: String, now: Date) async throws {
        try await attempts.record(councilID: council.id, email: email, address: address, at: now, succeeded: false)
        try await audit.record(AuditEvent(councilID: council.id, occurredAt: now, actorID: nil, actor: email.lowercased(),
                                          kind: .signInFailed, subject: "staff sign-in", address: address))
    }

    private func startSession(_ account: StaffAccount, sharedDevice: Bool, address: String, now: Date) async throws -> String {
        try await attempts.record(councilID: account.councilID, email: account.email, address: address, at: now, succeeded: true)
        let token = try await sessions.start(for: account, sharedDevice: sharedDevice, at: now)
        try await record(.signedIn, account: account, address: address, now: now)
        return token
    }

    private func record(_ kind: AuditEvent.Kind, account: StaffAccount, address: String, now: Date) async throws {
        try await audit.record(AuditEvent(councilID: account.councilID, occurredAt: now, actorID: account.id, actor: account.email,
                                          kind: kind, subject: "staff account \(account.email)", address: address))
    }
}
