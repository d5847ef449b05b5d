import FrontDoorWeb
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The client's address behind reverse proxies")
struct ClientAddressTests {
    static let proxies: Set<String> = ["10.0.0.2", "10.0.0.3"]

    @Test("Resolution", arguments: [
        // connecting, X-Forwarded-For, expected
        ("198.51.100.7", nil, "198.51.100.7"),                                 // direct: the connection is the client
        ("198.51.100.7", "203.0.113.5", "198.51.100.7"),                       // untrusted sender: its header is ignored
        ("10.0.0.2", "203.0.113.5", "203.0.113.5"),                            // one trusted proxy
        ("10.0.0.2", "203.0.113.5, 10.0.0.3", "203.0.113.5"),                  // two trusted proxies in a chain
        ("10.0.0.2", "1.2.3.4, 203.0.113.5", "203.0.113.5"),                   // a forged left-hand entry is not believed
        ("10.0.0.2", nil, "10.0.0.2"),                                         // proxy sent no header
        ("10.0.0.2", "10.0.0.3", "10.0.0.3"),                                  // only proxies: the earliest one
    ] as [(String, String?, String)])
    func resolution(connecting: String, forwardedFor: String?, expected: String) {
        #expect(ClientAddress.resolve(connecting: connecting, forwardedFor: forwardedFor, trustedProxies: Self.proxies) == expected)
    }

    func application(trusting proxies: Set<String>) -> some ApplicationProtocol {
        let router = Router(context: ResidentRequestContext.self)
        router.add(middleware: ClientAddressMiddleware(trustedProxies: proxies))
        router.get("/whoami") { _, context in context.remoteAddress }
        return Application(router: router)
    }

    @Test("Over a real connection: the header counts only when the connection is from a trusted proxy")
    func middleware() async throws {
        let header: HTTPFields = [HTTPField.Name("X-Forwarded-For")!: "203.0.113.5"]
        try await application(trusting: ["127.0.0.1"]).test(.live) { client in
            let response = try await client.execute(uri: "/whoami", method: .get, headers: header)
            #expect(response.text == "203.0.113.5")
        }
        try await application(trusting: []).test(.live) { client in
            let response = try await client.execute(uri: "/whoami", method: .get, headers: header)
            #expect(response.text == "127.0.0.1")
        }
    }
}
