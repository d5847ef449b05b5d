import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import Testing

@Suite("The gazetteer: importing addresses and finding them by postcode")
struct GazetteerTests {
    static let header = "uprn,line1,line2,town,postcode,latitude,longitude,ward\n"

    @Test("A well-formed file imports; a postcode finds its properties in street order, typed any way", arguments: TestDatabase.available)
    func importAndLookUp(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            let council = try makeCouncil()
            try await CouncilRepository(database: database).create(council)
            let csv = Self.header + """
                200000000010,10 Mill Lane,,Testtown,TS1 1AB,52.1,-1.1,North
                200000000002,2 Mill Lane,,Testtown,ts11ab,52.1,-1.1,North
                200000000003,"Flat 1, Kestrel House",12 Ferry Walk,Testtown,TS1 2AD,52.2,-1.2,South

                """
            let gazetteer = GazetteerRepository(database: database)
            try await gazetteer.replace(councilID: council.id, with: try GazetteerRepository.parse(csv: csv))
            let found = try await gazetteer.addresses(at: try #require(Postcode("ts1 1ab")), councilID: council.id)
            #expect(found.map(\.address.line1) == ["2 Mill Lane", "10 Mill Lane"])
            #expect(found.first?.uprn.value == "200000000002" && found.first?.ward == "North")
            let flats = try await gazetteer.addresses(at: try #require(Postcode("TS1 2AD")), councilID: council.id)
            #expect(flats.first?.address.lines == ["Flat 1, Kestrel House", "12 Ferry Walk", "Testtown", "TS1 2AD"])
            // Importing again replaces, never duplicates.
            try await gazetteer.replace(councilID: council.id, with: try GazetteerRepository.parse(csv: csv))
            #expect(try await gazetteer.count(councilID: council.id) == 3)
        }
    }

    static let badFiles: [(String, String)] = [
        ("uprn,line1\n1,2\n", "line 1: the first line must be the column names"),
        (header + "abc,1 High St,,Town,TS1 1AB,52,-1,W\n", "line 2: \"abc\" is not a UPRN"),
        (header + "1,1 High St,,Town,NOT A CODE,52,-1,W\n", "line 2: \"NOT A CODE\" is not a postcode"),
        (header + "1,1 High St,,Town,TS1 1AB,north,-1,W\n", "line 2: latitude and longitude must be decimal degrees"),
        (header + "1,1 High St,,Town,TS1 1AB,52,-1,W\n1,2 High St,,Town,TS1 1AB,52,-1,W\n", "line 3: UPRN 1 appears twice"),
        (header + "1,,,Town,TS1 1AB,52,-1,W\n", "line 2: line1 is empty"),
        (header + "1,1 High St,,Town,TS1 1AB\n", "line 2: expected 8 fields, found 5"),
        (header, "the file has no addresses"),
    ]

    @Test("A bad file is refused with the line and the problem", arguments: badFiles)
    func refusals(csv: String, message: String) {
        do {
            _ = try GazetteerRepository.parse(csv: csv)
            Issue.record("accepted: \(csv)")
        } catch {
            #expect(error.description.hasPrefix(message), "\(error.description)")
        }
    }

    @Test("The demo gazetteer loads: hundreds of addresses in five wards, the demo customers' homes among them")
    func demo() throws {
        let addresses = try DemoGazetteer.load()
        #expect(addresses.count >= 300)
        #expect(Set(addresses.map(\.ward)).count == 5)
        #expect(addresses.contains { $0.uprn.value == "100023336956" && $0.address.line1 == "14 Willow Crescent" })
    }
}
