import Foundation
@testable import FrontDoorDomain
import Testing

@Suite("Open311: a form as a service definition, and a request back into the form's inputs")
struct Open311AttributesTests {
    static let form = FormDefinition(version: 3, fields: [
        FieldDefinition(id: "where", kind: .mapLocation, label: "Where is it?"),
        FieldDefinition(id: "seen-on", kind: .date, label: "When did you see it?", hint: "For example, 27 3 2026"),
        FieldDefinition(id: "waste", kind: .multipleChoice, label: "What has been dumped?",
                        options: [.init(value: "bags", label: "Black bags"), .init(value: "sofa", label: "Furniture")]),
        FieldDefinition(id: "count", kind: .number, label: "How many?", isRequired: false),
        FieldDefinition(id: "urgent", kind: .yesNo, label: "Is it blocking the road?"),
        FieldDefinition(id: "how", kind: .singleChoice, label: "How is it blocking it?", options: [.init(value: "all", label: "All of it")],
                        condition: .init(fieldID: "urgent", equals: "yes")),
        FieldDefinition(id: "details", kind: .longText, label: "Tell us more"),
        FieldDefinition(id: "photo", kind: .fileUpload, label: "Photo", isRequired: false),
        FieldDefinition(id: "source", kind: .hidden, label: "Source", isRequired: false, fixedValue: "web"),
    ])

    @Test("Questions become attributes with the specification's datatypes; files, hidden values and the map do not")
    func attributes() {
        let attributes = Open311Attributes.attributes(of: Self.form)
        #expect(attributes.map(\.code) == ["seen-on", "waste", "count", "urgent", "how", "details"])
        #expect(attributes.map(\.datatype) == ["datetime", "multivaluelist", "number", "singlevaluelist", "singlevaluelist", "text"])
        #expect(attributes.map(\.order) == [1, 2, 3, 4, 5, 6])
        #expect(attributes.map(\.required) == [true, true, false, true, false, false],
                "conditional questions and the one description answers are not required")
        #expect(attributes[0].datatypeDescription == "An ISO 8601 date, such as 2026-11-24")
        #expect(attributes[1].values.map(\.key) == ["bags", "sofa"] && attributes[3].values.map(\.key) == ["yes", "no"])
        #expect(attributes[4].description.contains("asked only when urgent is yes"))
        #expect(attributes[5].description.contains("description"))
    }

    @Test("A request's parameters fill the form's inputs, and the form's own rules then accept it")
    func submission() throws {
        let request = Open311Attributes.Request(latitude: "51.501", longitude: "-0.142", description: "Three bags by the bench",
                                                attributes: ["seen-on": ["2026-11-20T18:30:00Z"], "waste": ["bags", "sofa"], "urgent": ["no"]])
        let built = try Open311Attributes.submission(request, form: Self.form).get()
        #expect(built.values["where-latitude"] == ["51.501"] && built.values["where-longitude"] == ["-0.142"])
        #expect(built.values["seen-on-day"] == ["20"] && built.values["seen-on-month"] == ["11"] && built.values["seen-on-year"] == ["2026"])
        #expect(built.values["waste"] == ["bags", "sofa"] && built.values["details"] == ["Three bags by the bench"])
        let checked = Self.form.check(built)
        #expect(checked.isValid, "\(checked.problems)")
        #expect(checked.answers["waste"] == .choices(["bags", "sofa"]) && checked.answers["where"] == .location(latitude: 51.501, longitude: -0.142))

        // Given as an attribute, the long text wins over the description; an address string places a report without coordinates.
        let described = try Open311Attributes.submission(.init(addressString: "Outside 4 Mill Lane", description: "ignored",
                                                               attributes: ["details": ["From the attribute"]]), form: Self.form).get()
        #expect(described.values["details"] == ["From the attribute"] && described.values["where-description"] == ["Outside 4 Mill Lane"])
    }

    @Test("Attributes the form lacks and dates that are not ISO 8601 are refused by name")
    func refusals() {
        let request = Open311Attributes.Request(latitude: "51.5", longitude: "-0.1", attributes: ["seen-on": ["27/3/2026"], "colour": ["red"]])
        guard case .failure(let problems) = Open311Attributes.submission(request, form: Self.form) else {
            Issue.record("accepted")
            return
        }
        #expect(problems.all.map(\.field) == ["attribute[colour]", "attribute[seen-on]"])
    }

    @Test("An address question takes a known address, or an address string ending with the town and postcode")
    func addresses() throws {
        let form = FormDefinition(version: 1, fields: [FieldDefinition(id: "home", kind: .address, label: "Your address")])
        let parsed = try Open311Attributes.submission(.init(addressString: "Flat 3, 77 Station Road, Kingsmere, KM1 3DP"), form: form).get()
        #expect(parsed.values["home-line1"] == ["Flat 3"] && parsed.values["home-line2"] == ["77 Station Road"])
        #expect(parsed.values["home-town"] == ["Kingsmere"] && parsed.values["home-postcode"] == ["KM1 3DP"])
        let known = PostalAddress(line1: "14 Willow Crescent", town: "Kingsmere", postcode: Postcode("KM2 4QT")!, uprn: UPRN("100023336956"))
        let fromGazetteer = try Open311Attributes.submission(.init(knownAddress: known), form: form).get()
        #expect(fromGazetteer.values["home-uprn"] == ["100023336956"] && form.check(fromGazetteer).isValid)
        guard case .failure(let problems) = Open311Attributes.submission(.init(addressString: "somewhere near the park"), form: form) else {
            Issue.record("accepted")
            return
        }
        #expect(problems.all.map(\.field) == ["address_string"])
    }

    @Test("Coordinates place a request; without them a known address (a UPRN) places it at the property; with neither, a form with a map lacks a location")
    func placing() throws {
        let known = GazetteerAddress(address: PostalAddress(line1: "14 Willow Crescent", town: "Kingsmere", postcode: try #require(Postcode("KM2 4QT"))),
                                     latitude: 52.21, longitude: -0.99, ward: "Castlefield")
        let atProperty = Open311Attributes.placed(latitude: "", longitude: "", addressString: "", known: known, attributes: [:])
        #expect(atProperty.latitude == "52.21" && atProperty.longitude == "-0.99" && atProperty.knownAddress == known.address)
        let byCoordinates = Open311Attributes.placed(latitude: "52.3", longitude: "-1.0", addressString: "", known: known, attributes: [:])
        #expect(byCoordinates.latitude == "52.3" && byCoordinates.knownAddress == known.address, "given coordinates win; the address is kept")
        let nowhere = Open311Attributes.placed(latitude: "", longitude: "", addressString: "", known: nil, attributes: [:])
        #expect(Open311Attributes.lacksLocation(nowhere, form: Self.form), "the form has a map question")
        #expect(!Open311Attributes.lacksLocation(nowhere, form: FormDefinition(version: 1, fields: [FieldDefinition(id: "q", kind: .longText, label: "Q")])))
        #expect(!Open311Attributes.lacksLocation(atProperty, form: Self.form))
        let described = Open311Attributes.placed(latitude: "", longitude: "", addressString: "Outside the library", known: nil, attributes: [:])
        #expect(!Open311Attributes.lacksLocation(described, form: Self.form))
    }
}
