import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import SQLKit
import Testing

@Suite("Customers, consents and emailed links in the database")
struct CustomerRepositoryTests {
    let hasher = PasswordHasher(cost: 4)

    /// A migrated database with one council.
    func withCouncil(_ kind: TestDatabase, _ body: @escaping @Sendable (Database, Council) async throws -> Void) async throws {
        try await kind.withMigratedDatabase { database in
            let council = try makeCouncil()
            try await CouncilRepository(database: database).create(council)
            try await body(database, council)
        }
    }

    @Test("Every detail survives the round trip, and a customer without a password has no account", arguments: TestDatabase.available)
    func roundTrip(database kind: TestDatabase) async throws {
        try await withCouncil(kind) { database, council in
            let customers = CustomerRepository(database: database, hasher: hasher)
            var customer = makeCustomer(council: council)
            customer.phone = "01632 960 001"
            customer.address = PostalAddress(line1: "1 High Street", line2: "Flat 2", town: "Testtown",
                                             postcode: try #require(Postcode("TS1 1AA")), uprn: UPRN("100023336956"))
            customer.preferredChannel = .letter
            customer.language = "Polish"
            customer.needs = CommunicationNeeds(supports: [.interpreter, .largePrint], interpreterLanguage: "Polish", other: "Call after 2pm")
            try await customers.create(customer, passwordHash: nil)
            let stored = try #require(try await customers.find(id: customer.id, councilID: council.id))
            #expect(stored.name == customer.name && stored.address == customer.address && stored.needs == customer.needs)
            #expect(stored.preferredChannel == .letter && stored.language == "Polish" && stored.phone == "01632 960 001")
            #expect(!stored.hasAccount)
            #expect(try await customers.authenticate(email: "ann@example.com", councilID: council.id, password: "anything at all") == nil)
        }
    }

    @Test("One customer per email in a council, in any letter case; customers without email never clash", arguments: TestDatabase.available)
    func oneCustomerPerEmail(database kind: TestDatabase) async throws {
        try await withCouncil(kind) { database, council in
            let customers = CustomerRepository(database: database, hasher: hasher)
            try await customers.create(makeCustomer(council: council, email: "ann@example.com"), passwordHash: nil)
            await #expect(throws: CustomerRepository.EmailTaken.self) {
                try await customers.create(makeCustomer(council: council, email: "ANN@example.com"), passwordHash: nil)
            }
            try await customers.create(makeCustomer(council: council, name: "Caller one", email: nil), passwordHash: nil)
            try await customers.create(makeCustomer(council: council, name: "Caller two", email: nil), passwordHash: nil)
        }
    }

    @Test("A customer of one council is not found at another", arguments: TestDatabase.available)
    func councilsApart(database kind: TestDatabase) async throws {
        try await withCouncil(kind) { database, council in
            let other = try makeCouncil(slug: "otherton", name: "Otherton Council")
            try await CouncilRepository(database: database).create(other)
            let customers = CustomerRepository(database: database, hasher: hasher)
            let customer = makeCustomer(council: council)
            try await customers.create(customer, passwordHash: try await customers.hashPassword("correct horse battery"))
            #expect(try await customers.find(id: customer.id, councilID: other.id) == nil)
            #expect(try await customers.find(email: "ann@example.com", councilID: other.id) == nil)
            #expect(try await customers.authenticate(email: "ann@example.com", councilID: other.id, password: "correct horse battery") == nil)
            #expect(try await customers.authenticate(email: "ann@example.com", councilID: council.id, password: "correct horse battery")?.id == customer.id)
        }
    }

    @Test("Consents keep their history: withdrawing stamps the row, new wording adds one", arguments: TestDatabase.available)
    func consentHistory(database kind: TestDatabase) async throws {
        try await withCouncil(kind) { database, council in
            let customers = CustomerRepository(database: database, hasher: hasher)
            let consents = ConsentRepository(database: database)
            let customer = makeCustomer(council: council)
            try await customers.create(customer, passwordHash: nil)
            let first = Date(timeIntervalSince1970: 1_800_000_000)
            try await consents.set(customerID: customer.id, agreed: [.serviceUpdates, .researchInvitations], at: first)
            try await consents.set(customerID: customer.id, agreed: [.serviceUpdates], at: first.addingTimeInterval(60))
            let current = try await consents.current(customerID: customer.id)
            #expect(current == [Consent(purpose: .serviceUpdates, wordingVersion: 1, agreedAt: first)])
            struct Row: Decodable { var purpose: String; var withdrawn_at: Date? }
            let rows = try await database.sql.select().columns("purpose", "withdrawn_at").from("customer_consents").all(decoding: Row.self)
            #expect(rows.count == 2)
            #expect(rows.first { $0.purpose == "research" }?.withdrawn_at != nil)
        }
    }

    @Test("A link works once; issuing a new one retires the old; each is only for its own purpose", arguments: TestDatabase.available)
    func singleUseLinks(database kind: TestDatabase) async throws {
        try await withCouncil(kind) { database, council in
            let customers = CustomerRepository(database: database, hasher: hasher)
            let tokens = AccountTokenRepository(database: database)
            let customer = makeCustomer(council: council)
            try await customers.create(customer, passwordHash: nil)
            let now = Date()
            let old = try await tokens.issue(.resetPassword, customerID: customer.id, councilID: council.id, at: now, on: database.sql)
            let new = try await tokens.issue(.resetPassword, customerID: customer.id, councilID: council.id, at: now, on: database.sql)
            #expect(try await tokens.find(token: old, purpose: .resetPassword, councilID: council.id, now: now)?.state == .used)
            let found = try #require(try await tokens.find(token: new, purpose: .resetPassword, councilID: council.id, now: now))
            #expect(found.state == .usable && found.customerID == customer.id)
            #expect(try await tokens.find(token: new, purpose: .verifyEmail, councilID: council.id, now: now) == nil)
            #expect(try await tokens.use(tokenDigest: found.tokenDigest, at: now, on: database.sql))
            #expect(try await !tokens.use(tokenDigest: found.tokenDigest, at: now, on: database.sql))
            #expect(try await tokens.find(token: new, purpose: .resetPassword, councilID: council.id, now: now)?.state == .used)
            #expect(try await tokens.find(token: "not-a-token", purpose: .resetPassword, councilID: council.id, now: now) == nil)
        }
    }

    @Test("A shared-device session ends after the kiosk's idle time; others last the resident policy", arguments: TestDatabase.available)
    func kioskSessions(database kind: TestDatabase) async throws {
        try await withCouncil(kind) { database, council in
            let customers = CustomerRepository(database: database, hasher: hasher)
            let customer = makeCustomer(council: council)
            try await customers.create(customer, passwordHash: nil)
            let sessions = SessionStore.residents(database)
            let start = Date()
            let kiosk = try await sessions.start(ownerID: customer.id, councilID: council.id, sharedDevice: true, at: start)
            let own = try await sessions.start(ownerID: customer.id, councilID: council.id, sharedDevice: false, at: start)
            let later = start.addingTimeInterval(10 * 60)
            #expect(try await sessions.find(token: kiosk, councilID: council.id, policy: .resident, now: later) == nil)
            #expect(try await sessions.find(token: own, councilID: council.id, policy: .resident, now: later)?.ownerID == customer.id)
            try await sessions.endAll(ownerID: customer.id)
            #expect(try await sessions.find(token: own, councilID: council.id, policy: .resident, now: later) == nil)
        }
    }
}
