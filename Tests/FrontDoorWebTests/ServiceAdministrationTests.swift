import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Managing the catalogue in the product: services and their forms without hand-written JSON,
/// and the whole catalogue carried as a file.
@Suite("Service and form administration")
struct ServiceAdministrationTests {
    static func signInAsManager(_ browser: BrowserLikeClient) async throws {
        let signedIn = try await browser.postForm("/staff/sign-in", [("email", "manager@kingsmere.example"), ("password", DemoCouncil.password)])
        #expect(signedIn.headers[.location] == "/staff")
    }

    static let newService: [(String, String)] = [
        ("code", "dropped-kerb"), ("name", "Apply for a dropped kerb"), ("description", "Ask us to lower the kerb outside your home."),
        ("group", "streets"), ("keywords", "driveway\ncrossover"), ("contact-type", "transaction"), ("channels", "online"),
        ("channels", "phone"), ("settings", "active"), ("standard-unit", "working-days"), ("standard-target", "20"),
        ("standard-statement", "We aim to decide within 20 working days"), ("fee", "£125.00"), ("team", ""), ("top-task", ""),
    ]

    @Test("A manager adds a service and builds its form question by question; residents can use it at once",
          arguments: TestDatabase.available)
    func addServiceAndForm(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await Self.signInAsManager(browser)
            let catalogue = try await browser.get("/staff/services").text
            #expect(catalogue.contains("Add a service") && catalogue.contains(#"href="/staff/services/missed-bin""#))

            let empty = try await browser.postForm("/staff/catalogue/new", [])
            #expect(empty.status == .unprocessableContent)
            let messages = ["Enter a code for the service", "Enter the service&#39;s name", "Enter a description of the service",
                            "Select the service&#39;s group", "Select the kind of contact", "Choose at least one channel",
                            "Enter the standard&#39;s target"]
            var last = empty.text.startIndex
            for message in messages {
                let found = try #require(empty.text.range(of: message, range: last..<empty.text.endIndex), "\(message), in page order")
                last = found.upperBound
            }
            #expect(try await browser.postForm("/staff/catalogue/new", Self.newService.map { $0.0 == "code" ? ("code", "missed-bin") : $0 })
                .text.contains("Another service already has the code missed-bin"))

            let added = try await browser.postForm("/staff/catalogue/new", Self.newService)
            #expect(added.headers[.location] == "/staff/services/dropped-kerb/form?added=1")
            let kerb = try #require(try await ServiceRepository(database: database).find(code: ServiceCode("dropped-kerb")!, councilID: DemoCouncil.council.id))
            #expect(kerb.feePence == 12500 && kerb.keywords == ["driveway", "crossover"] && kerb.channels == [.online, .phone])
            let editor = try await browser.get("/staff/services/dropped-kerb/form?added=1").text
            #expect(editor.contains("Apply for a dropped kerb has been added") && editor.contains("no online form yet"))

            // The first question: one option a line, values made from the labels unless given.
            #expect(try await browser.get("/staff/services/dropped-kerb/form/questions/new?kind=single-choice").text.contains("Options"))
            let first = try await browser.postForm("/staff/services/dropped-kerb/form/questions/new?kind=single-choice", [
                ("id", "property"), ("label", "What kind of property is it?"), ("required", "yes"),
                ("options", "House\nFlat | Flat or maisonette\nBusiness premises")])
            #expect(first.headers[.location] == "/staff/services/dropped-kerb/form?saved=1")
            let forms = ServiceFormRepository(database: database)
            let version1 = try #require(try await forms.latest(of: kerb.id))
            #expect(version1.version == 1 && version1.fields[0].options.map(\.value) == ["house", "flat", "business-premises"])

            // Problems are named on the question's page and nothing is saved.
            let duplicate = try await browser.postForm("/staff/services/dropped-kerb/form/questions/new?kind=short-text", [
                ("id", "property"), ("label", "Again"), ("required", "yes"), ("pattern", "[A-")])
            #expect(duplicate.status == .unprocessableContent)
            #expect(duplicate.text.contains("Two fields have the id &quot;property&quot;"))
            #expect(duplicate.text.contains("has a pattern that is not a valid regular expression"))
            #expect(try await forms.latest(of: kerb.id)?.version == 1)

