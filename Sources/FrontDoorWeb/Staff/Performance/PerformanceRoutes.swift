import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// The manager dashboard (`/staff/performance`), each of its tables as CSV, and the contacts and
/// cases behind its figures. Seeing the figures needs the performance permission; the lists
/// behind them need the permission to see customers (contacts) or cases as well. The figures of
/// a shared service the viewer's council belongs to need the shared-service permission, and
/// link to no records: each council's records are its own.
struct PerformanceRoutes {
    let renderer: PageRenderer
    let performance: PerformanceRepository
    let calendars: CouncilCalendarRepository
    let services: ServiceRepository
    let teams: TeamRepository
    let costs: ChannelCostRepository
    let councils: CouncilRepository
    let sharedServices: SharedServiceRepository

    init(renderer: PageRenderer, database: Database, bankHolidays: BankHolidays) {
        self.renderer = renderer
        performance = PerformanceRepository(database: database)
        calendars = CouncilCalendarRepository(database: database, shipped: bankHolidays)
        services = ServiceRepository(database: database)
        teams = TeamRepository(database: database)
        costs = ChannelCostRepository(database: database)
        councils = CouncilRepository(database: database)
        sharedServices = SharedServiceRepository(database: database)
    }

    /// Whose figures a dashboard shows: the viewer's council, or a shared service it belongs to.
    struct Scope {
        var councils: [Council]
        var shared: SharedService?
        /// The shared services the viewer may switch to.
        var choices: [SharedService]
    }

    func register(on router: Router<ResidentRequestContext>) {
        let routes = self
        let staff = router.group(RouterPath(StaffPaths.home), context: StaffRequestContext.self)

        staff.get("performance") { request, context -> Response in
            try context.require(.viewPerformance)
            let query = PerformanceQuery(request, today: LocalDate(Date()))
            let scope = try await routes.scope(query, context)
            let tables = try await routes.tables(query, scope, context)
            return try routes.renderer.response(routes.page(query, tables: tables, scope: scope, context),
                                                status: query.problems.isEmpty ? .ok : .unprocessableContent)
        }

        staff.get("performance.csv") { request, context -> Response in
            try context.require(.viewPerformance)
            try context.require(.exportReports)
            let query = PerformanceQuery(request, today: LocalDate(Date()))
            guard query.problems.isEmpty else { throw HTTPError(.badRequest, message: query.problems.map(\.message).joined(separator: ". ")) }
            let tables = try await routes.tables(query, try await routes.scope(query, context), context)
            let wanted = request.uri.queryParameters["table"].map(String.init) ?? ""
            guard let section = routes.sections(tables, query, context).first(where: { $0.id == wanted }) else {
                throw HTTPError(.badRequest, message: "Choose a table of the dashboard to download")
            }
            return Response(status: .ok, headers: [
                .contentType: "text/csv; charset=utf-8",
                .contentDisposition: "attachment; filename=\"performance-\(section.id)-\(query.period.first)-to-\(query.period.last).csv\"",
                .cacheControl: "no-store",
            ], body: .init(byteBuffer: ByteBuffer(string: try TableCSV.render(section.table))))
        }

        staff.get("performance/contacts") { request, context -> Response in
            try context.require(.viewPerformance)
            try context.require(.viewCustomer)
            let query = PerformanceQuery(request, today: LocalDate(Date()))
            let filter = try Self.drillDown(request)
            let found = try await routes.performance.contacts(councilIDs: [context.staff.councilID], period: query.period, matching: filter)
            let names = try await routes.names(context)
            let table = found.isEmpty ? nil : Table(
                caption: nil, head: ["When", "Channel", "About", "Outcome", "Demand", "Customer"],
                rows: found.map { contact in
                    [UKDateFormat.dateAndTime(contact.recordedAt), contact.channel.displayName,
                     contact.serviceID.flatMap { names.services[$0] } ?? "—", contact.outcome.displayName,
                     contact.demand.displayName.components(separatedBy: " (").first ?? "", contact.customerID == nil ? "Not known" : "Open record"]
                },
                links: found.map { contact in
                    [nil, nil, nil, nil, nil, contact.customerID.map { context.basePath + StaffPaths.customers + "/" + $0.uuidString }]
                })
            return try routes.renderer.response(routes.recordsPage("Contacts behind the figure", count: found.count, query: query, table: table, context))
        }

        staff.get("performance/cases") { request, context -> Response in
            try context.require(.viewPerformance)
            try context.require(.viewCase)
            let query = PerformanceQuery(request, today: LocalDate(Date()))
            let filter = try Self.drillDown(request)
            let found = try await routes.performance.cases(councilIDs: [context.staff.councilID], period: query.period, matching: filter)
            let names = try await routes.names(context)
            let table = found.isEmpty ? nil : Table(
                caption: nil, head: ["Reference", "Service", "Received", "Channel", "Status"],
                rows: found.map { item in
                    [item.reference.description, names.services[item.serviceID] ?? "—", UKDateFormat.dateAndTime(item.receivedAt),
                     item.channel.displayName, item.status.displayName]
                },
                firstCellLinks: found.map { context.basePath + StaffPaths.cases + "/" + $0.reference.description })
            return try routes.renderer.response(routes.recordsPage("Requests behind the figure", count: found.count, query: query, table: table, context))
        }
    }

