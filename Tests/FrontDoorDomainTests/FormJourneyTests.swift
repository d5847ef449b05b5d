import Foundation
import FrontDoorDomain
import Testing

@Suite("The question-page journey over a form")
struct FormJourneyTests {
    typealias Field = FieldDefinition

    static let form = FormDefinition(version: 1, fields: [
        Field(id: "fault", kind: .singleChoice, label: "What is wrong?", errorName: "what is wrong",
              options: [.init(value: "out", label: "It is out"), .init(value: "damaged", label: "It is damaged")]),
        Field(id: "danger", kind: .yesNo, label: "Is it dangerous?", condition: .init(fieldID: "fault", equals: "damaged")),
        Field(id: "when", kind: .date, label: "When did you notice?", errorName: "the date"),
        Field(id: "where", kind: .address, label: "Where is it?"),
        Field(id: "source", kind: .hidden, label: "", fixedValue: "web"),
        Field(id: "notes", kind: .longText, label: "Anything else?", isRequired: false),
    ])

    @Test("Hidden fields are never asked, and a conditional question is asked only when its condition is met")
    func askedQuestions() {
        let out = FormJourney(form: Self.form, submission: FormSubmission(["fault": ["out"]]))
        #expect(out.questions.map(\.id) == ["fault", "when", "where", "notes"])
        let damaged = FormJourney(form: Self.form, submission: FormSubmission(["fault": ["damaged"]]))
        #expect(damaged.questions.map(\.id) == ["fault", "danger", "when", "where", "notes"])
        #expect(damaged.question(after: "fault")?.id == "danger")
        #expect(out.question(after: "fault")?.id == "when")
        #expect(out.question(before: "when")?.id == "fault")
        #expect(out.question(before: "fault") == nil)
        #expect(out.question(after: "notes") == nil)
        #expect(!out.isAsked("danger") && !out.isAsked("source"))
    }

    @Test("Resuming goes to the first question unanswered or answered wrongly; optional ones never hold it up")
    func firstUnfinished() {
        #expect(FormJourney(form: Self.form, submission: FormSubmission([:])).firstUnfinished?.id == "fault")
        let partway = FormSubmission(["fault": ["out"], "when-day": ["31"], "when-month": ["2"], "when-year": ["2026"]])
        #expect(FormJourney(form: Self.form, submission: partway).firstUnfinished?.id == "when", "31 February is not a date")
        let done = FormSubmission(["fault": ["out"], "when-day": ["3"], "when-month": ["2"], "when-year": ["2026"],
                                   "where-line1": ["1 Mill Lane"], "where-town": ["Kingsmere"], "where-postcode": ["KM1 1AA"]])
        #expect(FormJourney(form: Self.form, submission: done).firstUnfinished == nil)
    }

    @Test("A problem names the box at fault in questions made of several boxes")
    func problemInput() {
        let journey = FormJourney(form: Self.form, submission: FormSubmission([
            "when-day": ["3"], "when-year": ["2026"], "where-line1": ["1 Mill Lane"], "where-postcode": ["KM1 1AA"]]))
        #expect(journey.problem(with: "when") == AnswerProblem(fieldID: "when", message: "The date must include a month", inputName: "when-month"))
        #expect(journey.problem(with: "where") == AnswerProblem(fieldID: "where", message: "Enter town or city", inputName: "where-town"))
        #expect(journey.problem(with: "fault") == AnswerProblem(fieldID: "fault", message: "Select what is wrong"))
        #expect(journey.problem(with: "notes") == nil, "optional and blank is fine")
    }

    @Test("A page's answer replaces the whole of that question's earlier answer, boxes left empty included")
    func replacing() {
        let before = FormSubmission(["where-line1": ["1 Mill Lane"], "where-line2": ["Flat 2"], "where-town": ["Kingsmere"],
                                     "where-postcode": ["KM1 1AA"], "where-uprn": ["123"], "fault": ["out"]])
        let page = FormSubmission(["where-line1": ["3 Mill Lane"], "where-town": ["Kingsmere"], "where-postcode": ["KM1 1AA"]])
        let after = before.replacing(Self.form.field("where")!, from: page)
        #expect(after.values == ["where-line1": ["3 Mill Lane"], "where-town": ["Kingsmere"], "where-postcode": ["KM1 1AA"], "fault": ["out"]])
    }

