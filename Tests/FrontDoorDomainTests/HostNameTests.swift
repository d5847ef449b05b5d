import FrontDoorDomain
import Testing

@Suite("Host names: normalised so any spelling of the Host header finds its council")
struct HostNameTests {
    @Test("Case, port and trailing dot are ignored",
          arguments: [("Reports.Kingsmere.gov.uk", "reports.kingsmere.gov.uk"), ("reports.kingsmere.gov.uk:8443", "reports.kingsmere.gov.uk"),
                      ("reports.kingsmere.gov.uk.", "reports.kingsmere.gov.uk"), ("localhost:8080", "localhost")])
    func normalises(input: String, expected: String) {
        #expect(HostName.normalise(input) == expected)
    }

    @Test("Things that are not DNS names are refused", arguments: ["", "[::1]:8080", "bad_host.example", "-lead.example", "a..b", "sp ace.example"])
    func refuses(input: String) {
        #expect(HostName.normalise(input) == nil)
    }
}
