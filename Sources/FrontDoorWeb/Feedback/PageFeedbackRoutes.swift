import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import Hummingbird

/// "Is this page useful?": the answer is stored at once (Yes or No is useful on its own), then
/// the thank-you page offers a box for more. Works without JavaScript; stores nothing about who
/// answered.
struct PageFeedbackRoutes {
    let renderer: PageRenderer
    let feedback: PageFeedbackRepository

    init(renderer: PageRenderer, database: Database) {
        self.renderer = renderer
        self.feedback = PageFeedbackRepository(database: database)
    }

    func register(on router: Router<ResidentRequestContext>) {
        let routes = self
        router.post(RouterPath(ResidentPaths.pageFeedback)) { request, context -> Response in
            let form = try await FormInput.read(from: request, context: context)
            guard let page = PageFeedbackPath.normalise(form["page"]), ["yes", "no"].contains(form["useful"]) else {
                throw Refusal(.badRequest, heading: L("feedback_not_recorded", context.language),
                              explanation: L("feedback_not_recorded_explanation", context.language))
            }
            let id = try await routes.feedback.record(councilID: context.council?.id, pagePath: page, useful: form["useful"] == "yes", at: Date())
            return .redirect(to: context.basePath + ResidentPaths.pageFeedback + "/" + id.uuidString.lowercased())
        }

        router.get(RouterPath(ResidentPaths.pageFeedback + "/:id")) { request, context -> Response in
            let answer = try await routes.answer(context)
            return try routes.page(answer, context, saved: request.uri.queryParameters["saved"] != nil)
        }

        router.post(RouterPath(ResidentPaths.pageFeedback + "/:id")) { request, context -> Response in
            let answer = try await routes.answer(context)
            let form = try await FormInput.read(from: request, context: context)
            let comment = form["comment"].trimmingCharacters(in: .whitespacesAndNewlines)
            let problem = comment.isEmpty ? L("feedback_comment_missing", context.language)
                : comment.count > 1200 ? L("feedback_comment_long", context.language) : nil
            if let problem {
                return try routes.page(answer, context, problem: problem, typed: form["comment"])
            }
            _ = try await routes.feedback.addComment(comment, to: answer.id, at: Date())
            return .redirect(to: context.basePath + ResidentPaths.pageFeedback + "/" + answer.id.uuidString.lowercased() + "?saved=1")
        }
    }

    func answer(_ context: ResidentRequestContext) async throws -> PageFeedbackRepository.Answer {
        guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)), let answer = try await feedback.find(id: id) else {
            throw HTTPError(.notFound)
        }
        return answer
    }

    func page(_ answer: PageFeedbackRepository.Answer, _ context: ResidentRequestContext, saved: Bool = false, problem: String? = nil,
              typed: String? = nil) throws -> Response {
        let canComment = !saved && answer.comment.isEmpty && Date().timeIntervalSince(answer.created_at) < PageFeedbackRepository.commentWindow
        // Back to the page answered about, unless its path names something only its owner could open.
        let back = answer.page_path.contains("{") ? SitePath.home.href(basePath: context.basePath) : context.basePath + answer.page_path
        let language = context.language
        return try renderer.response(PageFeedbackPage(
            chrome: ChromeFactory.chrome(pageTitle: L("feedback_thanks_title", language), context: context, hasErrors: problem != nil),
            errorSummary: problem.map { ErrorSummary(errors: [FieldError(fieldID: "comment", message: $0)]) },
            heading: L(saved ? "feedback_thanks_comment" : "feedback_thanks_title", language),
            form: canComment ? .init(
                action: context.basePath + ResidentPaths.pageFeedback + "/" + answer.id.uuidString.lowercased(), csrfToken: context.csrfToken,
                comment: Textarea(id: "comment", label: Label(L(answer.useful ? "feedback_useful_label" : "feedback_not_useful_label", language),
                                                              classes: "fd-label--m"),
                                  hint: L("feedback_hint", language),
                                  error: problem, value: typed, rows: 4),
                button: Button(L("feedback_send", language))) : nil,
            backHref: back), status: problem == nil ? .ok : .unprocessableContent)
    }
}
