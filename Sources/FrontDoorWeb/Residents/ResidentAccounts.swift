import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import SQLKit

/// Residents' accounts: registering, confirming the address, signing in and out, forgotten
/// passwords and changing the email address. Each change and the email it causes are written in
/// one transaction (the outbox), so neither happens without the other.
///
/// Nothing here tells a person whether some other email address has an account: registration
/// and forgotten-password answer the same either way and say the rest by email, to the owner.
public struct ResidentAccounts: Sendable {
    let database: Database
    let customers: CustomerRepository
    let consents: ConsentRepository
    let tokens: AccountTokenRepository
    let outbox: EmailOutbox
    let sessions: SessionStore
    let attempts: SignInAttemptRepository
    let audit: AuditTrail
    let throttle: SignInThrottle

    public init(database: Database, hasher: PasswordHasher, throttle: SignInThrottle = SignInThrottle()) {
        self.database = database
        self.customers = CustomerRepository(database: database, hasher: hasher)
        self.consents = ConsentRepository(database: database)
        self.tokens = AccountTokenRepository(database: database)
        self.outbox = EmailOutbox(database: database)
        self.sessions = .residents(database)
        self.attempts = SignInAttemptRepository(database: database, realm: .residents)
        self.audit = AuditTrail(database: database)
        self.throttle = throttle
    }

    /// Makes the absolute link an email carries from a path and query on this site.
    public typealias LinkMaker = @Sendable (String) -> String

    public struct Registration: Sendable {
        public var name: String
        public var email: String
        public var password: String
        public var consents: Set<ConsentPurpose>
        /// The language they registered in, as they would state it ("English", "Cymraeg"): our emails use it.
        public var language: String = "English"
    }

    /// Registers, or, when the address is known already, emails its owner what to do instead.
    /// Either way the person is told to check their email.
    public func register(_ registration: Registration, council: Council, address: String, now: Date, link: @escaping LinkMaker) async throws {
        let email = registration.email.lowercased()
        // Hashed whichever way this goes, so the response time does not tell whether the address is known.
        let hash = try await customers.hashPassword(registration.password)
        if let known = try await customers.find(email: email, councilID: council.id) {
            try await database.transaction { db in
                let reset = try await tokens.issue(.resetPassword, customerID: known.id, councilID: council.id, at: now, on: db)
                let resetLink = link(ResidentPaths.resetPassword + "?token=" + reset)
                let message = known.hasAccount
                    ? AccountEmails.alreadyRegistered(to: known, email: email, council: council,
                                                      signInLink: link(ResidentPaths.signIn), resetLink: resetLink)
                    : AccountEmails.finishRegistration(to: known, email: email, council: council, link: resetLink)
                try await outbox.enqueue(message, at: now, on: db)
            }
            return
        }
        let customer = Customer(councilID: council.id, name: registration.name, email: email, language: registration.language,
                                hasAccount: true, createdAt: now)
        try await database.transaction { db in
            try await customers.create(customer, passwordHash: hash, on: db)
            try await consents.set(customerID: customer.id, agreed: registration.consents, at: now, on: db)
            try await sendConfirmation(to: customer, council: council, now: now, link: link, on: db)
            try await audit.record(event(.accountRegistered, customer, council, address, now), on: db)
        }
    }

    /// A new confirmation link, replacing any earlier one.
    public func resendConfirmation(to customer: Customer, council: Council, now: Date, link: @escaping LinkMaker) async throws {
        guard !customer.isEmailVerified else { return }
        try await database.transaction { db in
            try await sendConfirmation(to: customer, council: council, now: now, link: link, on: db)
        }
    }

    private func sendConfirmation(to customer: Customer, council: Council, now: Date, link: LinkMaker, on db: any SQLDatabase) async throws {
        guard let email = customer.email else { return }
        let token = try await tokens.issue(.verifyEmail, customerID: customer.id, councilID: council.id, at: now, on: db)
        try await outbox.enqueue(AccountEmails.confirmAddress(to: customer, email: email, council: council,
                                                              link: link(ResidentPaths.confirmEmail + "?token=" + token)),
                                 at: now, on: db)
    }

    /// What became of a link someone followed.
    public enum LinkOutcome: Sendable, Equatable {
        case done(Customer)
        case used
        case expired
        /// No such link here: mistyped, cut short by an email program, or for another council.
        case unknown
        /// The new address belongs to another account by now.
        case emailTaken
    }

