import Foundation
import FrontDoorDomain
import Testing

@Suite("Form definitions: what may be saved")
struct FormDefinitionTests {
    typealias Field = FieldDefinition

    static let colour = Field(id: "colour", kind: .singleChoice, label: "Which bin was missed?",
                              options: [.init(value: "black", label: "Black"), .init(value: "blue", label: "Blue")])

    @Test("A sound definition has no problems")
    func sound() {
        let form = FormDefinition(version: 1, fields: [
            Self.colour,
            Field(id: "details", kind: .longText, label: "Tell us more", isRequired: false, condition: .init(fieldID: "colour", equals: "blue")),
            Field(id: "channel", kind: .hidden, label: "", fixedValue: "web"),
        ])
        #expect(form.problems.isEmpty)
    }

    static let broken: [(String, [FieldDefinition], FormDefinitionProblem)] = [
        ("duplicate ids", [Field(id: "a", kind: .shortText, label: "A"), Field(id: "a", kind: .number, label: "B")], .duplicateFieldID("a")),
        ("condition on unknown field", [Field(id: "a", kind: .shortText, label: "A", condition: .init(fieldID: "zzz", equals: "x"))],
         .unknownConditionField(field: "a", condition: "zzz")),
        ("condition on a later field", [Field(id: "a", kind: .shortText, label: "A", condition: .init(fieldID: "colour", equals: "x")), colour],
         .unknownConditionField(field: "a", condition: "colour")),
        ("invalid pattern", [Field(id: "reg", kind: .shortText, label: "Reg", pattern: "[A-Z")], .invalidPattern("reg")),
        ("bad id", [Field(id: "1st", kind: .shortText, label: "A")], .invalidFieldID("1st")),
        ("no label", [Field(id: "a", kind: .shortText, label: " ")], .missingLabel("a")),
        ("one option", [Field(id: "a", kind: .singleChoice, label: "A", options: [.init(value: "x", label: "X")])], .tooFewOptions("a")),
        ("same option twice", [Field(id: "a", kind: .multipleChoice, label: "A", options: [.init(value: "x", label: "X"), .init(value: "x", label: "Y")])],
         .duplicateOption("a")),
        ("empty range", [Field(id: "a", kind: .number, label: "A", minimum: 5, maximum: 1)], .emptyRange("a")),
        ("hidden without value", [Field(id: "a", kind: .hidden, label: "")], .hiddenWithoutValue("a")),
    ]

    @Test("Each kind of mistake is refused, naming the field", arguments: broken)
    func problems(what: String, fields: [FieldDefinition], problem: FormDefinitionProblem) {
        let found = FormDefinition(version: 1, fields: fields).problems
        #expect(found.contains(problem), "\(what): \(found)")
        #expect(problem.description.contains("\"") || problem == .versionBelowOne)
    }

    @Test("Versions start at 1")
    func version() {
        #expect(FormDefinition(version: 0, fields: []).problems == [.versionBelowOne])
    }

    @Test("Error names come from the question when none is given")
    func errorNames() {
        #expect(Field(id: "a", kind: .shortText, label: "What is the registration number?").errorName == "the registration number")
        #expect(Field(id: "a", kind: .shortText, label: "Full name").errorName == "full name")
        #expect(Field(id: "a", kind: .shortText, label: "Anything", errorName: "your reference").errorName == "your reference")
    }
}

@Suite("Checking answers: every field type and rule")
struct FormAnswerTests {
    typealias Field = FieldDefinition

    func check(_ field: Field, _ values: [String: [String]]) -> CheckedAnswers {
        FormDefinition(version: 1, fields: [field]).check(FormSubmission(values))
    }

    func problem(_ field: Field, _ values: [String: [String]]) -> String? {
        check(field, values).problems.first?.message
    }

    func answer(_ field: Field, _ values: [String: [String]]) -> AnswerValue? {
        check(field, values).answers[field.id]
    }

