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

    struct FilePart {
        var field: String
        var fileName: String
        var contentType: String
        var data: Data
    }

    /// Posts a `multipart/form-data` form (a form with a file input), with the CSRF token.
    @discardableResult
    func postMultipart(_ path: String, _ fields: [(String, String)], files: [FilePart] = [], csrf: Bool = true) async throws -> TestResponse {
        if cookies["fd_csrf"] == nil { try await get("/") }
        let (body, contentType) = Self.multipart(fields + (csrf ? [("csrf_token", cookies["fd_csrf"] ?? "")] : []), files: files)
        return try await send(path, method: .post, body: body, contentType: contentType)
    }

    /// A `multipart/form-data` body and its content type, as a browser (or a mail service) sends one.
    static func multipart(_ fields: [(String, String)], files: [FilePart]) -> (ByteBuffer, String) {
        let boundary = "----FrontDoorTestBoundary\(UInt32.random(in: 0...UInt32.max))"
        var body = Data()
        func line(_ text: String) { body.append(Data((text + "\r\n").utf8)) }
        for (name, value) in fields {
            line("--" + boundary)
            line("Content-Disposition: form-data; name=\"\(name)\"")
            line("")
            line(value)
        }
        for file in files {
            line("--" + boundary)
            line("Content-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.fileName)\"")
            line("Content-Type: " + file.contentType)
            line("")
            body.append(file.data)
            line("")
        }
        line("--" + boundary + "--")
        return (ByteBuffer(bytes: body), "multipart/form-data; boundary=" + boundary)
    }

    private func send(_ path: String, method: HTTPRequest.Method, body: String?) async throws -> TestResponse {
        try await send(path, method: method, body: body.map { ByteBuffer(string: $0) },
                       contentType: body == nil ? nil : "application/x-www-form-urlencoded")
    }

    private func send(_ path: String, method: HTTPRequest.Method, body: ByteBuffer?, contentType: String?) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        let cookieHeader = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        if !cookieHeader.isEmpty { headers[.cookie] = cookieHeader }
        if let contentType { headers[.contentType] = contentType }
        let response = try await client.execute(uri: path, method: method, headers: headers, body: body)
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
