import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// The council's public complaint pages: "You said, we did" and the annual complaints report
/// (HTML and CSV). They name services and changes, never the people who complained.
struct ComplaintPublicRoutes<Context: CouncilScopedContext> {
    let renderer: PageRenderer
    let learning: LearningActionRepository
    let reports: ComplaintReportRepository
    let processes: ServiceProcessRepository
    let services: ServiceRepository
    let calendars: CouncilCalendarRepository

    init(renderer: PageRenderer, database: Database, bankHolidays: BankHolidays) {
        self.renderer = renderer
        learning = LearningActionRepository(database: database)
        reports = ComplaintReportRepository(database: database)
        processes = ServiceProcessRepository(database: database)
        services = ServiceRepository(database: database)
        calendars = CouncilCalendarRepository(database: database, shipped: bankHolidays)
    }

    /// Years before this one a report may be asked for: the Ombudsmen ask councils to keep
    /// their reports available, and older figures are in the CSVs people downloaded.
    static var yearsShown: Int { 6 }

    func register(on router: Router<Context>) {
        let routes = self
        router.get(SitePath.youSaidWeDid.routerPath) { _, context -> Response in
            guard let council = context.council else { throw HTTPError(.notFound) }
            let language = context.language
            let changes = try await routes.learning.published(councilID: council.id).map { published in
                YouSaidWeDidPage.Change(serviceName: published.serviceName, youSaid: published.action.youSaid, weDid: published.action.weDid,
                                        done: published.action.completedOn.map { L("yswd_done", language, ["date": CaseDates.date($0, language)]) } ?? "")
            }
            let complaintService = try await routes.complaintService(council)
            return try routes.renderer.response(YouSaidWeDidPage(
                chrome: ChromeFactory.chrome(pageTitle: L("yswd_heading", language), context: context), changes: changes,
                reportHref: SitePath.complaintsReport.href(basePath: context.basePath),
                complainHref: complaintService.map { context.basePath + ResidentPaths.services + "/" + $0.code.value }))
        }

        router.get(SitePath.complaintsReport.routerPath) { request, context -> Response in
            guard let council = context.council else { throw HTTPError(.notFound) }
            let year = try Self.year(request)
            let report = try await routes.report(council, year)
            return try routes.renderer.response(routes.page(report, year: year, context))
        }

        router.get(SitePath.complaintsReportCSV.routerPath) { request, context -> Response in
            guard let council = context.council else { throw HTTPError(.notFound) }
            let year = try Self.year(request)
            let report = try await routes.report(council, year)
            return Response(status: .ok, headers: [
                .contentType: "text/csv; charset=utf-8",
                .contentDisposition: "attachment; filename=\"complaints-report-\(year.startYear)-\(year.startYear + 1).csv\"",
                .cacheControl: "no-store",
            ], body: .init(byteBuffer: ByteBuffer(string: try ComplaintReportCSV.render(report, year: year))))
        }
    }

    /// The year asked for (`?year=2026` for 2026 to 2027), else the current one; a year the
    /// report does not offer is a clear 400.
    static func year(_ request: Request) throws -> FinancialYear {
        let current = FinancialYear(containing: LocalDate(Date()))
        guard let asked = request.uri.queryParameters["year"].map(String.init), !asked.isEmpty else { return current }
        guard let start = Int(asked), (current.startYear - yearsShown...current.startYear).contains(start) else {
            throw HTTPError(.badRequest, message: "Choose a financial year from \(current.startYear - yearsShown) to \(current.startYear)")
        }
        return FinancialYear(startYear: start)
    }

    func report(_ council: Council, _ year: FinancialYear) async throws -> ComplaintAnnualReport {
        let calendar = try await calendars.rules(for: council).deadlines.calendar
        return try await reports.report(councilID: council.id, period: year.period, calendar: calendar, today: LocalDate(Date()))
    }

    func complaintService(_ council: Council) async throws -> CouncilService? {
        let complaintIDs = try await processes.all(councilID: council.id).filter { $0.value == .complaint }.map(\.key)
        return try await services.all(councilID: council.id).first { complaintIDs.contains($0.id) && $0.isActive }
    }

    func page(_ report: ComplaintAnnualReport, year: FinancialYear, _ context: Context) -> ComplaintReportPage {
        let language = context.language
        let current = FinancialYear(containing: LocalDate(Date()))
        func percent(_ value: Double?) -> String { value.map { String(Int($0.rounded())) + "%" } ?? L("report_none_due", language) }
        func columns(_ counts: ComplaintAnnualReport.OutcomeCounts) -> [String] {
            [String(counts.upheld), String(counts.partlyUpheld), String(counts.notUpheld)]
        }
        let outcomeHeads = ["report_col_upheld", "report_col_partly", "report_col_not_upheld"].map { L($0, language) }
        var summary: [SummaryList.Row] = [
            .init(key: L("report_received", language), value: String(report.received)),
            .init(key: L("report_resolved_stage_one", language), value: percent(report.figures.resolvedAtStageOnePercentage)),
        ]
        summary += report.figures.stages.map { stage in
            .init(key: L("report_on_time_stage", language, ["number": String(stage.number)]), value: percent(stage.onTimePercentage))
        }
        let heading = L("report_heading", language, ["year": year.description])
        return ComplaintReportPage(
            chrome: ChromeFactory.chrome(pageTitle: heading, context: context), heading: heading,
            action: SitePath.complaintsReport.href(basePath: context.basePath),
            year: Select(id: "year", label: Label(L("report_year", language)),
                         options: (current.startYear - Self.yearsShown...current.startYear).reversed().map {
                             (value: String($0), text: FinancialYear(startYear: $0).description)
                         }, selected: String(year.startYear)),
            show: Button(L("report_show", language), variant: .secondary),
            summary: SummaryList(rows: summary),
            byService: report.byService.isEmpty ? nil : Table(
                caption: L("report_by_service", language),
                head: [L("report_col_service", language), L("report_col_received", language), L("report_col_escalated", language)] + outcomeHeads,
                rows: report.byService.map { [$0.serviceName, String($0.received), String($0.escalated)] + columns($0.outcomes) },
                numericColumns: [1, 2, 3, 4, 5], firstCellIsHeader: true),
            byStage: report.byStage.isEmpty ? nil : Table(
                caption: L("report_by_stage", language),
                head: [L("report_col_stage", language), L("report_col_responses", language), L("report_col_on_time", language),
                       L("report_col_average_days", language)] + outcomeHeads,
                rows: report.byStage.map { stage in
                    [L("report_stage", language, ["number": String(stage.number)]), String(stage.answered), percent(stage.onTimePercentage),
                     stage.averageWorkingDays.map { String(format: "%.1f", $0) } ?? "–"] + columns(stage.outcomes)
                },
                numericColumns: [1, 2, 3, 4, 5, 6], firstCellIsHeader: true),
            compliments: report.compliments.isEmpty ? nil : Table(
                caption: L("report_compliments", language), head: [L("report_col_service", language), L("report_col_count", language)],
                rows: report.compliments.map { [$0.serviceName, String($0.count)] }, numericColumns: [1], firstCellIsHeader: true),
            comments: report.comments.isEmpty ? nil : Table(
                caption: L("report_comments", language), head: [L("report_col_service", language), L("report_col_count", language)],
                rows: report.comments.map { [$0.serviceName, String($0.count)] }, numericColumns: [1], firstCellIsHeader: true),
            csvHref: SitePath.complaintsReportCSV.href(basePath: context.basePath) + "?year=\(year.startYear)")
    }
}
