import Foundation
import FrontDoorDomain
import FrontDoorPersistence

/// Everything the dashboard shows for a period and the one before it, read once per request,
/// for one council or the councils of a shared service. The figures themselves are the domain's
/// (`ContactFigures`, `CaseFigures`, `CostToServe` and the rest, combined by `CombinedFigures`);
/// this only gathers their counts.
struct PerformanceDashboard: Sendable {
    /// One council's counts: each council keeps its own working-day calendar (for complaint and
    /// request deadlines) and its own cost per contact.
    struct Member: Sendable {
        var council: Council
        var current: PerformanceCounts
        var previous: PerformanceCounts
        /// The contacts of the period channel shift is measured against.
        var baseline: [ContactFigures.Count]
        var costs: ChannelCosts
    }

    var period: ReportingPeriod
    var baseline: ChannelShiftBaseline
    var members: [Member]
    var current: PerformanceCounts
    var previous: PerformanceCounts
    var complaints: ComplaintFigures
    var previousComplaints: ComplaintFigures
    var informationRequests: InformationRequestFigures
    var previousInformationRequests: InformationRequestFigures
    var trendSteps: [ReportingPeriod]
    var trend: [[Contact.Channel: Int]]

    var isShared: Bool { members.count > 1 }

    static func load(councils: [Council], period: ReportingPeriod, baseline: ChannelShiftBaseline = .previousPeriod,
                     performance: PerformanceRepository, calendars: CouncilCalendarRepository, costs: ChannelCostRepository,
                     today: LocalDate) async throws -> PerformanceDashboard {
        let steps = period.steps, periods = [period, period.previous], baselinePeriod = baseline.period(for: period)
        var members: [Member] = [], complaints: [[ComplaintFigures]] = [], requests: [[InformationRequestFigures]] = []
        for council in councils {
            let rules = try await calendars.rules(for: council)
            complaints.append(try await performance.complaints(councilID: council.id, periods: periods, calendar: rules.deadlines.calendar, today: today))
            requests.append(try await performance.informationRequests(councilID: council.id, periods: periods,
                                                                      calendar: rules.statutoryCalendars.informationRequests, today: today))
            var current = try await performance.counts(councilIDs: [council.id], period: period)
            var previous = try await performance.counts(councilIDs: [council.id], period: period.previous)
            if councils.count > 1 {
                // Two councils may each have a ward of the same name.
                current = current.renamingWards { "\($0) (\(council.name))" }
                previous = previous.renamingWards { "\($0) (\(council.name))" }
            }
            let baselineContacts = baselinePeriod == period.previous ? previous.contacts
                : try await performance.counts(councilIDs: [council.id], period: baselinePeriod).contacts
            members.append(Member(council: council, current: current, previous: previous, baseline: baselineContacts,
                                  costs: try await costs.costs(councilID: council.id)))
        }
        return PerformanceDashboard(
            period: period, baseline: baseline, members: members,
            current: PerformanceCounts(combining: members.map(\.current)), previous: PerformanceCounts(combining: members.map(\.previous)),
            complaints: ComplaintFigures(combining: complaints.map { $0[0] }), previousComplaints: ComplaintFigures(combining: complaints.map { $0[1] }),
            informationRequests: InformationRequestFigures(combining: requests.map { $0[0] }),
            previousInformationRequests: InformationRequestFigures(combining: requests.map { $0[1] }),
            trendSteps: steps, trend: try await performance.contactTrend(councilIDs: councils.map(\.id), steps: steps))
    }

    var contacts: ContactFigures { current.contactFigures }
    var previousContacts: ContactFigures { previous.contactFigures }
    var cases: CaseFigures { current.caseFigures }
    var previousCases: CaseFigures { previous.caseFigures }
    var baselineContacts: ContactFigures { ContactFigures(members.flatMap(\.baseline)) }
    /// Each council's contacts at its own costs, against its own channel mix in the baseline.
    var cost: CostToServe {
        CostToServe(combining: members.map { CostToServe($0.current.contactFigures, baseline: ContactFigures($0.baseline), costs: $0.costs) })
    }
    var previousCost: CostToServe {
        CostToServe(combining: members.map { CostToServe($0.previous.contactFigures, baseline: $0.previous.contactFigures, costs: $0.costs) })
    }
}
