import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// The public list and map of street reports, filtered by service and ward. Shows what kind of
/// problem, roughly where (the street and ward, never a house number), when and how it stands:
/// never who reported it or what they wrote.
struct PublicReportRoutes {
    static let fixedShownForDays = 28
    static let pageSize = 50

    let renderer: PageRenderer
    let cases: CaseRepository
    let services: ServiceRepository
    let gazetteer: GazetteerRepository

    init(renderer: PageRenderer, database: Database) {
        self.renderer = renderer
        self.cases = CaseRepository(database: database)
        self.services = ServiceRepository(database: database)
        self.gazetteer = GazetteerRepository(database: database)
    }

    func register(on router: Router<ResidentRequestContext>) {
        let routes = self
        router.get(RouterPath(ResidentPaths.reports)) { request, context -> Response in
            guard let council = context.council else { throw HTTPError(.notFound) }
            let language = context.language
            let query = (try? FormInput(urlEncoded: request.uri.query ?? "")) ?? FormInput([:])
            let located = try await routes.services.all(councilID: council.id).filter { $0.isActive && $0.needsLocation }
            let wards = try await routes.gazetteer.wards(councilID: council.id)
            // Unknown choices (an old link, a typed address) fall back to everything rather than fail.
            let chosenService = located.first { $0.code.value == query["service"] }
            let chosenWard = wards.contains(query["ward"]) ? query["ward"] : nil
            let page = max(1, Int(query["page"]) ?? 1)
            let (found, total) = try await routes.cases.publicReports(CaseRepository.PublicReportFilter(
                councilID: council.id, serviceIDs: chosenService.map { [$0.id] } ?? located.map(\.id), ward: chosenWard,
                fixedSince: Date().addingTimeInterval(-Double(Self.fixedShownForDays) * 86_400), page: page, pageSize: Self.pageSize))
            let names = Dictionary(uniqueKeysWithValues: located.map { ($0.id, $0.name) })
            let base = context.basePath + ResidentPaths.reports

            func link(page: Int) -> String {
                var parts: [String] = []
                if let chosenService { parts.append("service=" + chosenService.code.value) }
                if let chosenWard { parts.append("ward=" + (chosenWard.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")) }
                if page > 1 { parts.append("page=\(page)") }
                return base + (parts.isEmpty ? "" : "?" + parts.joined(separator: "&"))
            }
            let pageCount = max(1, (total + Self.pageSize - 1) / Self.pageSize)
            let where_ = found.map { Self.place($0, language) }
            let rows = found.enumerated().map { index, item in
                [item.reference.description, names[item.serviceID] ?? "Report", where_[index],
                 CaseDates.date(LocalDate(item.receivedAt), language), Self.publicStatus(item.status, language)]
            }
            let map: ReportMap? = found.isEmpty ? nil : ReportMap(
                reports: found.enumerated().compactMap { index, item in
                    guard let latitude = item.latitude, let longitude = item.longitude else { return nil }
                    // Rounded to about 10 metres: enough to find the lamp post, not to single out a doorstep.
                    return ((latitude * 10_000).rounded() / 10_000, (longitude * 10_000).rounded() / 10_000, item.status.isOpen,
                            "\(item.reference): \(names[item.serviceID] ?? "Report"), \(where_[index]), \(Self.publicStatus(item.status, language).lowercased())")
                },
                wards: try await routes.gazetteer.wardCentres(councilID: council.id), language: language)
            let showing = found.isEmpty ? L("reports_none", language)
                : L(total == 1 ? "reports_count_one" : "reports_count_many", language, ["count": String(total)])
                + (pageCount > 1 ? L("reports_page_of", language, ["page": String(min(page, pageCount)), "pages": String(pageCount)]) : "") + "."
            return try routes.renderer.response(PublicReportsPage(
                chrome: ChromeFactory.chrome(pageTitle: L("reports_heading", language), context: context), heading: L("reports_heading", language),
                action: base,
                service: Select(id: "service", label: Label(L("reports_problem", language)), options: [(value: "", text: L("reports_all_problems", language))]
                    + located.map { (value: $0.code.value, text: $0.name) }, selected: chosenService?.code.value ?? ""),
                ward: Select(id: "ward", label: Label(L("reports_ward", language)), options: [(value: "", text: L("reports_all_wards", language))]
                    + wards.map { (value: $0, text: $0) },
                             selected: chosenWard ?? ""),
                show: Button(L("reports_show", language), variant: .secondary),
                map: map,
                reports: found.isEmpty ? nil : Table(caption: L("reports_caption", language), captionClasses: "fd-visually-hidden",
                                                     head: ["reference", "problem", "where", "reported", "status"].map { L("reports_col_" + $0, language) },
                                                     rows: rows),
                pagination: pageCount > 1 ? Pagination(currentPage: page, pageCount: pageCount, href: link) : nil,
                summary: showing))
        }
    }

    /// Roughly where: the street (house numbers and flat names left off) and the ward.
    static func place(_ item: Case, _ language: SiteLanguage = .english) -> String {
        var parts: [String] = []
        if let line = item.address?.line1.split(separator: ",").last {
            let words = line.split(separator: " ").drop { $0.contains(where: \.isNumber) }
            if !words.isEmpty { parts.append(words.joined(separator: " ")) }
        }
        if let ward = item.ward { parts.append(L("reports_ward_suffix", language, ["ward": ward])) }
        return parts.isEmpty ? L("reports_on_map", language) : parts.joined(separator: ", ")
    }

    /// How a report stands, in words for the public (a resident's own page says more).
    static func publicStatus(_ status: CaseStatus, _ language: SiteLanguage = .english) -> String {
        let key = switch status {
        case .submitted: "reported"
        case .acknowledged: "acknowledged"
        case .inProgress: "in_progress"
        case .awaitingCustomer: "waiting"
        case .resolved, .closed: "fixed"
        case .withdrawn: "withdrawn"
        case .duplicate: "duplicate"
        }
        return L("reports_status_" + key, language)
    }
}
