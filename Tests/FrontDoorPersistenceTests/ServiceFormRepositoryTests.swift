import Foundation
import FrontDoorDomain
import FrontDoorPersistence
import FrontDoorTestSupport
import Testing

@Suite("Services' forms, by version")
struct ServiceFormRepositoryTests {
    @Test("Saving adds the next version; every earlier version still reads as it was", arguments: TestDatabase.available)
    func versions(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let service = try #require(try await ServiceRepository(database: database)
                .find(code: ServiceCode("missed-bin")!, councilID: DemoCouncil.council.id))
            let forms = ServiceFormRepository(database: database)
            let first = try #require(try await forms.latest(of: service.id))
            #expect(first.version == 1 && first.fields.map(\.id).first == "bin")

            var changed = first.fields
            changed[0].options.append(.init(value: "glass", label: "Glass (purple box)"))
            let second = try await forms.saveNewVersion(of: service.id, fields: changed, at: Date())
            #expect(second.version == 2)
            #expect(try await forms.latest(of: service.id) == second)
            #expect(try await forms.version(1, of: service.id) == first, "a case made with version 1 still reads with it")
            #expect(try await forms.version(3, of: service.id) == nil)
        }
    }

    @Test("An unsound definition is refused naming its problems, and no version is used up", arguments: TestDatabase.available)
    func refused(database kind: TestDatabase) async throws {
        try await kind.withMigratedDatabase { database in
            try await seedDemoCouncil(database)
            let service = try #require(try await ServiceRepository(database: database)
                .find(code: ServiceCode("callback")!, councilID: DemoCouncil.council.id))
            let forms = ServiceFormRepository(database: database)
            let broken = [FieldDefinition(id: "when", kind: .shortText, label: "When?"),
                          FieldDefinition(id: "when", kind: .shortText, label: "Again?", condition: .init(fieldID: "nope", equals: "x"))]
            await #expect(throws: ServiceFormRepository.Refused(problems: [.duplicateFieldID("when"),
                                                                          .unknownConditionField(field: "when", condition: "nope")])) {
                _ = try await forms.saveNewVersion(of: service.id, fields: broken, at: Date())
            }
            #expect(try await forms.latest(of: service.id) == nil)
        }
    }

    @Test("Every demo form is sound and belongs to a demo service")
    func demoForms() {
        for (code, fields) in DemoForms.forms {
            #expect(FormDefinition(version: 1, fields: fields).problems.isEmpty, "\(code)")
            #expect(DemoCatalogue.services.contains { $0.code.value == code }, "\(code) is a demo service")
        }
    }

    @Test("The missed bin form takes a resident's full answer, and says what is missing from an empty one")
    func missedBinAnswers() throws {
        let fields = try #require(DemoForms.forms.first { $0.code == "missed-bin" }?.fields)
        let form = FormDefinition(version: 1, fields: fields)
        let answered = form.check(FormSubmission([
            "bin": ["recycling"], "collection-day-day": ["3"], "collection-day-month": ["11"], "collection-day-year": ["2026"],
            "out-by-7": ["yes"], "address-line1": ["14 Willow Crescent"], "address-town": ["Kingsmere"], "address-postcode": ["KM2 4QT"],
            "address-uprn": ["100023336956"],
        ]))
        #expect(answered.isValid, "\(answered.problems)")
        #expect(answered.answers["bin"] == .choice("recycling"))
        let empty = form.check(FormSubmission([:]))
        #expect(empty.problems.map(\.message) == ["Select which bin was missed", "Enter the collection date",
                                                   "Select if the bin was out by 7am", "Enter the address of the bin"])
    }
}