    @Test("Short and long text: required, lengths, patterns")
    func text() {
        let reg = Field(id: "reg", kind: .shortText, label: "What is the registration number?", minimumLength: 2, maximumLength: 8,
                        pattern: "[A-Z0-9 ]+", patternMessage: "Enter the registration number using letters and numbers only")
        #expect(problem(reg, [:]) == "Enter the registration number")
        #expect(problem(reg, ["reg": ["A"]]) == "The registration number must be 2 characters or more")
        #expect(problem(reg, ["reg": ["AB12 CDEF"]]) == "The registration number must be 8 characters or fewer")
        #expect(problem(reg, ["reg": ["ab12"]]) == "Enter the registration number using letters and numbers only")
        #expect(answer(reg, ["reg": ["  AB12 CDE "]]) == .text("AB12 CDE"))
        let story = Field(id: "story", kind: .longText, label: "Describe the problem", isRequired: false)
        #expect(check(story, [:]).isValid && answer(story, [:]) == nil)
        #expect(problem(story, ["story": [String(repeating: "x", count: 5001)]]) == "Describe the problem must be 5000 characters or fewer")
    }

    @Test("Numbers: format and range")
    func number() {
        let bins = Field(id: "bins", kind: .number, label: "How many bins?", errorName: "the number of bins", minimum: 1, maximum: 5)
        #expect(problem(bins, ["bins": ["two"]]) == "The number of bins must be a number")
        #expect(problem(bins, ["bins": ["0"]]) == "The number of bins must be 1 or more")
        #expect(problem(bins, ["bins": ["6"]]) == "The number of bins must be 5 or less")
        #expect(answer(bins, ["bins": ["3"]]) == .number(3))
        #expect(answer(Field(id: "n", kind: .number, label: "N"), ["n": ["1,250"]]) == .number(1250))
    }

    @Test("Email, UK phone and postcode answers")
    func contactFormats() {
        let email = Field(id: "email", kind: .email, label: "Email address")
        #expect(problem(email, ["email": ["ann.example.com"]]) == "Enter an email address in the correct format, like name@example.com")
        #expect(answer(email, ["email": ["Ann@Example.com"]]) == .text("ann@example.com"))
        let phone = Field(id: "phone", kind: .ukPhone, label: "Phone number")
        #expect(problem(phone, ["phone": ["12"]]) != nil)
        #expect(answer(phone, ["phone": ["07700 900 982"]]) == .text("07700 900 982"))
        let postcode = Field(id: "pc", kind: .ukPostcode, label: "Postcode")
        #expect(problem(postcode, ["pc": ["KM1"]]) == "Enter a real postcode, like KM1 1AA")
        #expect(answer(postcode, ["pc": ["km11aa"]]) == .text("KM1 1AA"))
    }

    @Test("Dates: each part needed, and a real date", arguments: [
        (["when-day": ["31"], "when-month": ["2"], "when-year": ["2026"]], "Date of collection must be a real date"),
        (["when-day": ["1"], "when-year": ["2026"]], "Date of collection must include a month"),
        (["when-day": ["1"], "when-month": ["2"], "when-year": ["26"]], "Date of collection must be a real date"),
        ([:], "Enter date of collection"),
    ])
    func badDates(values: [String: [String]], message: String) {
        #expect(problem(Field(id: "when", kind: .date, label: "Date of collection"), values) == message)
    }

    @Test("A real date, including 29 February in a leap year")
    func goodDate() {
        let when = Field(id: "when", kind: .date, label: "Date")
        #expect(answer(when, ["when-day": ["29"], "when-month": ["2"], "when-year": ["2028"]]) == .date(year: 2028, month: 2, day: 29))
    }

    @Test("Single and multiple choice accept only their options; yes/no only yes or no")
    func choices() {
        let bin = FormDefinitionTests.colour
        #expect(problem(bin, [:]) == "Select which bin was missed")
        #expect(problem(bin, ["colour": ["green"]]) == "Select which bin was missed")
        #expect(answer(bin, ["colour": ["blue"]]) == .choice("blue"))
        let items = Field(id: "items", kind: .multipleChoice, label: "Items", options: [.init(value: "sofa", label: "Sofa"),
                                                                                         .init(value: "fridge", label: "Fridge")])
        #expect(answer(items, ["items": ["fridge", "sofa"]]) == .choices(["sofa", "fridge"]), "kept in the form's order")
        #expect(problem(items, ["items": ["sofa", "piano"]]) == "Select items")
        let dangerous = Field(id: "dangerous", kind: .yesNo, label: "Is it dangerous?", errorName: "if it is dangerous")
        #expect(answer(dangerous, ["dangerous": ["no"]]) == .yesNo(false))
        #expect(problem(dangerous, ["dangerous": ["maybe"]]) == "Select if it is dangerous")
    }