    func names(_ context: StaffRequestContext) async throws -> PerformanceTables.Names {
        guard let council = context.council else { throw HTTPError(.notFound) }
        return try await PerformanceTables.Names.of(councils: [council], services: services, teams: teams)
    }

    /// A shared service that is not one of the viewer's council's is not found, as another
    /// council's record would not be; a role without the permission is refused.
    func scope(_ query: PerformanceQuery, _ context: StaffRequestContext) async throws -> Scope {
        guard let council = context.council, !query.scopeIsMalformed else { throw HTTPError(.notFound) }
        let member = context.member, ours = try await sharedServices.all(including: council.id)
        let choices = ours.filter { Permissions.maySee(member, $0) == .allowed }
        guard let wanted = query.scope else { return Scope(councils: [council], shared: nil, choices: choices) }
        guard let shared = ours.first(where: { $0.id == wanted }) else { throw HTTPError(.notFound) }
        try context.require(Permissions.maySee(member, shared))
        var members: [Council] = []
        for id in shared.councilIDs {
            if let member = try await councils.find(id: id) { members.append(member) }
        }
        return Scope(councils: members, shared: shared, choices: choices)
    }

    func tables(_ query: PerformanceQuery, _ scope: Scope, _ context: StaffRequestContext) async throws -> PerformanceTables {
        let dashboard = try await PerformanceDashboard.load(councils: scope.councils, period: query.period, baseline: query.baseline, performance: performance,
                                                            calendars: calendars, costs: costs, today: LocalDate(Date()))
        let base = context.basePath, own = scope.shared == nil
        let contactsHref: (([(String, String)]) -> String)? = own && context.may(.viewCustomer)
            ? { base + StaffPaths.performanceContacts + PerformanceQuery.query(query.period, by: query.dimension, extra: $0) } : nil
        let casesHref: (([(String, String)]) -> String)? = own && context.may(.viewCase)
            ? { base + StaffPaths.performanceCases + PerformanceQuery.query(query.period, by: query.dimension, extra: $0) } : nil
        return PerformanceTables(dashboard: dashboard, names: try await .of(councils: scope.councils, services: services, teams: teams),
                                 contactsHref: contactsHref, casesHref: casesHref)
    }

    func sections(_ tables: PerformanceTables, _ query: PerformanceQuery, _ context: StaffRequestContext) -> [PerformanceSection] {
        let base = context.basePath
        var sections = tables.all(query.dimension) { base + StaffPaths.performance + query.link(query.period, by: $0) + "#by-\($0.rawValue)-heading" }
        if context.may(.exportReports) {
            for index in sections.indices {
                sections[index].csvHref = base + StaffPaths.performanceCSV + query.link(query.period, by: query.dimension, extra: [("table", sections[index].id)])
            }
        }
        return sections
    }

