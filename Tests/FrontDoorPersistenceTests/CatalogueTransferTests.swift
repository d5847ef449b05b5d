import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import SQLKit
import Testing

@Suite("Carrying the catalogue between environments (YAML and JSON)")
struct CatalogueTransferTests {
    static func count(_ table: String, _ database: Database) async throws -> Int {
        struct Count: Decodable { var n: Int }
        return try await database.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first(decoding: Count.self)?.n ?? -1
    }

    @Test("Export, import elsewhere and export again gives identical output", arguments: TestDatabase.available, CatalogueFormat.allCases)
    func roundTrip(database kind: TestDatabase, format: CatalogueFormat) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let transfer = CatalogueTransfer(database: database)
            let first = try format.encode(try await transfer.export(councilID: DemoCouncil.council.id))
            #expect(first.contains("fly-tipping") && first.contains("Where is the fly-tipping?"))

            let elsewhere = try makeCouncil()
            try await CouncilRepository(database: database).create(elsewhere)
            let report = try await transfer.importCatalogue(try format.decode(first), councilID: elsewhere.id, at: Date())
            #expect(report.created.count == 24 && report.updated.isEmpty && report.newFormVersions.count == DemoForms.forms.count)
            #expect(report.teamsCreated.contains("Waste and recycling"))

            let second = try format.encode(try await transfer.export(councilID: elsewhere.id))
            #expect(second == first)
        }
    }

    @Test("Importing a council's own export changes nothing, and adds no form versions", arguments: TestDatabase.available)
    func idempotent(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let transfer = CatalogueTransfer(database: database)
            let document = try await transfer.export(councilID: DemoCouncil.council.id)
            let versions = try await Self.count("service_forms", database)
            let report = try await transfer.importCatalogue(document, councilID: DemoCouncil.council.id, at: Date())
            #expect(report.unchanged.count == 24 && report.created.isEmpty && report.updated.isEmpty && report.newFormVersions.isEmpty)
            #expect(report.teamsCreated.isEmpty && report.notInFile.isEmpty)
            #expect(try await Self.count("service_forms", database) == versions)
        }
    }

    static let handWritten = """
        format: frontdoor-catalogue
        formatVersion: 1
        services:
          - code: dropped-kerb
            name: Apply for a dropped kerb
            description: Ask us to lower the kerb outside your home so you can park off the road.
            group: streets
            team: Highways and street scene
            contactType: transaction
            channels: [online, phone]
            standard: {workingDays: 20, statement: We aim to decide within 20 working days}
            feePence: 12500
            form:
              - {id: address, kind: address, label: Where do you want the dropped kerb?}
              - {id: width, kind: number, label: How wide is your driveway in metres?, minimum: 2.4, maximum: 12}
              - id: permission
                kind: yes-no
                label: Do you own the property?
          - code: missed-bin
            name: Report a missed bin collection
            description: Tell us if we did not empty your bin on collection day.
            group: waste
            contactType: interaction
            channels: [online, phone, email]
            standard: {workingDays: 2, statement: We aim to collect missed bins within 2 working days}
        """

    @Test("A hand-written file needs only what differs from the defaults; services are added or updated by code", arguments: TestDatabase.available)
    func handWritten(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let report = try await CatalogueTransfer(database: database)
                .importCatalogue(try CatalogueFormat.yaml.decode(Self.handWritten), councilID: DemoCouncil.council.id, at: Date())
            #expect(report.created == ["dropped-kerb"] && report.updated == ["missed-bin"] && report.newFormVersions == ["dropped-kerb"])
            #expect(report.notInFile.count == 23)

            let services = ServiceRepository(database: database)
            let kerb = try #require(try await services.find(code: ServiceCode("dropped-kerb")!, councilID: DemoCouncil.council.id))
            #expect(kerb.feePence == 12500 && kerb.isActive && !kerb.isDigitalOnly && kerb.channels == [.online, .phone])
            #expect(kerb.owningTeamID != nil, "the team is found by name")
            let form = try #require(try await ServiceFormRepository(database: database).latest(of: kerb.id))
            #expect(form.fields.map(\.isRequired) == [true, true, true] && form.fields[1].errorName == "how wide is your driveway in metres")
            let bins = try #require(try await services.find(code: ServiceCode("missed-bin")!, councilID: DemoCouncil.council.id))
            #expect(bins.name == "Report a missed bin collection" && bins.owningTeamID == nil)
            #expect(try await ServiceFormRepository(database: database).latest(of: bins.id)?.version == 1, "no form in the file: the form stays")
        }
    }

    @Test("A file with unsound services or forms is refused, every problem named by service, and nothing changes",
          arguments: TestDatabase.available)
    func refused(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let broken = Self.handWritten
                .replacingOccurrences(of: "group: streets", with: "group: roads")
                .replacingOccurrences(of: "{id: width, kind: number", with: "{id: address, kind: number")
                .replacingOccurrences(of: "label: Do you own the property?",
                                      with: "label: Do you own the property?\n        condition: {fieldID: owner, equals: 'yes'}\n        pattern: '[a-'")
                .replacingOccurrences(of: "code: missed-bin", with: "code: dropped-kerb")
                .replacingOccurrences(of: "team: Highways and street scene", with: "team: Parks")
            let before = (try await Self.count("services", database), try await Self.count("teams", database), try await Self.count("service_forms", database))
            let problems = await #expect(throws: CatalogueProblems.self) {
                _ = try await CatalogueTransfer(database: database)
                    .importCatalogue(try CatalogueFormat.yaml.decode(broken), councilID: DemoCouncil.council.id, at: Date())
            }
            let messages = problems?.messages ?? []
            #expect(messages.contains { $0.hasPrefix("service 1 (dropped-kerb): group \"roads\" is not one of") })
            #expect(messages.contains("service 1 (dropped-kerb): form: two fields have the id \"address\""))
            #expect(messages.contains("service 1 (dropped-kerb): form: field \"permission\" is shown depending on \"owner\", which is not a question asked before it"))
            #expect(messages.contains("service 1 (dropped-kerb): form: field \"permission\" has a pattern that is not a valid regular expression"))
            #expect(messages.contains("service 2 (dropped-kerb): another service in the file has the same code"))
            let after = (try await Self.count("services", database), try await Self.count("teams", database), try await Self.count("service_forms", database))
            #expect(after == before, "no team Parks, no service, no form version")
        }
    }

    @Test("A file that cannot be read says where and why")
    func unreadable() {
        func problem(_ text: String, _ format: CatalogueFormat = .yaml) -> String? {
            do {
                _ = try format.decode(text)
                return nil
            } catch {
                return error.messages.first
            }
        }
        let wrongChannels = Self.handWritten.replacingOccurrences(of: "channels: [online, phone]", with: "channels: online")
        #expect(problem(wrongChannels) == "services[0].channels: expected a list")
        #expect(problem(Self.handWritten.replacingOccurrences(of: "    name: Apply for a dropped kerb\n", with: ""))
            == "services[0]: \"name\" is missing")
        #expect(problem("format: something-else\nformatVersion: 1\nservices: []") ==
            "the file is not a FrontDoor catalogue (its format is \"something-else\", not \"frontdoor-catalogue\")")
        #expect(problem("{\"format\": \"frontdoor-catalogue\", \"formatVersion\": 9, \"services\": []}", .json)?.contains("newer FrontDoor") == true)
        #expect(problem("{ not json", .json)?.hasPrefix("the file") == true)
    }
}
