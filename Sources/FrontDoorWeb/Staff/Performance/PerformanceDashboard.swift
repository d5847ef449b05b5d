import Foundation
import FrontDoorDomain
import FrontDoorPersistence

/// Everything the dashboard shows for a period and the one before it, read once per request.
/// The figures themselves are the domain's (`ContactFigures`, `CaseFigures`, `CostToServe` and
/// the rest); this only gathers their counts.
struct PerformanceDashboard: Sendable {
    var period: ReportingPeriod
    var current: PerformanceCounts
    var previous: PerformanceCounts
    var complaints: ComplaintFigures
    var previousComplaints: ComplaintFigures
    var informationRequests: InformationRequestFigures
    var previousInformationRequests: InformationRequestFigures
    var trendSteps: [ReportingPeriod]
    var trend: [[Contact.Channel: Int]]
    var costs: ChannelCosts

    static func load(council: Council, period: ReportingPeriod, performance: PerformanceRepository, calendars: CouncilCalendarRepository,
                     costs: ChannelCosts, today: LocalDate) async throws -> PerformanceDashboard {
        let councilIDs = [council.id]
        let rules = try await calendars.rules(for: council)
        let complaintCalendar = rules.deadlines.calendar, requestCalendar = rules.statutoryCalendars.informationRequests
        let steps = period.steps, periods = [period, period.previous]
        let complaints = try await performance.complaints(councilID: council.id, periods: periods, calendar: complaintCalendar, today: today)
        let requests = try await performance.informationRequests(councilID: council.id, periods: periods, calendar: requestCalendar, today: today)
        return PerformanceDashboard(
            period: period,
            current: try await performance.counts(councilIDs: councilIDs, period: period),
            previous: try await performance.counts(councilIDs: councilIDs, period: period.previous),
            complaints: complaints[0], previousComplaints: complaints[1],
            informationRequests: requests[0], previousInformationRequests: requests[1],
            trendSteps: steps, trend: try await performance.contactTrend(councilIDs: councilIDs, steps: steps), costs: costs)
    }

    var contacts: ContactFigures { current.contactFigures }
    var previousContacts: ContactFigures { previous.contactFigures }
    var cases: CaseFigures { current.caseFigures }
    var previousCases: CaseFigures { previous.caseFigures }
    var cost: CostToServe { CostToServe(contacts, baseline: previousContacts, costs: costs) }
    var previousCost: CostToServe { CostToServe(previousContacts, baseline: previousContacts, costs: costs) }
}