            // A question asked only for some answers.
            let conditional = try await browser.postForm("/staff/services/dropped-kerb/form/questions/new?kind=yes-no", [
                ("id", "permission"), ("label", "Do you have the landlord's permission?"), ("required", "yes"),
                ("condition-field", "property"), ("condition-value", "flat")])
            #expect(conditional.status == .seeOther)
            let version2 = try #require(try await forms.latest(of: kerb.id))
            #expect(version2.version == 2 && version2.fields[1].condition == .init(fieldID: "property", equals: "flat"))

            let moved = try await browser.postForm("/staff/services/dropped-kerb/form/move", [("question", "permission"), ("direction", "up")])
            #expect(moved.status == .unprocessableContent && moved.text.contains("That move was not saved"))
            let removeParent = try await browser.postForm("/staff/services/dropped-kerb/form/remove", [("question", "property")])
            #expect(removeParent.status == .unprocessableContent && removeParent.text.contains("cannot be removed while"))
            #expect(try await forms.latest(of: kerb.id)?.version == 2)

            // Changing a question keeps its id; the form is a new version.
            let changed = try await browser.postForm("/staff/services/dropped-kerb/form/questions/property", [
                ("label", "What kind of property do you live in?"), ("required", "yes"),
                ("options", "house | House\nflat | Flat or maisonette\nbusiness-premises | Shop or business")])
            #expect(changed.status == .seeOther)
            #expect(try await forms.latest(of: kerb.id)?.fields[0].label == "What kind of property do you live in?")

            // A resident can use it straight away.
            let resident = BrowserLikeClient(browser.client)
            try await ResidentJourney.signedInResident(resident, database)
            let started = try await resident.postForm("/services/dropped-kerb/start", [])
            #expect(started.headers[.location]?.hasSuffix("/property") == true)
            #expect(try await resident.get(try #require(started.headers[.location])).text.contains("What kind of property do you live in?"))

