import Foundation
import FrontDoorDomain

/// Creates the demo council and its staff where they are missing; running it again changes nothing.
public struct DemoSeeder: Sendable {
    let councils: CouncilRepository
    let staff: StaffAccountRepository
    let customers: CustomerRepository
    let teams: TeamRepository
    let services: ServiceRepository
    let gazetteer: GazetteerRepository
    let forms: ServiceFormRepository
    let guidance: AdvisorGuidanceRepository
    let processes: ServiceProcessRepository

    public init(database: Database, hasher: PasswordHasher) {
        self.councils = CouncilRepository(database: database)
        self.processes = ServiceProcessRepository(database: database)
        self.staff = StaffAccountRepository(database: database, hasher: hasher)
        self.customers = CustomerRepository(database: database, hasher: hasher)
        self.teams = TeamRepository(database: database)
        self.services = ServiceRepository(database: database)
        self.gazetteer = GazetteerRepository(database: database)
        self.forms = ServiceFormRepository(database: database)
        self.guidance = AdvisorGuidanceRepository(database: database)
    }

    public struct Outcome: Sendable, Equatable {
        public var createdCouncil: Bool
        public var createdStaff: [String]

        public init(createdCouncil: Bool, createdStaff: [String]) {
            self.createdCouncil = createdCouncil
            self.createdStaff = createdStaff
        }
    }

    /// Not `@discardableResult`: with Swift 6.3, an implicitly discarded result of this call inside
    /// an async closure crashed the concurrency runtime ("freed pointer was not the last
    /// allocation"); an explicit `_ =` does not, so the compiler now asks for one.
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
        let existingTeams = Set(try await teams.all(councilID: council.id).map(\.id))
        for team in DemoCatalogue.teams where !existingTeams.contains(team.id) {
            try await teams.create(team, at: Date())
        }
        for service in DemoCatalogue.services where try await services.find(id: service.id, councilID: council.id) == nil {
            try await services.create(service, at: Date())
        }
        for (code, fields) in DemoForms.forms {
            guard let service = try await services.find(code: ServiceCode(code)!, councilID: council.id) else { continue }
            if try await forms.latest(of: service.id) == nil {
                _ = try await forms.saveNewVersion(of: service.id, fields: fields, at: Date())
            }
        }
        let chosen = try await processes.all(councilID: council.id)
        for (code, process) in DemoForms.processes {
            guard let service = try await services.find(code: ServiceCode(code)!, councilID: council.id), chosen[service.id] == nil else { continue }
            try await processes.set(process, serviceID: service.id, councilID: council.id)
        }
        for (code, text) in DemoAdvisorGuidance.byCode {
            guard let service = try await services.find(code: ServiceCode(code)!, councilID: council.id),
                  try await guidance.guidance(serviceID: service.id, councilID: council.id).isEmpty else { continue }
            try await guidance.set(serviceID: service.id, councilID: council.id, to: text)
        }
        if try await gazetteer.count(councilID: council.id) == 0 {
            try await gazetteer.replace(councilID: council.id, with: try DemoGazetteer.load())
        }
        for customer in DemoCouncil.customers where try await customers.find(id: customer.id, councilID: council.id) == nil {
            try await customers.create(customer, passwordHash: nil)
        }
        return outcome
    }
}
