import FrontDoorDomain
import Testing

@Suite("API scopes: named in lists, and the one each JSON API request needs")
struct ApiScopeTests {
    @Test("Reading a resource needs its read scope, writing its write scope; services are read only; other paths need none",
          arguments: [
              ("customers", false, ApiScope.customersRead), ("customers", true, .customersWrite),
              ("cases", false, .casesRead), ("cases", true, .casesWrite),
              ("contacts", false, .contactsRead), ("contacts", true, .contactsWrite),
              ("services", false, .servicesRead),
          ] as [(String, Bool, ApiScope)])
    func needed(resource: String, writing: Bool, scope: ApiScope) {
        #expect(ApiScope.needed(forResource: resource, writing: writing) == scope)
    }

    @Test("No scope lets anyone write services, and unknown resources need none (they are 404s)")
    func notNeeded() {
        #expect(ApiScope.needed(forResource: "services", writing: true) == nil)
        #expect(ApiScope.needed(forResource: "nothing", writing: false) == nil)
        #expect(ApiScope.needed(forResource: "", writing: true) == nil)
    }

    @Test("A comma-separated list gives its scopes; an unknown name is refused, naming it and the scopes there are")
    func parse() throws {
        #expect(try ApiScope.parse(" cases:read, customers:write ,").get() == [.casesRead, .customersWrite])
        guard case .failure(let unknown) = ApiScope.parse("cases:read,cases:delete") else {
            Issue.record("an unknown scope was accepted")
            return
        }
        #expect(unknown.name == "cases:delete" && unknown.description.contains("contacts:write"))
    }
}
