import Foundation
import FrontDoorDomain
import FrontDoorPersistence

/// What one dashboard request does, without HTTP: read the counts for the period and the one
/// before, then build every table. The benchmark times this; the page adds only its template.
public enum PerformanceDashboardWork {
    /// The number of table rows built (so the work cannot be optimised away).
    public static func run(database: Database, council: Council, period: ReportingPeriod, bankHolidays: BankHolidays,
                           today: LocalDate) async throws -> Int {
        let services = ServiceRepository(database: database), teams = TeamRepository(database: database)
        let dashboard = try await PerformanceDashboard.load(
            councils: [council], period: period, performance: PerformanceRepository(database: database),
            calendars: CouncilCalendarRepository(database: database, shipped: bankHolidays),
            costs: ChannelCostRepository(database: database), today: today)
        let tables = PerformanceTables(dashboard: dashboard, names: try await .of(councils: [council], services: services, teams: teams),
                                       contactsHref: { _ in "" }, casesHref: { _ in "" })
        return tables.all(.service) { _ in "" }.reduce(0) { $0 + $1.table.rows.count }
    }
}
