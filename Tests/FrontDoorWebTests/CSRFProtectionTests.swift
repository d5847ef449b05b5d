import FrontDoorWeb
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("CSRF protection on state-changing forms")
struct CSRFProtectionTests {
    let tokens = CSRFTokens(secret: String(repeating: "k", count: 40))

    /// The real middleware and error pages, a page that shows its token, and a form handler.
    func application() async throws -> some ApplicationProtocol {
        let router = Router(context: ResidentRequestContext.self)
        router.add(middleware: ErrorPageMiddleware(renderer: PageRenderer(templates: try await TemplateLibrary.load()), showsDeveloperDetail: false))
        router.add(middleware: CSRFMiddleware(tokens: tokens, secureCookie: false))
        router.get("/form") { _, context in context.csrfToken }
        router.post("/form") { _, _ in "saved" }
        router.post("/api/v1/things") { _, _ in "machine client" }
        return Application(router: router)
    }

    func cookieToken(from response: TestResponse) -> String? {
        guard let header = response.headers[.setCookie], header.hasPrefix("fd_csrf=") else { return nil }
        return String(header.dropFirst("fd_csrf=".count).prefix { $0 != ";" })
    }

    func post(_ client: some TestClientProtocol, cookie: String?, field: String?, origin: String? = nil,
              contentType: String = "application/x-www-form-urlencoded", fields: String = "name=Priya+Shah") async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: contentType]
        if let cookie { headers[.cookie] = "fd_csrf=\(cookie)" }
        if let origin { headers[.origin] = origin }
        let body = fields + (field.map { "&csrf_token=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" } ?? "")
        return try await client.execute(uri: "/form", method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    @Test("A page gets a signed token in a first-party, HttpOnly, SameSite=Lax cookie")
    func issuesCookie() async throws {
        try await application().test(.router) { client in
            let response = try await client.execute(uri: "/form", method: .get)
            let token = try #require(cookieToken(from: response))
            #expect(response.text == token)
            #expect(tokens.isAuthentic(token))
            let header = response.headers[.setCookie] ?? ""
            #expect(header.contains("HttpOnly"))
            #expect(header.contains("SameSite=Lax"))
        }
    }

    @Test("A form sent back with its token is accepted")
    func acceptsMatchingToken() async throws {
        try await application().test(.router) { client in
            let token = try #require(cookieToken(from: try await client.execute(uri: "/form", method: .get)))
            let response = try await post(client, cookie: token, field: token)
            #expect(response.status == .ok)
            #expect(response.text == "saved")
        }
    }

    @Test("A form with repeated fields (checkboxes) is accepted with its token")
    func acceptsRepeatedFields() async throws {
        try await application().test(.router) { client in
            let token = try #require(cookieToken(from: try await client.execute(uri: "/form", method: .get)))
            let response = try await post(client, cookie: token, field: token, fields: "needs=bsl&needs=braille&name=Priya")
            #expect(response.status == .ok)
        }
    }

    @Test("A form without the token, with another token, or with a forged cookie is refused with a 403 page")
    func refusesMissingOrWrongTokens() async throws {
        try await application().test(.router) { client in
            let token = try #require(cookieToken(from: try await client.execute(uri: "/form", method: .get)))
            let forged = "AAAA.BBBB"
            let cases: [(String?, String?)] = [(token, nil), (nil, token), (token, tokens.issue()), (forged, forged)]
            for (cookie, field) in cases {
                let response = try await post(client, cookie: cookie, field: field)
                #expect(response.status == .forbidden, "cookie \(cookie ?? "none"), field \(field ?? "none")")
                #expect(response.text.contains("Your form could not be sent"), "a heading that blames nobody")
                #expect(response.text.contains("Go back, reload the page and try again"))
            }
        }
    }

    @Test("A post from another site's page is refused even with a stolen token pair")
    func refusesForeignOrigin() async throws {
        try await application().test(.router) { client in
            let token = try #require(cookieToken(from: try await client.execute(uri: "/form", method: .get)))
            #expect(try await post(client, cookie: token, field: token, origin: "https://evil.example").status == .forbidden)
            #expect(try await post(client, cookie: token, field: token, origin: "http://localhost").status == .ok)
        }
    }

    @Test("Bodies that are not plain forms are refused rather than let through unchecked")
    func refusesOtherBodies() async throws {
        try await application().test(.router) { client in
            let token = try #require(cookieToken(from: try await client.execute(uri: "/form", method: .get)))
            #expect(try await post(client, cookie: token, field: token, contentType: "text/plain").status == .forbidden)
        }
    }

    @Test("API paths, authenticated by keys rather than cookies, are exempt")
    func apiExempt() async throws {
        try await application().test(.router) { client in
            let response = try await client.execute(uri: "/api/v1/things", method: .post, headers: [.contentType: "application/json"],
                                                    body: ByteBuffer(string: "{}"))
            #expect(response.status == .ok)
            #expect(response.headers[.setCookie] == nil, "machine paths get no cookie")
        }
    }

    @Test("Tokens are unique and only this deployment's secret makes authentic ones")
    func tokensAreSigned() {
        let token = tokens.issue()
        #expect(token != tokens.issue())
        #expect(tokens.isAuthentic(token))
        #expect(!CSRFTokens(secret: String(repeating: "z", count: 40)).isAuthentic(token))
        #expect(!tokens.isAuthentic(token + "x"))
        #expect(!tokens.isAuthentic("not-a-token"))
    }
}