    @Test("Only the inputs of the questions asked are kept when a form is sent")
    func keeping() {
        let typed = FormSubmission(["fault": ["out"], "danger": ["yes"], "stray": ["x"], "when-day": ["1"]])
        let journey = FormJourney(form: Self.form, submission: typed)
        #expect(typed.keeping(journey.questions).values == ["fault": ["out"], "when-day": ["1"]])
    }

    @Test("Checked answers read back exactly from their stored form")
    func storedAnswers() throws {
        let answers: [String: AnswerValue] = [
            "a": .text("Bins"), "b": .number(12.5), "c": .date(year: 2026, month: 3, day: 27), "d": .choice("out"),
            "e": .choices(["bags", "other"]), "f": .yesNo(false),
            "g": .address(PostalAddress(line1: "14 Willow Crescent", town: "Kingsmere", postcode: Postcode("km2 4qt")!, uprn: UPRN("0100023336956"))),
            "h": .location(latitude: 52.2119, longitude: -0.9913), "i": .locationDescription("By the bus stop"),
            "j": .file(name: "tip.png", bytes: 2048, contentType: "image/png"),
        ]
        let json = try JSONEncoder().encode(answers)
        #expect(try JSONDecoder().decode([String: AnswerValue].self, from: json) == answers)
        #expect(String(decoding: json, as: UTF8.self).contains("\"KM2 4QT\""), "a postcode is stored as its text")
        #expect(throws: DecodingError.self) {
            _ = try JSONDecoder().decode(Postcode.self, from: Data("\"not a postcode\"".utf8))
        }
    }
}

@Suite("What an uploaded file really is")
struct FileSignatureTests {
    @Test("JPEG, PNG, PDF and HEIC are recognised by their first bytes", arguments: [
        ([0xFF, 0xD8, 0xFF, 0xE0, 0x00], "image/jpeg"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00], "image/png"),
        (Array("%PDF-1.7\n".utf8), "application/pdf"),
        ([0, 0, 0, 0x18] + Array("ftypheic".utf8) + [0, 0], "image/heic"),
    ] as [([UInt8], String)])
    func recognised(bytes: [UInt8], type: String) {
        #expect(FileSignature.contentType(of: bytes) == type)
    }

    @Test("Anything else is not, whatever its name says", arguments: [
        Array("<html><script>".utf8), Array("GIF89a".utf8), [0x89, 0x50], [], [0, 0, 0, 0x18] + Array("ftypisom".utf8),
    ] as [[UInt8]])
    func unrecognised(bytes: [UInt8]) {
        #expect(FileSignature.contentType(of: bytes) == nil)
    }

    @Test("The file message lists the kinds the question allows")
    func message() {
        let form = FormDefinition(version: 1, fields: [FieldDefinition(id: "f", kind: .fileUpload, label: "Photo",
                                                                        allowedContentTypes: ["image/jpeg", "application/pdf"])])
        let checked = form.check(FormSubmission(["f-name": ["a.gif"], "f-size": ["10"], "f-type": ["image/gif"]]))
        #expect(checked.problems.map(\.message) == ["The selected file must be a JPG or PDF"])
    }
}

@Suite("Editing a form, one change at a time")
struct FormEditingTests {
    typealias Field = FieldDefinition
    static let form = FormJourneyTests.form

    @Test("A changed question keeps its place; a new one goes at the end")
    func replacing() {
        let changed = Field(id: "when", kind: .date, label: "When did it start?")
        #expect(Self.form.replacing("when", with: changed).map(\.label)[2] == "When did it start?")
        #expect(Self.form.replacing(nil, with: Field(id: "photo", kind: .fileUpload, label: "Photo")).last?.id == "photo")
    }

    @Test("Moving a question above the one its condition depends on makes an unsound form; moving past either end does nothing")
    func moving() {
        let moved = FormDefinition(version: 2, fields: Self.form.moving("danger", by: -1))
        #expect(moved.fields.map(\.id).prefix(2) == ["danger", "fault"])
        #expect(moved.problems == [.unknownConditionField(field: "danger", condition: "fault")])
        #expect(Self.form.moving("fault", by: -1) == Self.form.fields)
        #expect(Self.form.moving("notes", by: 1) == Self.form.fields)
    }

    @Test("A question others depend on is named as such; removing one leaves the rest in order")
    func removing() {
        #expect(Self.form.dependents(of: "fault").map(\.id) == ["danger"])
        #expect(Self.form.dependents(of: "when").isEmpty)
        #expect(Self.form.removing("when").map(\.id) == ["fault", "danger", "where", "source", "notes"])
    }
}
