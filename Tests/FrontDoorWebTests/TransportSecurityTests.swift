import FrontDoorTestSupport
import FrontDoorWeb
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Behind https")
struct TransportSecurityTests {
    static let hsts = HTTPField.Name("Strict-Transport-Security")!

    @Test("In production on an https address: HSTS is sent and cookies are Secure")
    func httpsProduction() async throws {
        try await withTestApplication(database: .sqlite, mode: .production, configure: { $0.baseURL = "https://reports.kingsmere.example" }) { client in
            let response = try await client.execute(uri: "/", method: .get)
            #expect(response.headers[Self.hsts] == "max-age=31536000; includeSubDomains")
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("fd_csrf=") })
            #expect(cookie.contains("Secure"))
        }
    }

    @Test("On plain http (a developer's machine): no HSTS, and cookies are not marked Secure, or browsers would drop them")
    func plainHTTP() async throws {
        try await withTestApplication(database: .sqlite) { client in
            let response = try await client.execute(uri: "/", method: .get)
            #expect(response.headers[Self.hsts] == nil)
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("fd_csrf=") })
            #expect(!cookie.contains("Secure"))
        }
    }
}

@Suite("Where sign-in returns to")
struct SafeReturnPathTests {
    @Test("Paths on this site are kept", arguments: ["/staff", "/c/kingsmere/staff/audit", "/staff/audit?event=signed-in"])
    func accepted(path: String) {
        #expect(SafeReturnPath.validate(path) == path)
    }

    @Test("Anything that could leave the site is dropped",
          arguments: [nil, "", "staff", "//evil.example", "https://evil.example/", "/\\evil.example", "/staff\nLocation: x"] as [String?])
    func refused(path: String?) {
        #expect(SafeReturnPath.validate(path) == nil)
    }

    @Test("The return query keeps characters that would otherwise end it")
    func queryEncoding() {
        #expect(SafeReturnPath.query("/staff/audit?event=a&actor=b#top") == "?return=/staff/audit%3Fevent%3Da%26actor%3Db%23top")
        #expect(SafeReturnPath.query("/c/kingsmere/staff") == "?return=/c/kingsmere/staff")
    }
}
