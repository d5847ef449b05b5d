import Foundation
import FrontDoorDomain

extension PerformanceRepository {
    /// Complaints answered on time per stage, and resolved at stage 1, for one council in each
    /// of `periods` (its policies and calendar are its own; `ComplaintFigures(combining:)` adds
    /// councils up). The complaints are read once for all the periods.
    public func complaints(councilID: UUID, periods: [ReportingPeriod], calendar: WorkingDayCalendar, today: LocalDate) async throws
        -> [ComplaintFigures] {
        guard let last = periods.map(\.last).max() else { return [] }
        let complaints = try await ComplaintReportRepository(database: database).entries(councilID: councilID, receivedOnOrBefore: last)
            .map(\.complaint)
        return periods.map { ComplaintFigures(complaints, policies: ComplaintPolicy.standard(for:), calendar: calendar, period: $0.dates, today: today) }
    }

    /// FOI and EIR requests answered within 20 working days, for one council in each of
    /// `periods`, read once. `calendar` is its `StatutoryCalendars.informationRequests`.
    public func informationRequests(councilID: UUID, periods: [ReportingPeriod], calendar: WorkingDayCalendar, today: LocalDate) async throws
        -> [InformationRequestFigures] {
        guard let last = periods.map(\.last).max() else { return [] }
        let requests = try await InformationRequestRepository(database: database).statutoryRequests(councilID: councilID, receivedOnOrBefore: last)
            .compactMap { request in request.statutoryClock.map { InformationRequestFigures.Request(clock: $0, answeredOn: request.answeredOn) } }
        return periods.map { InformationRequestFigures(requests, calendar: calendar, period: $0.dates, today: today) }
    }

    public func complaints(councilID: UUID, period: ReportingPeriod, calendar: WorkingDayCalendar, today: LocalDate) async throws -> ComplaintFigures {
        try await complaints(councilID: councilID, periods: [period], calendar: calendar, today: today)[0]
    }

    public func informationRequests(councilID: UUID, period: ReportingPeriod, calendar: WorkingDayCalendar, today: LocalDate) async throws
        -> InformationRequestFigures {
        try await informationRequests(councilID: councilID, periods: [period], calendar: calendar, today: today)[0]
    }
}
