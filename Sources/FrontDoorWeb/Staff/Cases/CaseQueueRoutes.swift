import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// Work queues per team and officer: filtered, sorted, a page at a time, and bulk assignment.
struct CaseQueueRoutes {
    let renderer: PageRenderer
    let cases: CaseRepository
    let services: ServiceRepository
    let teams: TeamRepository
    let staff: StaffAccountRepository
    let gazetteer: GazetteerRepository

    init(renderer: PageRenderer, database: Database, hasher: PasswordHasher) {
        self.renderer = renderer
        self.cases = CaseRepository(database: database)
        self.services = ServiceRepository(database: database)
        self.teams = TeamRepository(database: database)
        self.staff = StaffAccountRepository(database: database, hasher: hasher)
        self.gazetteer = GazetteerRepository(database: database)
    }

    static let caseworkRoles: Set<StaffRole> = [.advisor, .backOfficeOfficer, .teamLead, .complaintsOfficer, .informationRequestsOfficer, .manager]

    func register(on router: Router<ResidentRequestContext>) {
        let routes = self
        let staff = router.group(RouterPath(StaffPaths.queue), context: StaffRequestContext.self)

        staff.get { request, context -> Response in
            try context.require(.viewCase)
            let banner = request.uri.queryParameters["assigned"].map { NotificationBanner(heading: "\($0) assigned", isSuccess: true) }
            return try await routes.page(request, context, banner: banner)
        }

        staff.post("assign") { request, context -> Response in
            guard Permissions.grants(context.staff.role).contains(.assignCase) else { try context.require(.assignCase); throw HTTPError(.forbidden) }
            let form = try await FormInput.read(from: request, limit: 256 * 1024)
            let councilID = context.staff.councilID
            let ids = form.all("case").compactMap(UUID.init(uuidString:))
            let officers = try await routes.staff.all(councilID: councilID).filter { Self.caseworkRoles.contains($0.role) }
            let choice = form["assign-to"]
            let officer = officers.first { $0.id.uuidString == choice }
            var problems: [FieldError] = []
            if ids.isEmpty { problems.append(FieldError(fieldID: "assign-to", message: "Select at least one case to assign")) }
            if choice.isEmpty || (choice != "unassigned" && officer == nil) {
                problems.append(FieldError(fieldID: "assign-to", message: "Select who to assign the cases to"))
            }
            guard problems.isEmpty else {
                return try await routes.page(request, context, problems: problems, status: .unprocessableContent)
            }
            // Only cases whose team this person may assign.
            var allowed: [UUID] = []
            for id in ids {
                if let item = try await routes.cases.find(id: id, councilID: councilID),
                   Permissions.isAllowed(context.member, .assignCase, on: ResourceScope(councilID: councilID, owningTeamID: item.teamID)) {
                    allowed.append(id)
                }
            }
            let count = try await routes.cases.assign(allowed, councilID: councilID, to: officer,
                                                      by: .init(id: context.staff.id, name: context.staff.displayName), at: Date())
            return .redirect(to: context.basePath + StaffPaths.queue + "?assigned=" + (count == 1 ? "1%20case" : "\(count)%20cases"))
        }
    }