    /// Whether a link can be used, before the page asks the person to act on it.
    public func check(token: String, purpose: AccountTokenPurpose, council: Council, now: Date) async throws -> LinkOutcome {
        guard let found = try await tokens.find(token: token, purpose: purpose, councilID: council.id, now: now) else { return .unknown }
        switch found.state {
        case .used: return .used
        case .expired: return .expired
        case .usable:
            guard let customer = try await customers.find(id: found.customerID, councilID: council.id) else { return .unknown }
            return .done(customer)
        }
    }

    /// Uses a link inside a transaction: `apply` runs only if this call is the one that used it.
    private func use(token: String, purpose: AccountTokenPurpose, council: Council, now: Date,
                     _ apply: @escaping @Sendable (Customer, AccountTokenRepository.Found, any SQLDatabase) async throws -> LinkOutcome) async throws -> LinkOutcome {
        try await database.transaction { db in
            guard let found = try await tokens.find(token: token, purpose: purpose, councilID: council.id, now: now, on: db),
                  let customer = try await customers.find(id: found.customerID, councilID: council.id, on: db) else { return .unknown }
            switch found.state {
            case .used: return .used
            case .expired: return .expired
            case .usable:
                guard try await tokens.use(tokenDigest: found.tokenDigest, at: now, on: db) else { return .used }
                return try await apply(customer, found, db)
            }
        }
    }

    public func confirmEmail(token: String, council: Council, address: String, now: Date) async throws -> LinkOutcome {
        try await use(token: token, purpose: .verifyEmail, council: council, now: now) { customer, _, db in
            try await customers.markEmailVerified(customerID: customer.id, at: now, on: db)
            try await audit.record(event(.emailConfirmed, customer, council, address, now), on: db)
            var confirmed = customer
            confirmed.emailVerifiedAt = now
            return .done(confirmed)
        }
    }

    public enum SignInOutcome: Sendable, Equatable {
        case signedIn(token: String, customer: Customer)
        /// The password was right but the address is not confirmed yet; a new link has been sent.
        case emailNotConfirmed(Customer)
        /// Deliberately vague: never say whether the email or the password was wrong.
        case wrongEmailOrPassword
        case lockedOut(until: Date)
    }

    public func signIn(email: String, password: String, sharedDevice: Bool, council: Council, address: String, now: Date,
                       link: @escaping LinkMaker) async throws -> SignInOutcome {
        let since = now.addingTimeInterval(-throttle.window)
        let decision = throttle.decide(
            accountFailures: try await attempts.failures(councilID: council.id, email: email, since: since),
            addressFailures: try await attempts.failures(address: address, since: since), now: now)
        if case .locked(let until) = decision {
            try await audit.record(AuditEvent(councilID: council.id, occurredAt: now, actorID: nil, actor: email.lowercased(),
                                              kind: .signInLockedOut, subject: "resident sign-in", address: address))
            return .lockedOut(until: until)
        }
        guard let customer = try await customers.authenticate(email: email, councilID: council.id, password: password) else {
            try await attempts.record(councilID: council.id, email: email, address: address, at: now, succeeded: false)
            try await audit.record(AuditEvent(councilID: council.id, occurredAt: now, actorID: nil, actor: email.lowercased(),
                                              kind: .signInFailed, subject: "resident sign-in", address: address))
            return .wrongEmailOrPassword
        }
        try await attempts.record(councilID: council.id, email: email, address: address, at: now, succeeded: true)
        guard customer.isEmailVerified else {
            try await resendConfirmation(to: customer, council: council, now: now, link: link)
            return .emailNotConfirmed(customer)
        }
        let token = try await sessions.start(ownerID: customer.id, councilID: council.id, sharedDevice: sharedDevice, at: now)
        try await audit.record(event(.signedIn, customer, council, address, now))
        return .signedIn(token: token, customer: customer)
    }

    public func signOut(_ session: ResidentSession, council: Council, address: String, now: Date) async throws {
        try await sessions.end(tokenDigest: session.tokenDigest)
        try await audit.record(event(.signedOut, session.customer, council, address, now))
    }

    /// Sends a reset link if the address belongs to a customer of this council; says nothing either way.
    public func requestPasswordReset(email: String, council: Council, now: Date, link: @escaping LinkMaker) async throws {
        guard let customer = try await customers.find(email: email, councilID: council.id) else { return }
        try await database.transaction { db in
            let token = try await tokens.issue(.resetPassword, customerID: customer.id, councilID: council.id, at: now, on: db)
            try await outbox.enqueue(AccountEmails.resetPassword(to: customer, email: email.lowercased(), council: council,
                                                                 link: link(ResidentPaths.resetPassword + "?token=" + token)),
                                     at: now, on: db)
        }
    }

