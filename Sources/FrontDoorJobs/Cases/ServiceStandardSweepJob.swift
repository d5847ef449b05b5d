import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Logging

/// Marks open cases due soon or overdue against their service standard, and tells the team
/// leads of the case's team by email, once per change of state.
public struct ServiceStandardSweepJob: RecurringJob {
    public let name = "service-standard-sweep"
    public let interval: Duration
    let cases: CaseRepository
    let councils: CouncilRepository
    let services: ServiceRepository
    let staff: StaffAccountRepository
    let teams: TeamRepository
    let calendars: CouncilCalendarRepository
    /// The case's page, for the alert: from BASE_URL.
    let caseLink: @Sendable (CaseReference) -> String
    let now: @Sendable () -> Date

    public init(database: Database, hasher: PasswordHasher, bankHolidays: BankHolidays, interval: Duration = .seconds(900),
                caseLink: @escaping @Sendable (CaseReference) -> String, now: @escaping @Sendable () -> Date = Date.init) {
        self.cases = CaseRepository(database: database)
        self.councils = CouncilRepository(database: database)
        self.services = ServiceRepository(database: database)
        self.staff = StaffAccountRepository(database: database, hasher: hasher)
        self.teams = TeamRepository(database: database)
        self.calendars = CouncilCalendarRepository(database: database, shipped: bankHolidays)
        self.interval = interval
        self.caseLink = caseLink
        self.now = now
    }

    public func run(logger: Logger) async throws {
        let now = self.now()
        for council in try await councils.all() {
            let assessment = try await calendars.rules(for: council).assessment
            let candidates = try await cases.casesToAssess(councilID: council.id, horizon: assessment.horizon(now: now),
                                                           horizonInstant: now.addingTimeInterval(assessment.dueSoonInterval))
            guard !candidates.isEmpty else { continue }
            let serviceNames = Dictionary(uniqueKeysWithValues: try await services.all(councilID: council.id).map { ($0.id, $0.name) })
            let accounts = try await staff.all(councilID: council.id)
            let memberships = try await teams.memberships(councilID: council.id)
            var changed = 0
            for item in candidates {
                let state = assessment.state(of: item.resolveBy, now: now)
                guard state != item.standardState else { continue }
                let service = serviceNames[item.serviceID] ?? "a request"
                if state == .onTrack {
                    // A deadline moved (an extension, a pause): quietly back on track.
                    try await cases.recordStandardState(item, state, note: "Back on track: the deadline moved", alerts: [], at: now)
                    continue
                }
                let note = state == .breached ? "Overdue: the service standard's deadline has passed" : "Due soon: the service standard's deadline is close"
                let leads = accounts.filter { account in
                    account.role == .teamLead && item.teamID.map { memberships[account.id]?.contains($0) == true } == true
                }
                let alerts = leads.map { lead in
                    QueuedEmail(councilID: council.id, fromName: council.name, toAddress: lead.email, toName: lead.displayName,
                                subject: "\(item.reference) is \(state == .breached ? "overdue" : "due soon"): \(service)",
                                bodyText: """
                                    \(item.reference) (\(service)) is \(state == .breached ? "overdue" : "due soon") against its service standard.

                                    Open the case:
                                    \(caseLink(item.reference))
                                    """)
                }
                try await cases.recordStandardState(item, state, note: note, alerts: alerts, at: now)
                changed += 1
            }
            if changed > 0 { logger.info("Service standards: \(changed) cases changed state", metadata: ["council": "\(council.slug.value)"]) }
        }
    }
}