    func page(_ query: PerformanceQuery, tables: PerformanceTables, scope: Scope, _ context: StaffRequestContext) -> PerformancePage {
        let today = LocalDate(Date()), base = context.basePath
        let presets: [(String, ReportingPeriod)] = [
            ("Last month", .lastWholeMonth(before: today)),
            ("Last 3 months", ReportingPeriod(first: ReportingPeriod.lastWholeMonth(before: today).first.adding(months: -2),
                                              last: ReportingPeriod.lastWholeMonth(before: today).last)!),
            ("Last 12 months", .lastTwelveMonths(before: today)),
            ("This month so far", ReportingPeriod(first: LocalDate(year: today.year, month: today.month, day: 1)!, last: today)!),
        ]
        let typed = query.typed
        let baselinePeriod = query.baseline.period(for: query.period)
        let scopePair = query.scope.map { [(PerformanceQuery.scopeField, $0.uuidString.lowercased())] } ?? []
        func hidden(_ pairs: [(String, String)]) -> [PerformancePage.HiddenField] { pairs.map { .init(name: $0.0, value: $0.1) } }
        func problemIn(_ fields: String...) -> Bool { query.problems.contains { fields.contains($0.field) } }
        func problem(_ field: String) -> String? { query.problems.first { $0.field == field }?.message }
        func dateInput(_ field: String, legend: String, _ date: LocalDate) -> DateInput {
            let values = typed.flatMap { $0.isBlankDate(field) ? nil : $0.typedDate(field) } ?? (String(date.day), String(date.month), String(date.year))
            return DateInput(id: field, fieldset: Fieldset(legend: legend, legendClasses: "fd-fieldset__legend--s"), hint: nil,
                             error: problem(field), day: values.0, month: values.1, year: values.2)
        }
        return PerformancePage(
            chrome: ChromeFactory.chrome(pageTitle: "Performance", context: context, hasErrors: !query.problems.isEmpty),
            backLink: BackLink(href: base + StaffPaths.home, text: "Staff home"),
            errorSummary: query.problems.isEmpty ? nil : ErrorSummary(errors: query.problems.map { FieldError(fieldID: $0.field, message: $0.message) }),
            councilName: scope.shared?.name ?? scope.councils[0].name,
            memberCouncils: scope.shared == nil ? nil : "Councils: " + scope.councils.map(\.name).joined(separator: ", ")
                + ". The figures link to no records: each council’s records are its own.",
            scopeLinks: scope.choices.isEmpty ? [] : [
                .init(text: context.council?.name ?? "", href: base + StaffPaths.performance
                        + PerformanceQuery.query(query.period, by: query.dimension, extra: query.baselinePairs(query.baseline)),
                      isCurrent: scope.shared == nil),
            ] + scope.choices.map { service in
                .init(text: service.name, href: base + StaffPaths.performance
                        + PerformanceQuery.query(query.period, by: query.dimension, scope: service.id, extra: query.baselinePairs(query.baseline)),
                      isCurrent: scope.shared?.id == service.id)
            },
            hasScopeChoices: !scope.choices.isEmpty,
            periodText: "\(PeriodText.short(query.period)), compared with \(PeriodText.short(query.period.previous))",
            periodLinks: presets.map { name, period in
                .init(text: name, href: base + StaffPaths.performance + query.link(period, by: query.dimension),
                      isCurrent: period == query.period && query.problems.isEmpty)
            },
            action: base + StaffPaths.performance,
            from: dateInput(PerformanceQuery.fromField, legend: "From", query.period.first),
            to: dateInput(PerformanceQuery.toField, legend: "To", query.period.last),
            periodHidden: hidden([("by", query.dimension.rawValue)] + scopePair + query.baselinePairs(query.baseline)),
            show: Button("Show these dates", variant: .secondary),
            periodOpen: problemIn(PerformanceQuery.fromField, PerformanceQuery.toField),
            baselineText: "Channel shift is measured against " + PerformanceTables.baselineName(query.baseline, period: query.period) + ".",
            baselineLinks: [
                .init(text: "The previous period", href: base + StaffPaths.performance + query.link(baseline: .previousPeriod),
                      isCurrent: query.baseline == .previousPeriod),
                .init(text: "The same period a year before", href: base + StaffPaths.performance + query.link(baseline: .yearBefore),
                      isCurrent: query.baseline == .yearBefore),
            ],
            baselineFrom: dateInput(PerformanceQuery.baselineFromField, legend: "Baseline from", baselinePeriod.first),
            baselineTo: dateInput(PerformanceQuery.baselineToField, legend: "Baseline to", baselinePeriod.last),
            baselineHidden: hidden([("from", query.period.first.description), ("to", query.period.last.description), ("by", query.dimension.rawValue)]
                + scopePair),
            useBaseline: Button("Use this baseline", variant: .secondary),
            baselineOpen: problemIn(PerformanceQuery.baselineFromField, PerformanceQuery.baselineToField) || { if case .chosen = query.baseline { true } else { false } }(),
            sections: sections(tables, query, context),
            publicPageHref: SitePath.ourPerformance.href(basePath: base),
            costsHref: context.may(.manageCouncilSettings) ? base + StaffPaths.channelCosts : nil)
    }

    func recordsPage(_ heading: String, count: Int, query: PerformanceQuery, table: Table?, _ context: StaffRequestContext) -> PerformanceRecordsPage {
        PerformanceRecordsPage(
            chrome: ChromeFactory.chrome(pageTitle: heading, context: context),
            backLink: BackLink(href: context.basePath + StaffPaths.performance + PerformanceQuery.query(query.period, by: query.dimension), text: "Performance"),
            heading: heading, description: "\(PeriodText.short(query.period)), newest first.",
            table: table,
            limitNote: count >= PerformanceRepository.drillDownLimit ? "Only the newest \(PerformanceRepository.drillDownLimit) are shown." : nil)
    }

    /// The drill-down filters in the address; a filter that is not a real value is a 400.
    static func drillDown(_ request: Request) throws -> PerformanceRepository.DrillDown {
        let parameters = request.uri.queryParameters
        func match(_ name: String) throws -> PerformanceRepository.DrillDown.Match<UUID> {
            guard let raw = parameters[Substring(name)].map(String.init) else { return .any }
            if raw == "none" { return .none }
            guard let id = UUID(uuidString: raw) else { throw HTTPError(.badRequest, message: "The \(name) in the address is not one of the council’s") }
            return .value(id)
        }
        var filter = PerformanceRepository.DrillDown(service: try match("service"), team: try match("team"))
        if let ward = parameters["ward"].map(String.init) { filter.ward = ward == "none" ? .none : .value(ward) }
        if let channel = parameters["channel"].map(String.init) {
            guard Contact.Channel(rawValue: channel) != nil else { throw HTTPError(.badRequest, message: "Choose a channel the council records") }
            filter.channel = channel
        }
        if let demand = parameters["demand"].map(String.init) {
            guard let known = Contact.Demand(rawValue: demand) else { throw HTTPError(.badRequest, message: "Choose a kind of demand the council records") }
            filter.demand = known
        }
        return filter
    }
}
