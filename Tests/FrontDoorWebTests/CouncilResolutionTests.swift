import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Several councils on one deployment")
struct CouncilResolutionTests {
    static func twoCouncils(_ database: Database) async throws {
        let repository = CouncilRepository(database: database)
        try await repository.create(makeCouncil(slug: "testshire", name: "Testshire County Council", brandColour: "#4c2c92"),
                                    hostNames: [HostName("services.testshire.example")])
        try await repository.create(makeCouncil(slug: "otherton", name: "Otherton Borough Council"))
    }

    @Test("With no host name or prefix, the resident chooses their council", arguments: TestDatabase.available)
    func chooser(database kind: TestDatabase) async throws {
        try await withTestApplication(database: kind, seedDemo: false, prepare: Self.twoCouncils) { client in
            let page = try await client.execute(uri: "/", method: .get).text
            #expect(page.contains("Choose your council"))
            #expect(page.contains(#"href="/c/testshire/""#))
            #expect(page.contains(#"href="/c/otherton/""#))
        }
    }

    @Test("A /c/{slug}/ prefix serves that council, and its links keep the prefix", arguments: TestDatabase.available)
    func pathPrefix(database kind: TestDatabase) async throws {
        try await withTestApplication(database: kind, seedDemo: false, prepare: Self.twoCouncils) { client in
            let home = try await client.execute(uri: "/c/otherton/", method: .get)
            #expect(home.status == .ok)
            #expect(home.text.contains("<title>Otherton Borough Council</title>"))
            #expect(home.text.contains(#"href="/c/otherton/accessibility""#))
            let gallery = try await client.execute(uri: "/c/testshire/components?page=2", method: .get)
            #expect(gallery.status == .ok)
            #expect(gallery.text.contains("Testshire County Council"))
            let brand = try await client.execute(uri: "/c/testshire/brand.css", method: .get)
            #expect(brand.text.contains("#4c2c92"))
        }
    }

    @Test("A prefix naming no council is a 404 page", arguments: TestDatabase.available)
    func unknownPrefix(database kind: TestDatabase) async throws {
        try await withTestApplication(database: kind, seedDemo: false, prepare: Self.twoCouncils) { client in
            let response = try await client.execute(uri: "/c/nowhere/", method: .get)
            #expect(response.status == .notFound)
            #expect(response.text.contains("Page not found"))
        }
    }

    @Test("A council's own host name serves that council at /")
    func hostName() async throws {
        try await withTestApplication(database: .sqlite, seedDemo: false, setup: .live, prepare: Self.twoCouncils) { client in
            let port = try #require(client.port)
            // The Host header is what a council's own domain sends; the test client sets it from the authority.
            let response = try await TestClient.withClient(host: "127.0.0.1", port: port) { raw in
                try await raw.execute(TestClient.Request("/", method: .get, authority: "services.testshire.example"))
            }
            let text = String(buffer: response.body ?? ByteBuffer())
            #expect(text.contains("<title>Testshire County Council</title>"))
            #expect(text.contains(#"href="/accessibility""#))
        }
    }
}
