import Foundation
import FrontDoorTestSupport
import FrontDoorWeb
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Error pages")
struct ErrorPagesTests {
    @Test("An unknown address gets a 404 page in the site's layout", arguments: TestDatabase.available)
    func notFoundPage(database kind: TestDatabase) async throws {
        try await withTestApplication(database: kind) { client in
            let response = try await client.execute(uri: "/no/such/page", method: .get)
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.text.contains("<title>Page not found – Kingsmere Borough Council</title>"))
            #expect(response.text.contains(#"class="fd-skip-link""#))
        }
    }

    @Test("API clients asking for JSON get the error as JSON")
    func notFoundAsJSON() async throws {
        try await withTestApplication(database: .sqlite) { client in
            let response = try await client.execute(uri: "/no/such/thing", method: .get, headers: [.accept: "application/json"])
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: [String: Any]]
            #expect(object?["error"]?["status"] as? Int == 404)
            #expect(object?["error"]?["requestId"] as? String == response.headers[.requestID])
        }
    }

    /// A router with the real error middleware and templates, and a route that fails as a bug would.
    func failingRouter(showsDetail: Bool) async throws -> Router<ResidentRequestContext> {
        struct DatabaseExploded: Error, CustomStringConvertible { var description: String { "secret stack detail" } }
        let router = Router(context: ResidentRequestContext.self)
        router.add(middleware: ErrorPageMiddleware(renderer: PageRenderer(templates: try await TemplateLibrary.load()),
                                                   showsDeveloperDetail: showsDetail))
        router.get("/broken") { _, _ -> String in throw DatabaseExploded() }
        return router
    }

    @Test("In production a failure shows an apology and a reference, never the error's detail")
    func serverErrorInProduction() async throws {
        let app = Application(router: try await failingRouter(showsDetail: false))
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/broken", method: .get)
            #expect(response.status == .internalServerError)
            #expect(response.text.contains("Sorry, there is a problem with the service"))
            #expect(!response.text.contains("secret stack detail"))
            #expect(!response.text.contains("DatabaseExploded"))
        }
    }

    @Test("In development the failure's detail is shown to save a trip to the logs")
    func serverErrorInDevelopment() async throws {
        let app = Application(router: try await failingRouter(showsDetail: true))
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/broken", method: .get)
            #expect(response.status == .internalServerError)
            #expect(response.text.contains("secret stack detail"))
        }
    }
}
