import Foundation
import FrontDoorDomain

/// Creates the demo council and its staff where they are missing; running it again changes nothing.
public struct DemoSeeder: Sendable {
    let councils: CouncilRepository
    let staff: StaffAccountRepository
    let customers: CustomerRepository

    public init(database: Database, hasher: PasswordHasher) {
        self.councils = CouncilRepository(database: database)
        self.staff = StaffAccountRepository(database: database, hasher: hasher)
        self.customers = CustomerRepository(database: database, hasher: hasher)
    }

    public struct Outcome: Sendable, Equatable {
        public var createdCouncil: Bool
        public var createdStaff: [String]

        public init(createdCouncil: Bool, createdStaff: [String]) {
            self.createdCouncil = createdCouncil
            self.createdStaff = createdStaff
        }
    }

    @discardableResult
    public func seed() async throws -> Outcome {
        let council = DemoCouncil.council
        var outcome = Outcome(createdCouncil: false, createdStaff: [])
        if try await councils.find(slug: council.slug) == nil {
            try await councils.create(council, isDemo: true)
            outcome.createdCouncil = true
        }
        for account in DemoCouncil.staff where try await staff.find(email: account.email, councilID: council.id) == nil {
            try await staff.create(account, password: DemoCouncil.password, isDemo: true)
            outcome.createdStaff.append(account.email)
        }
        for customer in DemoCouncil.customers where try await customers.find(id: customer.id, councilID: council.id) == nil {
            try await customers.create(customer, passwordHash: nil)
        }
        return outcome
    }
}