    func page(_ request: Request, _ context: StaffRequestContext, banner: NotificationBanner? = nil, problems: [FieldError] = [],
              status: HTTPResponse.Status = .ok) async throws -> Response {
        let councilID = context.staff.councilID
        // Read as the filter form sends it (form encoding: "St+Anne%27s" is St Anne's); Hummingbird's
        // query parameters decode %-escapes but leave "+" as it is.
        let query = (try? FormInput(urlEncoded: request.uri.query ?? "")) ?? FormInput([:])
        func value(_ name: String) -> String { query[name] }
        let catalogue = try await services.all(councilID: councilID)
        let councilTeams = try await teams.all(councilID: councilID)
        let officers = try await staff.all(councilID: councilID).filter { Self.caseworkRoles.contains($0.role) }
        let wards = try await gazetteer.wards(councilID: councilID)

        // Team-bound roles start with their own teams' work.
        let teamChoice = query.values["team"] != nil ? value("team") : (Permissions.worksWithinTeams(context.staff.role) ? "mine" : "")
        var filter = CaseRepository.QueueFilter(councilID: councilID)
        switch teamChoice {
        case "": break
        case "mine": filter.teamIDs = context.session.teamIDs
        default: filter.teamIDs = UUID(uuidString: teamChoice).map { [$0] } ?? []
        }
        switch value("officer") {
        case "me": filter.officer = .officer(context.staff.id)
        case "unassigned": filter.officer = .unassigned
        case let text where UUID(uuidString: text) != nil: filter.officer = .officer(UUID(uuidString: text)!)
        default: break
        }
        filter.serviceID = catalogue.first { $0.code.value == value("service") }?.id
        switch value("status") {
        case "", "open": break
        case "all": filter.statuses = Set(CaseStatus.allCases)
        case let text: filter.statuses = CaseStatus(rawValue: text).map { [$0] } ?? filter.statuses
        }
        filter.standardState = StandardState(rawValue: value("standard"))
        filter.ward = wards.contains(value("ward")) ? value("ward") : nil
        var filterProblems = problems
        let olderThan = value("older-than")
        if !olderThan.isEmpty {
            if let days = Int(olderThan), (0...3650).contains(days) { filter.receivedBefore = Date().addingTimeInterval(-Double(days) * 86_400) }
            else { filterProblems.append(FieldError(fieldID: "older-than", message: "Enter the age in whole days, like 10")) }
        }
        filter.sort = CaseRepository.QueueFilter.Sort(rawValue: value("sort")) ?? .due
        filter.page = Int(value("page")) ?? 1

        let (found, total) = try await cases.queue(filter)
        let names = Dictionary(uniqueKeysWithValues: catalogue.map { ($0.id, $0.name) })
        let officerNames = Dictionary(uniqueKeysWithValues: officers.map { ($0.id, $0.displayName) })
        let rows = found.map { item in
            CaseQueuePage.Row(id: item.id.uuidString, checkboxID: "case-" + item.reference.description, reference: item.reference.description,
                              href: context.basePath + StaffPaths.cases + "/" + item.reference.description,
                              service: names[item.serviceID] ?? "", status: item.status.displayName, standard: item.standardState.displayName,
                              isOverdue: item.standardState == .breached, due: CaseDates.due(item.resolveBy),
                              received: UKDateFormat.dateAndTime(item.receivedAt), officer: item.officerID.flatMap { officerNames[$0] } ?? "Unassigned")
        }
        func select(_ id: String, _ label: String, _ options: [(value: String, text: String)], _ selected: String) -> Select {
            Select(id: id, label: Label(label), error: filterProblems.first { $0.fieldID == id }?.message, options: options, selected: selected)
        }
        let filters = [
            select("team", "Team", [(value: "", text: "All teams"), (value: "mine", text: "My teams")] + councilTeams.map { (value: $0.id.uuidString, text: $0.name) }, teamChoice),
            select("officer", "Officer", [(value: "", text: "Anyone"), (value: "me", text: "Me"), (value: "unassigned", text: "Unassigned")]
                + officers.map { (value: $0.id.uuidString, text: $0.displayName) }, value("officer")),
            select("service", "Service", [(value: "", text: "All services")] + catalogue.map { (value: $0.code.value, text: $0.name) }, value("service")),
            select("status", "Status", [(value: "open", text: "Open"), (value: "all", text: "All")]
                + CaseStatus.allCases.map { (value: $0.rawValue, text: $0.displayName) }, value("status")),
            select("standard", "Standard", [(value: "", text: "Any")] + StandardState.allCases.map { (value: $0.rawValue, text: $0.displayName) }, value("standard")),
            select("ward", "Ward", [(value: "", text: "All wards")] + wards.map { (value: $0, text: $0) }, value("ward")),
            select("sort", "Sort by", [(value: "due", text: "Due date"), (value: "received", text: "Oldest first"), (value: "reference", text: "Reference")],
                   value("sort")),
        ]
        let pageCount = max(1, (total + filter.pageSize - 1) / filter.pageSize)
        func pageHref(_ number: Int) -> String {
            let kept = query.values.filter { $0.key != "page" }.sorted { $0.key < $1.key }
                .flatMap { name, values in values.map { (name, $0) } } + [("page", String(number))]
            return context.basePath + StaffPaths.queue + "?"
                + kept.map { $0.0 + "=" + ($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") }.joined(separator: "&")
        }
        // Whether to offer assignment at all; each case is checked against its team when assigned.
        let mayAssign = Permissions.grants(context.staff.role).contains(.assignCase)
        return try renderer.response(CaseQueuePage(
            chrome: ChromeFactory.chrome(pageTitle: "Work queue", context: context, hasErrors: !filterProblems.isEmpty),
            banner: banner, errorSummary: filterProblems.isEmpty ? nil : ErrorSummary(errors: filterProblems),
            filterAction: context.basePath + StaffPaths.queue, filters: filters,
            olderThan: TextInput(id: "older-than", label: Label("Older than (days)"), error: filterProblems.first { $0.fieldID == "older-than" }?.message,
                                 value: olderThan, inputmode: "numeric", spellcheck: false, widthClass: "fd-input--width-4"),
            summary: total == 0 ? "No cases match." : "\(total) \(total == 1 ? "case" : "cases")" + (pageCount > 1 ? ", page \(min(filter.page, pageCount)) of \(pageCount)" : "") + ".",
            rows: rows, assignAction: mayAssign ? context.basePath + StaffPaths.queue + "/assign" : nil, csrfToken: context.csrfToken,
            assignTo: mayAssign ? Select(id: "assign-to", label: Label("Assign to"), error: problems.first?.message,
                                         options: [(value: "", text: "Choose someone"), (value: "unassigned", text: "Nobody (back to the team's queue)")]
                                            + officers.map { (value: $0.id.uuidString, text: $0.displayName) }) : nil,
            pagination: Pagination(currentPage: filter.page, pageCount: pageCount, href: pageHref)), status: status)
    }
}
