import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// My Account's requests: the list, each request with its public timeline, and what a resident
/// may do to their own (reply when asked, withdraw, reopen when it was not put right, rate the
/// outcome). Every change goes through `CaseProgress`, the same path an officer's takes, against
/// the version the resident saw.
struct ResidentRequestRoutes {
    let renderer: PageRenderer
    let cases: CaseRepository
    let services: ServiceRepository
    let forms: ServiceFormRepository
    let submissions: SubmittedFormRepository
    let calendars: CouncilCalendarRepository
    let progress: CaseProgress
    let complaints: ComplaintRepository
    let complaintProgress: ComplaintProgress
    let informationRequests: InformationRequestRepository

    init(renderer: PageRenderer, database: Database, bankHolidays: BankHolidays) {
        self.renderer = renderer
        self.cases = CaseRepository(database: database)
        self.services = ServiceRepository(database: database)
        self.forms = ServiceFormRepository(database: database)
        self.submissions = SubmittedFormRepository(database: database)
        self.calendars = CouncilCalendarRepository(database: database, shipped: bankHolidays)
        self.progress = CaseProgress(database: database, bankHolidays: bankHolidays)
        self.complaints = ComplaintRepository(database: database)
        self.complaintProgress = ComplaintProgress(database: database, bankHolidays: bankHolidays)
        self.informationRequests = InformationRequestRepository(database: database)
    }

    func register(on router: Router<ResidentRequestContext>) {
        let routes = self
        let signedIn = router.group(RouterPath(ResidentPaths.requests), context: SignedInResidentContext.self)

        signedIn.get { _, context -> Response in
            try await routes.list(context)
        }

        signedIn.get(":reference") { request, context -> Response in
            // Links from before requests had their own pages name the submission: send them on.
            if let submissionID = context.parameters.get("reference").flatMap(UUID.init(uuidString:)) {
                guard let council = context.council, let sent = try await routes.submissions.find(id: submissionID, councilID: council.id),
                      sent.customerID == context.customer.id, let opened = try await routes.cases.find(submissionID: sent.id) else {
                    throw HTTPError(.notFound)
                }
                return .redirect(to: routes.href(opened, context))
            }
            let (item, own) = try await routes.load(context)
            let query = request.uri.queryParameters
            return try await routes.page(item, own: own, context, justSent: query["sent"] != nil,
                                         banner: query["saved"].flatMap { Self.savedBanner(String($0), context.language) })
        }

        signedIn.post(":reference/reply") { request, context -> Response in
            let (item, own) = try await routes.load(context)
            guard own else { throw HTTPError(.notFound) }
            let form = try await FormInput.read(from: request, context: context)
            let reply = form["reply"]
            if let problem = Self.textProblem(reply, field: "reply", required: L("request_reply_missing", context.language), limit: 2000, tooLong: L("request_reply_long", context.language)) {
                return try await routes.page(item, own: own, context, problem: problem, typed: form)
            }
            return try await routes.move(item, .customerReplied, message: reply, form: form, context, saved: "reply")
        }

        signedIn.post(":reference/withdraw") { request, context -> Response in
            let (item, own) = try await routes.load(context)
            guard own else { throw HTTPError(.notFound) }
            let form = try await FormInput.read(from: request, context: context)
            let reason = form["withdraw-reason"]
            if let problem = Self.textProblem(reason, field: "withdraw-reason", required: nil, limit: 1200, tooLong: L("request_withdraw_long", context.language)) {
                return try await routes.page(item, own: own, context, problem: problem, typed: form)
            }
            let message = "You withdrew this request" + (reason.isEmpty ? "." : ": " + reason)
            return try await routes.move(item, .withdraw, message: message, form: form, context, saved: "withdrawn")
        }

        signedIn.post(":reference/reopen") { request, context -> Response in
            let (item, own) = try await routes.load(context)
            guard own else { throw HTTPError(.notFound) }
            let form = try await FormInput.read(from: request, context: context)
            let reason = form["reopen-reason"]
            if let problem = Self.textProblem(reason, field: "reopen-reason", required: L("request_reopen_missing", context.language), limit: 2000, tooLong: L("request_reopen_long", context.language)) {
                return try await routes.page(item, own: own, context, problem: problem, typed: form)
            }
            // A complaint goes on to its next stage instead, which keeps the stages and their deadlines.
            // An answered information request keeps its answer: a review of it is asked for as a new request.
            guard try await routes.complaints.find(caseID: item.id) == nil,
                  try await routes.informationRequests.find(caseID: item.id) == nil else { throw HTTPError(.notFound) }
            return try await routes.move(item, .reopen, message: "You told us it was not put right: " + reason, form: form, context, saved: "reopened")
        }

        signedIn.post(":reference/escalate") { request, context -> Response in
            let (item, own) = try await routes.load(context)
            guard own, let council = context.council else { throw HTTPError(.notFound) }
            let form = try await FormInput.read(from: request, context: context)
            let reason = form["escalation-reason"]
            if let problem = Self.textProblem(reason, field: "escalation-reason", required: L("request_escalate_missing", context.language), limit: 5000,
                                              tooLong: L("request_escalate_long", context.language)) {
                return try await routes.page(item, own: own, context, problem: problem, typed: form)
            }
            switch try await routes.complaintProgress.escalate(item, council: council, reason: reason, seenVersion: Int(form["version"]) ?? 0,
                                                               by: .init(id: context.customer.id, name: context.customer.name), notice: nil, at: Date()) {
            case .saved:
                return .redirect(to: routes.href(item, context) + "?saved=escalated")
            case .refused(let problems):
                return try await routes.page(item, own: own, context, problem: FieldError(fieldID: "escalation-reason", message: problems.first?.message ?? ""),
                                             typed: form)
            case .changedSince(let current, _):
                return try await routes.page(current, own: own, context, problem: FieldError(fieldID: "escalation-reason", message: L("request_changed", context.language)),
                                             typed: form, status: .conflict)
            }
        }

        signedIn.post(":reference/rate") { request, context -> Response in
            let (item, own) = try await routes.load(context)
            guard own else { throw HTTPError(.notFound) }
            let form = try await FormInput.read(from: request, context: context)
            let comment = form["rating-comment"]
            let score = Int(form["score"]).flatMap { CaseRating.scores.contains($0) ? $0 : nil }
            let problem: FieldError? =
                !CaseRating.mayRate(item.status) ? FieldError(fieldID: "score", message: L("request_rate_too_early", context.language))
                : try await routes.cases.rating(caseID: item.id) != nil ? FieldError(fieldID: "score", message: L("request_rate_already", context.language))
                : score == nil ? FieldError(fieldID: "score", message: L("request_rate_missing", context.language))
                : Self.textProblem(comment, field: "rating-comment", required: nil, limit: CaseRating.commentLimit,
                                   tooLong: L("request_rate_long", context.language))
            if let problem {
                return try await routes.page(item, own: own, context, problem: problem, typed: form)
            }
            guard try await routes.cases.rate(CaseRating(caseID: item.id, score: score ?? 0, comment: comment, ratedAt: Date()),
                                              customerID: context.customer.id) else {
                // Rated from another tab a moment ago: the first rating stands.
                return try await routes.page(item, own: own, context, problem: FieldError(fieldID: "score", message: L("request_rate_already", context.language)))
            }
            return .redirect(to: routes.href(item, context) + "?saved=rated")
        }

        signedIn.post(":reference/unfollow") { _, context -> Response in
            let (item, own) = try await routes.load(context)
            guard !own else { throw HTTPError(.notFound) }
            try await routes.cases.unfollow(caseID: item.id, customerID: context.customer.id)
            return .redirect(to: context.basePath + ResidentPaths.requests)
        }
    }

