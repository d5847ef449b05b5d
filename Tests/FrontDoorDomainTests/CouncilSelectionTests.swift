import FrontDoorDomain
import Testing

@Suite("Which council a request is for")
struct CouncilSelectionTests {
    let north = try! makeTestCouncil(slug: "north", name: "North District Council")
    let south = try! makeTestCouncil(slug: "south", name: "Aldmouth South Council")

    @Test("A registered host name wins, even over a path prefix")
    func hostNameWins() throws {
        let hosts = [try HostName("reports.north.example"): north.id]
        let selection = CouncilSelection.select(hostName: "Reports.North.example:443", pathSlug: "south",
                                                councils: [north, south], hostNames: hosts)
        #expect(selection == .council(north, via: .hostName))
    }

    @Test("A path prefix chooses among several councils")
    func pathPrefixChooses() {
        let selection = CouncilSelection.select(hostName: "frontdoor.example", pathSlug: "south", councils: [north, south], hostNames: [:])
        #expect(selection == .council(south, via: .pathPrefix))
    }

    @Test("A path prefix naming no council is reported, not guessed")
    func unknownSlug() {
        #expect(CouncilSelection.select(hostName: nil, pathSlug: "west", councils: [north, south], hostNames: [:]) == .unknownSlug("west"))
    }

    @Test("A single-council deployment needs no host name or prefix")
    func onlyCouncil() {
        #expect(CouncilSelection.select(hostName: "localhost", pathSlug: nil, councils: [north], hostNames: [:]) == .council(north, via: .onlyCouncil))
    }

    @Test("With several councils and nothing to go on, the resident chooses from a list sorted by name")
    func mustChoose() {
        #expect(CouncilSelection.select(hostName: "localhost", pathSlug: nil, councils: [north, south], hostNames: [:]) == .mustChoose([south, north]))
    }

    @Test("With no councils at all, that is what is reported")
    func noCouncils() {
        #expect(CouncilSelection.select(hostName: "localhost", pathSlug: nil, councils: [], hostNames: [:]) == .noCouncils)
    }
}

func makeTestCouncil(slug: String, name: String, nation: Nation = .englandAndWales) throws -> Council {
    try Council(slug: CouncilSlug(slug), name: name, nation: nation,
                contact: CouncilContact(email: "hello@\(slug).example", phone: "01632 960 222", address: "Town Hall",
                                        websiteURL: "https://\(slug).example", openingHours: "Monday to Friday, 9am to 5pm"))
}