    /// Sets a new password through a reset link: the address is thereby confirmed, and every
    /// session that existed ends.
    public func resetPassword(token: String, newPassword: String, council: Council, address: String, now: Date) async throws -> LinkOutcome {
        let hash = try await customers.hashPassword(newPassword)
        return try await use(token: token, purpose: .resetPassword, council: council, now: now) { customer, _, db in
            try await customers.setPassword(customerID: customer.id, hash: hash, at: now, on: db)
            try await sessions.endAll(ownerID: customer.id, on: db)
            if let email = customer.email {
                try await outbox.enqueue(AccountEmails.passwordChanged(to: customer, email: email, council: council), at: now, on: db)
            }
            try await audit.record(event(.passwordReset, customer, council, address, now), on: db)
            var updated = customer
            updated.hasAccount = true
            updated.emailVerifiedAt = customer.emailVerifiedAt ?? now
            return .done(updated)
        }
    }

    public enum EmailChangeOutcome: Sendable, Equatable {
        case linkSent
        case wrongPassword
        case sameAsCurrent
    }

    /// Asks for the address to change: the current password proves it is the account holder,
    /// and a link to the new address proves they own that.
    public func requestEmailChange(_ customer: Customer, to newEmail: String, password: String, council: Council,
                                   now: Date, link: @escaping LinkMaker) async throws -> EmailChangeOutcome {
        let newEmail = newEmail.lowercased()
        guard let current = customer.email,
              try await customers.authenticate(email: current, councilID: council.id, password: password) != nil else {
            return .wrongPassword
        }
        guard newEmail != current else { return .sameAsCurrent }
        try await database.transaction { db in
            let token = try await tokens.issue(.changeEmail, customerID: customer.id, councilID: council.id, newEmail: newEmail, at: now, on: db)
            try await outbox.enqueue(AccountEmails.confirmNewAddress(to: customer, newEmail: newEmail, council: council,
                                                                     link: link(ResidentPaths.confirmEmailChange + "?token=" + token)),
                                     at: now, on: db)
        }
        return .linkSent
    }

    /// Makes the new address the account's. If another account has taken it meanwhile, nothing
    /// changes (the link's use rolls back too) and the outcome says so.
    public func confirmEmailChange(token: String, council: Council, address: String, now: Date) async throws -> LinkOutcome {
        do {
            return try await applyEmailChange(token: token, council: council, address: address, now: now)
        } catch is EmailTakenMeanwhile {
            return .emailTaken
        }
    }

    private struct EmailTakenMeanwhile: Error {}

    private func applyEmailChange(token: String, council: Council, address: String, now: Date) async throws -> LinkOutcome {
        try await use(token: token, purpose: .changeEmail, council: council, now: now) { customer, found, db in
            guard let newEmail = found.newEmail else { return .unknown }
            if let holder = try await customers.find(email: newEmail, councilID: council.id, on: db), holder.id != customer.id {
                throw EmailTakenMeanwhile()
            }
            try await customers.changeEmail(customerID: customer.id, councilID: council.id, to: newEmail, at: now, on: db)
            if let oldEmail = customer.email {
                try await outbox.enqueue(AccountEmails.addressChanged(to: customer, oldEmail: oldEmail, newEmail: newEmail, council: council),
                                         at: now, on: db)
            }
            try await audit.record(AuditEvent(councilID: council.id, occurredAt: now, actorID: customer.id, actor: newEmail,
                                              kind: .emailChanged, subject: "resident account \(customer.email ?? "") → \(newEmail)",
                                              address: address), on: db)
            var changed = customer
            changed.email = newEmail
            changed.emailVerifiedAt = now
            return .done(changed)
        }
    }

    /// Saves name, phone, address, preferences, needs and consents.
    public func updateDetails(_ customer: Customer, consents agreed: Set<ConsentPurpose>, council: Council, address: String, now: Date) async throws {
        let changed = event(.personalDetailsChanged, customer, council, address, now)
        try await database.transaction { db in
            try await customers.updateProfile(customer, at: now, on: db)
            try await consents.set(customerID: customer.id, agreed: agreed, at: now, on: db)
            try await audit.record(changed, on: db)
        }
    }

    public func currentConsents(_ customer: Customer) async throws -> [Consent] {
        try await consents.current(customerID: customer.id)
    }

    private func event(_ kind: AuditEvent.Kind, _ customer: Customer, _ council: Council, _ address: String, _ now: Date) -> AuditEvent {
        AuditEvent(councilID: council.id, occurredAt: now, actorID: customer.id, actor: customer.email ?? customer.name,
                   kind: kind, subject: "resident account \(customer.email ?? customer.id.uuidString)", address: address)
    }
}
