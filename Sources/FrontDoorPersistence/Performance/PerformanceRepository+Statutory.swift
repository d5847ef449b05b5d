import Foundation
import FrontDoorDomain

extension PerformanceRepository {
    /// Complaints answered on time per stage, and resolved at stage 1, for one council (its
    /// policies and calendar are its own; `ComplaintFigures(combining:)` adds councils up).
    public func complaints(councilID: UUID, period: ReportingPeriod, calendar: WorkingDayCalendar, today: LocalDate) async throws
        -> ComplaintFigures {
        try await ComplaintReportRepository(database: database)
            .report(councilID: councilID, period: period.dates, calendar: calendar, today: today).figures
    }

    /// FOI and EIR requests answered within 20 working days, for one council. `calendar` is its
    /// `StatutoryCalendars.informationRequests`.
    public func informationRequests(councilID: UUID, period: ReportingPeriod, calendar: WorkingDayCalendar, today: LocalDate) async throws
        -> InformationRequestFigures {
        let requests = try await InformationRequestRepository(database: database).statutoryRequests(councilID: councilID, receivedOnOrBefore: period.last)
        return InformationRequestFigures(requests.compactMap { request in
            request.statutoryClock.map { InformationRequestFigures.Request(clock: $0, answeredOn: request.answeredOn) }
        }, calendar: calendar, period: period.dates, today: today)
    }
}
