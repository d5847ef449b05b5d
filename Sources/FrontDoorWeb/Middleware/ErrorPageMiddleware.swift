import Foundation
import Hummingbird
import Logging

/// Turns every error into a proper response: an HTML page for people, a JSON body for API
/// clients (those that ask for JSON). The one place errors are mapped to HTTP.
public struct ErrorPageMiddleware<Context: CouncilScopedContext>: RouterMiddleware {
    let renderer: PageRenderer
    let showsDeveloperDetail: Bool

    public init(renderer: PageRenderer, showsDeveloperDetail: Bool) {
        self.renderer = renderer
        self.showsDeveloperDetail = showsDeveloperDetail
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let required as SignInRequired {
            return .redirect(to: context.basePath + required.signInPath + SafeReturnPath.query(context.basePath + request.uri.path))
        } catch let refusal as Refusal {
            return try respond(status: refusal.status, heading: refusal.heading, paragraphs: [refusal.explanation],
                               message: refusal.explanation, request: request, context: context)
        } catch let error as any HTTPResponseError where error.status.code < 500 {
            let message = (error as? HTTPError)?.body
            let (heading, paragraphs) = Self.wording(for: error.status, message: message, language: Self.language(request, context))
            return try respond(status: error.status, heading: heading, paragraphs: paragraphs, message: message,
                               request: request, context: context)
        } catch {
            context.logger.error("Request failed", metadata: ["error": .string(String(reflecting: error))])
            let (heading, paragraphs) = Self.wording(for: .internalServerError, message: nil, language: Self.language(request, context))
            return try respond(status: .internalServerError, heading: heading, paragraphs: paragraphs, message: nil,
                               request: request, context: context, detail: showsDeveloperDetail ? String(reflecting: error) : nil)
        }
    }

    private func respond(status: HTTPResponse.Status, heading: String, paragraphs: [String], message: String?,
                         request: Request, context: Context, detail: String? = nil) throws -> Response {
        if request.uri.path.hasPrefix("/api/") {
            // Machines on the integration API get its error format, whatever they accept.
            return APIResponse.problem(status, field: status == .notFound ? "path" : "request",
                                       status == .notFound ? "Nothing is at \(request.method.rawValue) \(request.uri.path); /api/openapi.json lists what is" : message ?? heading)
        }
        if Self.prefersJSON(request) {
            return jsonResponse(status: status, heading: heading, message: message, context: context)
        }
        let page = ErrorPage(
            chrome: ChromeFactory.chrome(pageTitle: heading, context: context),
            heading: heading, paragraphs: paragraphs,
            requestID: status.code >= 500 ? context.id : nil,
            developerDetail: detail, homeHref: SitePath.home.href(basePath: context.basePath))
        var response = try renderer.response(page, status: status)
        if status == .methodNotAllowed { response.headers[.allow] = "GET, HEAD" }
        return response
    }

    /// Residents' pages in their language; staff pages and API clients in English.
    static func language(_ request: Request, _ context: Context) -> SiteLanguage {
        prefersJSON(request) || request.uri.path.hasPrefix("/api/") || request.uri.path.hasPrefix(StaffPaths.home) ? .english : context.councilBox.language
    }

    static func wording(for status: HTTPResponse.Status, message: String?, language: SiteLanguage = .english) -> (String, [String]) {
        switch status.code {
        case 404:
            return (L("error_404", language), [L("error_404_typed", language), L("error_404_pasted", language)])
        case 403:
            return (L("error_403", language), [message ?? L("error_403_text", language)])
        case 413:
            return (L("error_413", language), [L("error_413_text", language)])
        case 500...:
            return (L("error_500", language), [L("error_500_text", language)])
        default:
            return (status.reasonPhrase.isEmpty ? L("error_summary_title", language) : status.reasonPhrase,
                    [message ?? L("error_other_text", language)])
        }
    }

    static func prefersJSON(_ request: Request) -> Bool {
        let accept = request.headers[.accept] ?? ""
        return accept.contains("application/json") && !accept.contains("text/html")
    }

    private func jsonResponse(status: HTTPResponse.Status, heading: String, message: String?, context: Context) -> Response {
        let body = ErrorBody(error: .init(status: status.code, title: heading, message: message, requestId: context.id))
        let data = (try? JSONEncoder().encode(body)) ?? Data()
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// The JSON shape of every error: `{"error": {"status", "title", "message", "requestId"}}`.
struct ErrorBody: Codable {
    struct Detail: Codable {
        let status: Int
        let title: String
        let message: String?
        let requestId: String
    }

    let error: Detail
}
