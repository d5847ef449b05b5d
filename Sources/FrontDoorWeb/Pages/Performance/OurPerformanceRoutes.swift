import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// The public "Our performance" page. Its figures are worked out from the records, last month
/// and the last twelve, and kept for a few minutes per council: the page is public, and
/// counting a large council's year on every visit would let anyone keep the database busy.
struct OurPerformanceRoutes<Context: CouncilScopedContext> {
    let renderer: PageRenderer
    let performance: PerformanceRepository
    let calendars: CouncilCalendarRepository
    let services: ServiceRepository
    let cache: PublishedFiguresCache

    init(renderer: PageRenderer, database: Database, bankHolidays: BankHolidays, cache: PublishedFiguresCache = PublishedFiguresCache()) {
        self.renderer = renderer
        performance = PerformanceRepository(database: database)
        calendars = CouncilCalendarRepository(database: database, shipped: bankHolidays)
        services = ServiceRepository(database: database)
        self.cache = cache
    }

    func register(on router: Router<Context>) {
        let routes = self
        router.get(SitePath.ourPerformance.routerPath) { _, context -> Response in
            guard let council = context.council else { throw HTTPError(.notFound) }
            let (figures, at) = try await routes.cache.figures(councilID: council.id) {
                try await routes.figures(council, today: LocalDate(Date()))
            }
            return try routes.renderer.response(try await routes.page(council, figures: figures, at: at, context))
        }
    }

    func figures(_ council: Council, today: LocalDate) async throws -> PublishedFiguresCache.Entry {
        let rules = try await calendars.rules(for: council)
        let month = ReportingPeriod.lastWholeMonth(before: today), year = ReportingPeriod.lastTwelveMonths(before: today)
        let complaints = try await performance.complaints(councilID: council.id, periods: [month, year], calendar: rules.deadlines.calendar, today: today)
        let requests = try await performance.informationRequests(councilID: council.id, periods: [month, year],
                                                                 calendar: rules.statutoryCalendars.informationRequests, today: today)
        func figures(_ index: Int, _ period: ReportingPeriod) async throws -> PublishedFigures {
            let resolved = try await performance.resolved(councilIDs: [council.id], period: period)
            return PublishedFigures(
                standards: Dictionary(grouping: resolved, by: \.serviceID).mapValues(PerformanceCounts.standard),
                complaints: complaints[index], informationRequests: requests[index],
                calls: try await performance.calls(councilIDs: [council.id], period: period),
                satisfaction: try await performance.satisfaction(councilIDs: [council.id], period: period))
        }
        return .init(month: month, lastMonth: try await figures(0, month), lastYear: try await figures(1, year))
    }

    func page(_ council: Council, figures entry: PublishedFiguresCache.Entry, at: Date, _ context: Context) async throws -> OurPerformancePage {
        let language = context.language
        func share(_ part: Int, _ whole: Int) -> String {
            guard let percent = Percentage.of(part, whole) else { return L("perf_no_data", language) }
            return L("perf_share", language, ["percent": FigureText.percent(percent), "part": FigureText.count(part), "whole": FigureText.count(whole)])
        }
        let monthName = (language == .welsh ? UKDateFormat.welshMonths : UKDateFormat.months)[entry.month.first.month - 1] + " \(entry.month.first.year)"
        let published = try await services.all(councilID: council.id).filter(\.isActive).sorted { $0.name < $1.name }
        let serviceRows = published.map { service -> [String] in
            let month = entry.lastMonth.standards[service.id] ?? .none, year = entry.lastYear.standards[service.id] ?? .none
            return [service.name, service.standard.statement, share(month.met, month.resolved), share(year.met, year.resolved)]
        }
        var promises: [[String]] = []
        let stages = Set(entry.lastMonth.complaints.stages.map(\.number)).union(entry.lastYear.complaints.stages.map(\.number)).sorted()
        for stage in stages.isEmpty ? [1, 2] : stages {
            let month = entry.lastMonth.complaints.stages.first { $0.number == stage }, year = entry.lastYear.complaints.stages.first { $0.number == stage }
            promises.append([L("perf_complaint_stage", language, ["stage": String(stage)]),
                             share(month?.answeredOnTime ?? 0, month?.due ?? 0), share(year?.answeredOnTime ?? 0, year?.due ?? 0)])
        }
        promises.append([L("perf_foi", language),
                         share(entry.lastMonth.informationRequests.answeredWithinTwentyWorkingDays, entry.lastMonth.informationRequests.due),
                         share(entry.lastYear.informationRequests.answeredWithinTwentyWorkingDays, entry.lastYear.informationRequests.due)])
        promises.append([L("perf_calls", language), share(entry.lastMonth.calls.answered, entry.lastMonth.calls.offered),
                         share(entry.lastYear.calls.answered, entry.lastYear.calls.offered)])
        promises.append([L("perf_satisfied", language), share(entry.lastMonth.satisfaction.satisfied, entry.lastMonth.satisfaction.rated),
                         share(entry.lastYear.satisfaction.satisfied, entry.lastYear.satisfaction.rated)])
        let columns = [L("perf_col_last_month", language, ["month": monthName]), L("perf_col_last_year", language)]
        return OurPerformancePage(
            chrome: ChromeFactory.chrome(pageTitle: L("perf_heading", language), context: context),
            updated: L("perf_updated", language, ["time": UKDateFormat.dateAndTime(at, language)]),
            services: published.isEmpty ? nil : Table(
                caption: L("perf_services_caption", language),
                head: [L("perf_col_service", language), L("perf_col_standard", language)] + columns,
                rows: serviceRows, numericColumns: [2, 3], firstCellIsHeader: true),
            promises: Table(caption: L("perf_promises_caption", language), head: [L("perf_col_promise", language)] + columns,
                            rows: promises, numericColumns: [1, 2], firstCellIsHeader: true),
            complaintsReportHref: SitePath.complaintsReport.href(basePath: context.basePath),
            youSaidWeDidHref: SitePath.youSaidWeDid.href(basePath: context.basePath))
    }
}

/// One period's published figures.
struct PublishedFigures: Sendable {
    var standards: [UUID: CaseFigures.Standard]
    var complaints: ComplaintFigures
    var informationRequests: InformationRequestFigures
    var calls: CallFigures
    var satisfaction: SatisfactionFigures
}

/// Published figures per council, kept for `lifetime` (ten minutes unless told otherwise).
final class PublishedFiguresCache: Sendable {
    struct Entry: Sendable {
        var month: ReportingPeriod
        var lastMonth: PublishedFigures
        var lastYear: PublishedFigures
    }

    private actor Store {
        var entries: [UUID: (entry: Entry, at: Date)] = [:]
        func get(_ id: UUID) -> (entry: Entry, at: Date)? { entries[id] }
        func set(_ id: UUID, _ value: (entry: Entry, at: Date)) { entries[id] = value }
    }

    private let store = Store()
    let lifetime: TimeInterval

    init(lifetime: TimeInterval = 600) {
        self.lifetime = lifetime
    }

    func figures(councilID: UUID, now: Date = Date(), make: () async throws -> Entry) async throws -> (Entry, Date) {
        if let kept = await store.get(councilID), now.timeIntervalSince(kept.at) < lifetime { return (kept.entry, kept.at) }
        let fresh = try await make()
        await store.set(councilID, (fresh, now))
        return (fresh, now)
    }
}