    @Test("Addresses: lines, town and a real postcode; the UPRN when chosen from the gazetteer")
    func address() {
        let home = Field(id: "home", kind: .address, label: "Your address")
        #expect(problem(home, [:]) == "Enter your address")
        #expect(problem(home, ["home-line1": ["1 High St"], "home-postcode": ["KM1 1AA"]]) == "Enter town or city")
        #expect(problem(home, ["home-line1": ["1 High St"], "home-town": ["Kingsmere"], "home-postcode": ["nope"]])
                == "Enter a real postcode, like KM1 1AA")
        let chosen = answer(home, ["home-line1": ["14 Willow Crescent"], "home-town": ["Kingsmere"], "home-postcode": ["km2 4qt"],
                                   "home-uprn": ["100023336956"]])
        guard case .address(let address) = chosen else { Issue.record("no address: \(String(describing: chosen))"); return }
        #expect(address.postcode.value == "KM2 4QT" && address.uprn?.value == "100023336956")
    }

    @Test("Map locations: a point, or without JavaScript a description")
    func location() {
        let place = Field(id: "where", kind: .mapLocation, label: "Where is it?")
        #expect(answer(place, ["where-latitude": ["52.2"], "where-longitude": ["-1.0"]]) == .location(latitude: 52.2, longitude: -1.0))
        #expect(answer(place, ["where-description": ["Outside the library"]]) == .locationDescription("Outside the library"))
        #expect(problem(place, ["where-latitude": ["95"], "where-longitude": ["0"]]) == "Show where on the map, or describe the location")
    }

    @Test("File uploads: type and size limits")
    func files() {
        let photo = Field(id: "photo", kind: .fileUpload, label: "Photo", maximumFileBytes: 1_000_000)
        #expect(problem(photo, ["photo-name": ["a.exe"], "photo-size": ["10"], "photo-type": ["application/x-msdownload"]])
                == "The selected file must be a JPG, PNG, HEIC or PDF")
        #expect(problem(photo, ["photo-name": ["a.jpg"], "photo-size": ["2000000"], "photo-type": ["image/jpeg"]]) != nil)
        #expect(problem(photo, ["photo-name": ["a.jpg"], "photo-size": ["0"], "photo-type": ["image/jpeg"]]) == "The selected file is empty")
        #expect(answer(photo, ["photo-name": ["a.jpg"], "photo-size": ["2048"], "photo-type": ["image/JPEG"]])
                == .file(name: "a.jpg", bytes: 2048, contentType: "image/jpeg"))
    }

    @Test("Hidden fields carry their value whatever is sent")
    func hidden() {
        let channel = Field(id: "channel", kind: .hidden, label: "", fixedValue: "web")
        #expect(answer(channel, ["channel": ["phone"]]) == .text("web"))
    }

    @Test("A question whose condition is not met is skipped, and its answer dropped; every problem is reported at once")
    func conditions() {
        let form = FormDefinition(version: 1, fields: [
            FormDefinitionTests.colour,
            Field(id: "lid", kind: .yesNo, label: "Was the lid closed?", errorName: "if the lid was closed",
                  condition: .init(fieldID: "colour", equals: "blue")),
            Field(id: "name", kind: .shortText, label: "Full name"),
            Field(id: "email", kind: .email, label: "Email address"),
        ])
        let black = form.check(FormSubmission(["colour": ["black"], "lid": ["yes"], "name": ["Ann"], "email": ["ann@example.com"]]))
        #expect(black.isValid && black.answers["lid"] == nil)
        let blue = form.check(FormSubmission(["colour": ["blue"]]))
        #expect(blue.problems.map(\.fieldID) == ["lid", "name", "email"])
    }
}
