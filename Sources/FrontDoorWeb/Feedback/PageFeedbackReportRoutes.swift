import CSV
import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// The "Is this page useful?" answers for managers: each page's yes and no over a period, least
/// useful first, with the comments, and the answers as CSV.
struct PageFeedbackReportRoutes {
    static let periods = [7, 30, 90, 365]

    let renderer: PageRenderer
    let feedback: PageFeedbackRepository

    init(renderer: PageRenderer, database: Database) {
        self.renderer = renderer
        self.feedback = PageFeedbackRepository(database: database)
    }

    func register(on router: Router<ResidentRequestContext>) {
        let routes = self
        let staff = router.group(RouterPath(StaffPaths.home), context: StaffRequestContext.self)

        staff.get("page-feedback") { request, context -> Response in
            try context.require(.viewPerformance)
            let days = Self.days(request)
            let since = Date().addingTimeInterval(-Double(days) * 86_400)
            let summary = try await routes.feedback.summary(councilID: context.staff.councilID, since: since)
            let comments = try await routes.feedback.answers(councilID: context.staff.councilID, since: since).filter { !$0.comment.isEmpty }
            let page = PageFeedbackReportPage(
                chrome: ChromeFactory.chrome(pageTitle: "Is this page useful? answers", context: context),
                backLink: BackLink(href: context.basePath + StaffPaths.home, text: "Staff home"),
                periods: Self.periods.map { .init(href: context.basePath + StaffPaths.pageFeedback + "?days=\($0)", text: "Last \($0) days", isCurrent: $0 == days) },
                heading: "Is this page useful? answers",
                pages: summary.isEmpty ? nil : Table(
                    caption: "Pages, least useful first (last \(days) days)", head: ["Page", "Yes", "No", "Useful"],
                    rows: summary.map { [$0.pagePath, String($0.yes), String($0.no), "\($0.percentUseful)%"] }, numericColumns: [1, 2, 3]),
                comments: comments.isEmpty ? nil : Table(
                    caption: "Comments", head: ["When", "Page", "Useful?", "Comment"],
                    rows: comments.prefix(100).map { [UKDateFormat.dateAndTime($0.created_at), $0.page_path, $0.useful ? "Yes" : "No", $0.comment] }),
                csvHref: context.may(.exportReports) ? context.basePath + StaffPaths.pageFeedbackCSV + "?days=\(days)" : nil)
            return try routes.renderer.response(page)
        }

        staff.get("page-feedback.csv") { request, context -> Response in
            try context.require(.exportReports)
            let days = Self.days(request)
            let answers = try await routes.feedback.answers(councilID: context.staff.councilID, since: Date().addingTimeInterval(-Double(days) * 86_400))
            return Response(status: .ok, headers: [
                .contentType: "text/csv; charset=utf-8",
                .contentDisposition: "attachment; filename=\"page-feedback-last-\(days)-days.csv\"",
                .cacheControl: "no-store",
            ], body: .init(byteBuffer: ByteBuffer(string: try Self.csv(answers))))
        }
    }

    static func days(_ request: Request) -> Int {
        request.uri.queryParameters["days"].flatMap { Int(String($0)) }.flatMap { periods.contains($0) ? $0 : nil } ?? 30
    }

    static func csv(_ answers: [PageFeedbackRepository.Answer]) throws -> String {
        let csv = try CSVWriter(stream: .toMemory())
        try csv.write(row: ["answered_at", "page", "useful", "comment"])
        for answer in answers {
            try csv.write(row: [UKDateFormat.iso8601(answer.created_at), answer.page_path, answer.useful ? "yes" : "no", answer.comment]
                .map(SpreadsheetSafeCell.make))
        }
        csv.stream.close()
        guard let data = csv.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { return "" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