            let events = try await AuditTrail(database: database).events(councilID: DemoCouncil.council.id, limit: 50).map(\.kind)
            #expect(events.contains(.serviceAdded) && events.filter { $0 == .formChanged }.count == 3)
        }
    }

    @Test("Changing a service keeps its code; a bad change shows every problem and saves nothing", arguments: TestDatabase.available)
    func changeService(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await Self.signInAsManager(browser)
            let page = try await browser.get("/staff/services/missed-bin").text
            #expect(page.contains("Code: <strong>missed-bin</strong>") && page.contains("We aim to collect missed bins"))
            let services = ServiceRepository(database: database)
            let before = try #require(try await services.find(code: ServiceCode("missed-bin")!, councilID: DemoCouncil.council.id))
            var fields = ServiceDetailsFormFields.of(before)
            fields.removeAll { $0.0 == "channels" || $0.0 == "standard-target" }
            fields += [("standard-target", "many"), ("settings", "digital-only")]
            let refused = try await browser.postForm("/staff/services/missed-bin", fields)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Choose at least one channel") && refused.text.contains("The target must be a whole number"))
            #expect(try await services.find(code: ServiceCode("missed-bin")!, councilID: DemoCouncil.council.id) == before)

            var good = ServiceDetailsFormFields.of(before).filter { $0.0 != "name" && $0.0 != "code" }
            good += [("name", "Tell us about a missed bin"), ("code", "something-else")]
            let saved = try await browser.postForm("/staff/services/missed-bin", good)
            #expect(saved.headers[.location]?.hasPrefix("/staff/services?saved=") == true)
            let after = try #require(try await services.find(code: ServiceCode("missed-bin")!, councilID: DemoCouncil.council.id))
            #expect(after.name == "Tell us about a missed bin" && after.id == before.id)
            #expect(after.channels == before.channels && after.standard == before.standard && after.owningTeamID == before.owningTeamID)
            #expect(try await services.find(code: ServiceCode("something-else")!, councilID: DemoCouncil.council.id) == nil)
        }
    }

    @Test("Advisors read the catalogue but cannot change it", arguments: TestDatabase.available)
    func advisorsCannot(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, _ in
            try await browser.postForm("/staff/sign-in", [("email", "advisor@kingsmere.example"), ("password", DemoCouncil.password)])
            let catalogue = try await browser.get("/staff/services").text
            #expect(catalogue.contains("Report a missed bin") && !catalogue.contains("Add a service"))
            #expect(try await browser.get("/staff/catalogue/new").status == .forbidden)
            #expect(try await browser.get("/staff/services/missed-bin/form").status == .forbidden)
            #expect(try await browser.postForm("/staff/services/missed-bin/form/remove", [("question", "bin")]).status == .forbidden)
            #expect(try await browser.get("/staff/catalogue/export.yaml").status == .forbidden)
        }
    }

    @Test("The catalogue downloads as YAML or JSON and imports from a file; a bad file lists its problems and changes nothing",
          arguments: TestDatabase.available)
    func importExport(database kind: TestDatabase) async throws {
        try await withDemoDeployment(database: kind) { browser, database in
            try await Self.signInAsManager(browser)
            let yaml = try await browser.get("/staff/catalogue/export.yaml")
            #expect(yaml.status == .ok && yaml.headers[.contentDisposition] == #"attachment; filename="kingsmere-catalogue.yaml""#)
            let text = String(buffer: yaml.body)
            #expect(text.hasPrefix("format: frontdoor-catalogue"))
            let json = try await browser.get("/staff/catalogue/export.json")
            #expect(String(buffer: json.body).contains(#""format" : "frontdoor-catalogue""#))

            let renamed = text.replacingOccurrences(of: "name: Report a missed bin collection\n", with: "name: Tell us about a missed bin\n")
            let imported = try await browser.postMultipart("/staff/catalogue/import", [], files: [
                .init(field: "catalogue", fileName: "catalogue.yaml", contentType: "application/yaml", data: Data(renamed.utf8))])
            #expect(imported.headers[.location]?.contains("imported=") == true)
            #expect(try await ServiceRepository(database: database).find(code: ServiceCode("missed-bin")!, councilID: DemoCouncil.council.id)?.name
                    == "Tell us about a missed bin")

            let broken = text.replacingOccurrences(of: "group: waste", with: "group: rubbish")
            let refused = try await browser.postMultipart("/staff/catalogue/import", [], files: [
                .init(field: "catalogue", fileName: "catalogue.yml", contentType: "application/yaml", data: Data(broken.utf8))])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("The catalogue was not imported, and nothing changed"))
            #expect(refused.text.contains("group &quot;rubbish&quot; is not one of"))
            let wrongKind = try await browser.postMultipart("/staff/catalogue/import", [], files: [
                .init(field: "catalogue", fileName: "catalogue.txt", contentType: "text/plain", data: Data(text.utf8))])
            #expect(wrongKind.text.contains("must be a .yaml, .yml or .json catalogue file"))
            #expect(try await browser.postMultipart("/staff/catalogue/import", []).text.contains("Select a catalogue file to import"))
        }
    }
}

/// The edit form's fields for a stored service, as the page would send them back unchanged.
enum ServiceDetailsFormFields {
    static func of(_ service: CouncilService) -> [(String, String)] {
        var fields: [(String, String)] = [
            ("name", service.name), ("description", service.description), ("group", service.group.rawValue),
            ("keywords", service.keywords.joined(separator: "\n")), ("team", service.owningTeamID?.uuidString ?? ""),
            ("contact-type", service.contactType.rawValue), ("standard-statement", service.standard.statement),
            ("fee", service.feePence.map { String(format: "%d.%02d", $0 / 100, $0 % 100) } ?? ""),
            ("top-task", service.topTaskRank.map(String.init) ?? ""),
        ]
        fields += service.channels.map { ("channels", $0.rawValue) }
        switch service.standard.target {
        case .workingDays(let days): fields += [("standard-unit", "working-days"), ("standard-target", String(days))]
        case .hours(let hours): fields += [("standard-unit", "hours"), ("standard-target", String(hours))]
        }
        if service.isActive { fields.append(("settings", "active")) }
        if service.needsLocation { fields.append(("settings", "location")) }
        if service.needsAccount { fields.append(("settings", "account")) }
        if service.isDigitalOnly { fields.append(("settings", "digital-only")) }
        return fields
    }
}
