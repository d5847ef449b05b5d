import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOConcurrencyHelpers

/// Keeps cookies between requests and fills in the CSRF token on forms, as a browser does.
final class BrowserLikeClient: Sendable {
    let client: any TestClientProtocol
    private let jar = NIOLockedValueBox<[String: String]>([:])

    init(_ client: any TestClientProtocol) {
        self.client = client
    }

    var cookies: [String: String] { jar.withLockedValue { $0 } }

    func setCookie(_ name: String, _ value: String) { jar.withLockedValue { $0[name] = value } }

    @discardableResult
    func get(_ path: String) async throws -> TestResponse {
        try await send(path, method: .get, body: nil)
    }

    /// Posts a form, adding the `csrf_token` the page's cookie holds (fetching a page first if needed).
    @discardableResult
    func postForm(_ path: String, _ fields: [(String, String)]) async throws -> TestResponse {
        if cookies["fd_csrf"] == nil { try await get("/") }
        let all = fields + [("csrf_token", cookies["fd_csrf"] ?? "")]
        let body = all.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        return try await send(path, method: .post, body: body)
    }

    private func send(_ path: String, method: HTTPRequest.Method, body: String?) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        let cookieHeader = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        if !cookieHeader.isEmpty { headers[.cookie] = cookieHeader }
        if body != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        let response = try await client.execute(uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        for header in response.headers[values: .setCookie] {
            let pair = header.prefix { $0 != ";" }
            guard let equals = pair.firstIndex(of: "=") else { continue }
            let name = String(pair[..<equals]), value = String(pair[pair.index(after: equals)...])
            jar.withLockedValue { jar in
                if value.isEmpty || header.contains("Max-Age=0") { jar[name] = nil } else { jar[name] = value }
            }
        }
        return response
    }
}
