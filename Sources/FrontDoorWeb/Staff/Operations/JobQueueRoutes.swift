import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// Background jobs for administrators: how many are in each state, and the dead ones (failed
/// every attempt) to retry or discard, each with its last error.
struct JobQueueRoutes {
    let renderer: PageRenderer
    let queue: JobQueue
    let audit: AuditTrail

    init(renderer: PageRenderer, database: Database) {
        self.renderer = renderer
        self.queue = JobQueue(database: database)
        self.audit = AuditTrail(database: database)
    }

    func register(on router: Router<ResidentRequestContext>) {
        let routes = self
        let staff = router.group(RouterPath(StaffPaths.home), context: StaffRequestContext.self)

        staff.get("jobs") { request, context -> Response in
            try context.require(.manageCouncilSettings)
            let query = request.uri.queryParameters
            let banner = query["retried"] != nil ? "The job will run again shortly" : query["discarded"] != nil ? "The job has been discarded" : nil
            return try await routes.page(context, banner: banner)
        }

        for (action, verb) in [("retry", "retried"), ("discard", "discarded")] {
            staff.post(RouterPath("jobs/:job/" + action)) { _, context -> Response in
                try context.require(.manageCouncilSettings)
                guard let id = context.parameters.get("job").flatMap(UUID.init(uuidString:)) else { throw HTTPError(.notFound) }
                let council = context.staff.councilID
                let changed = action == "retry" ? try await routes.queue.retry(id, councilID: council) : try await routes.queue.discard(id, councilID: council)
                // Retried or discarded already (by a colleague, or a second click): the page shows where it is now.
                guard changed else { return .redirect(to: context.basePath + StaffPaths.jobs) }
                try await routes.audit.record(AuditEvent(
                    councilID: context.staff.councilID, occurredAt: Date(), actorID: context.staff.id, actor: context.staff.email,
                    kind: action == "retry" ? .backgroundJobRetried : .backgroundJobDiscarded, subject: "background job \(id.uuidString)",
                    address: context.remoteAddress))
                return .redirect(to: context.basePath + StaffPaths.jobs + "?" + verb + "=1")
            }
        }
    }

    func page(_ context: StaffRequestContext, banner: String?) async throws -> Response {
        let counts = try await queue.counts(councilID: context.staff.councilID)
        let dead = try await queue.jobs(in: .dead, councilID: context.staff.councilID, limit: 50)
        let base = context.basePath + StaffPaths.jobs + "/"
        return try renderer.response(JobQueuePage(
            chrome: ChromeFactory.chrome(pageTitle: "Background jobs", context: context),
            banner: banner.map { NotificationBanner(heading: $0, isSuccess: true) },
            counts: Table(caption: "Jobs by state", head: ["State", "Jobs"],
                          rows: JobState.allCases.map { [$0.displayName, String(counts[$0] ?? 0)] }, numericColumns: [1], firstCellIsHeader: true),
            dead: dead.map { job in
                JobQueuePage.Dead(kind: job.kind, attempts: "\(job.attempts) of \(job.maximumAttempts)",
                                  failed: UKDateFormat.dateAndTime(job.runAt), error: job.lastError ?? "",
                                  retryAction: base + job.id.uuidString.lowercased() + "/retry",
                                  discardAction: base + job.id.uuidString.lowercased() + "/discard")
            },
            hasDead: !dead.isEmpty, csrfToken: context.csrfToken))
    }
}

/// The job queue's states, and its dead jobs with what to do about each.
public struct JobQueuePage: PageModel {
    public static let template = "staff-jobs"

    public struct Dead: Sendable {
        public var kind: String
        public var attempts: String
        public var failed: String
        public var error: String
        public var retryAction: String
        public var discardAction: String
    }

    public var chrome: PageChrome
    public var banner: NotificationBanner?
    public var counts: Table
    public var dead: [Dead]
    public var hasDead: Bool
    public var csrfToken: String
}
