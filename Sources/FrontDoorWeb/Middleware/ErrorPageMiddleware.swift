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
            let (heading, paragraphs) = Self.wording(for: error.status, message: message)
            return try respond(status: error.status, heading: heading, paragraphs: paragraphs, message: message,
                               request: request, context: context)
        } catch {
            context.logger.error("Request failed", metadata: ["error": .string(String(reflecting: error))])
            let (heading, paragraphs) = Self.wording(for: .internalServerError, message: nil)
            return try respond(status: .internalServerError, heading: heading, paragraphs: paragraphs, message: nil,
                               request: request, context: context, detail: showsDeveloperDetail ? String(reflecting: error) : nil)
        }
    }

    private func respond(status: HTTPResponse.Status, heading: String, paragraphs: [String], message: String?,
                         request: Request, context: Context, detail: String? = nil) throws -> Response {
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

    static func wording(for status: HTTPResponse.Status, message: String?) -> (String, [String]) {
        switch status.code {
        case 404:
            return ("Page not found", [
                "If you typed the web address, check it is correct.",
                "If you pasted the web address, check you copied the entire address.",
            ])
        case 403:
            return ("You cannot do that", [message ?? "You do not have permission to do this. If you think you should, ask your manager or an administrator."])
        case 413:
            return ("The file is too big", [
                "Files can be up to 10 MB. Go back and choose a smaller file, or take the photo again at a lower size.",
            ])
        case 500...:
            return ("Sorry, there is a problem with the service", [
                "Try again later. If you were sending us a form, it may not have been saved, so check before you send it again.",
            ])
        default:
            return (status.reasonPhrase.isEmpty ? "There is a problem" : status.reasonPhrase,
                    [message ?? "The request could not be completed."])
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