    func href(_ item: Case, _ context: some CouncilScopedContext) -> String {
        context.basePath + ResidentPaths.requests + "/" + item.reference.description
    }

    /// The case in the path, when it is this resident's own or one they follow; otherwise not found
    /// (whether it exists is nobody else's business).
    func load(_ context: SignedInResidentContext) async throws -> (Case, own: Bool) {
        guard let council = context.council, let reference = context.parameters.get("reference").flatMap(CaseReference.init),
              let item = try await cases.find(reference: reference, councilID: council.id) else { throw HTTPError(.notFound) }
        if item.customerID == context.customer.id { return (item, true) }
        if try await cases.isFollowing(caseID: item.id, customerID: context.customer.id) { return (item, false) }
        throw HTTPError(.notFound)
    }

    func move(_ item: Case, _ action: CaseAction, message: String, form: FormInput, _ context: SignedInResidentContext,
              saved: String) async throws -> Response {
        guard let council = context.council else { throw HTTPError(.notFound) }
        let field = switch action {
        case .customerReplied: "reply"
        case .reopen: "reopen-reason"
        default: "withdraw-reason"
        }
        switch try await progress.apply(action, to: item, council: council, seenVersion: Int(form["version"]) ?? 0,
                                        by: .init(id: context.customer.id, name: context.customer.name), message: message, at: Date()) {
        case .saved:
            return .redirect(to: href(item, context) + "?saved=" + saved)
        case .refused(let reason):
            return try await page(item, own: true, context, problem: FieldError(fieldID: field, message: reason), typed: form)
        case .changedSince(let current, _):
            return try await page(current, own: true, context, problem: FieldError(
                fieldID: field, message: L("request_changed", context.language)),
                typed: form, status: .conflict)
        }
    }

    static func textProblem(_ text: String, field: String, required: String?, limit: Int, tooLong: String) -> FieldError? {
        if let required, text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return FieldError(fieldID: field, message: required) }
        if text.count > limit { return FieldError(fieldID: field, message: tooLong) }
        return nil
    }

    static func savedBanner(_ what: String, _ language: SiteLanguage) -> NotificationBanner? {
        let withText: Set = ["reply", "reopened", "rated", "followed", "escalated"]
        guard ["reply", "withdrawn", "reopened", "rated", "followed", "escalated"].contains(what) else { return nil }
        return NotificationBanner(heading: L("request_saved_" + what, language),
                                  text: withText.contains(what) ? L("request_saved_" + what + "_text", language) : nil, isSuccess: true)
    }
}
