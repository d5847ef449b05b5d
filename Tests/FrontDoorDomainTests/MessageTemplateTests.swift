import FrontDoorDomain
import Testing

@Suite("Message templates: ((placeholder)) personalisation")
struct MessageTemplateTests {
    static func rendered(_ template: MessageTemplate, _ values: [String: String]) throws -> (subject: String, body: String) {
        try template.render(values).get()
    }

    static func body(_ body: String, _ values: [String: String] = [:]) throws -> String {
        try rendered(MessageTemplate(body: body), values).body
    }

    static func missing(_ template: MessageTemplate, _ values: [String: String]) -> [String]? {
        switch template.render(values) {
        case .success: nil
        case .failure(let missing): missing.names
        }
    }

    // MARK: Listing placeholders

    @Test("Placeholders are listed once each, in the order they first appear, subject first")
    func placeholdersInOrder() {
        let template = MessageTemplate(subject: "Your request ((reference)) for ((name))",
                                       body: "Dear ((name)), ((reference)) is due ((due_date)). ((urgent??Please hurry.)) ((link))")
        #expect(template.placeholders == ["reference", "name", "due_date", "urgent", "link"])
    }

    @Test("A placeholder only in the body still comes after the subject's")
    func subjectBeforeBody() {
        #expect(MessageTemplate(subject: "((b))", body: "((a)) ((b))").placeholders == ["b", "a"])
    }

    @Test("Spaces around a placeholder's name are not part of it")
    func placeholderNameTrimmed() {
        #expect(MessageTemplate(body: "Dear (( name )), ((  reference))").placeholders == ["name", "reference"])
    }

    @Test("Text with no placeholders has none", arguments: ["", "Plain text", "A (bracket) and ))", "Unclosed (( bracket"])
    func noPlaceholders(body: String) {
        #expect(MessageTemplate(body: body).placeholders == [])
    }

    // MARK: Filling placeholders

    @Test("Placeholders in the subject and body are filled with their values")
    func filled() throws {
        let result = try Self.rendered(MessageTemplate(subject: "Request ((reference))", body: "Dear ((name)), about ((reference))."),
                                       ["name": "Margaret", "reference": "FD-1"])
        #expect(result.subject == "Request FD-1")
        #expect(result.body == "Dear Margaret, about FD-1.")
    }

    @Test("Values not used by the template are ignored")
    func extraValuesIgnored() throws {
        #expect(try Self.body("Hi ((name))", ["name": "Ann", "unused": "x"]) == "Hi Ann")
    }

    @Test("An empty value counts as given")
    func emptyValueGiven() throws {
        #expect(try Self.body("Hi ((name)).", ["name": ""]) == "Hi .")
    }

    @Test("A placeholder's name matches without regard to case or surrounding spaces",
          arguments: ["((name))", "((Name))", "((NAME))", "(( Name ))", "((  nAmE))"])
    func nameInTemplateMatches(placeholder: String) throws {
        #expect(try Self.body("Dear \(placeholder)!", ["name": "Ann"]) == "Dear Ann!")
    }

    @Test("A value's key matches without regard to case or surrounding spaces", arguments: ["name", "Name", " NAME ", "nAmE  "])
    func keyInValuesMatches(key: String) throws {
        #expect(try Self.body("Dear ((name))!", [key: "Ann"]) == "Dear Ann!")
    }

    // MARK: Optional text

    @Test("((flag??text)) shows the text when the value is yes or true, in any case",
          arguments: ["yes", "Yes", "YES", "true", "True", "TRUE", "tRuE"])
    func optionalShown(value: String) throws {
        #expect(try Self.body("Hello.((urgent?? Please reply today.))", ["urgent": value]) == "Hello. Please reply today.")
    }

    @Test("((flag??text)) shows nothing for any other value",
          arguments: ["no", "No", "false", "", "y", "1", "yes please", "Please reply today."])
    func optionalHidden(value: String) throws {
        #expect(try Self.body("Hello.((urgent?? Please reply today.))", ["urgent": value]) == "Hello.")
    }

    @Test("An optional placeholder's flag is listed and must be given")
    func optionalFlagRequired() {
        let template = MessageTemplate(body: "Hello.((urgent??Please reply today.))")
        #expect(template.placeholders == ["urgent"])
        #expect(Self.missing(template, [:]) == ["urgent"])
    }

    @Test("An optional placeholder's flag matches without regard to case or spaces")
    func optionalFlagNameNormalised() throws {
        #expect(try Self.body("((  Urgent ??Now.))", ["URGENT": "yes"]) == "Now.")
    }

    // MARK: Missing values

    @Test("Every missing value is named at once, in order, whether in the subject or the body")
    func allMissingNamed() {
        let template = MessageTemplate(subject: "((reference))", body: "Dear ((name)), ((reference)) is due ((due_date)).")
        #expect(Self.missing(template, ["name": "Ann"]) == ["reference", "due_date"])
        #expect(Self.missing(template, [:]) == ["reference", "name", "due_date"])
    }

    @Test("Nothing is missing when every placeholder has a value")
    func nothingMissing() {
        #expect(Self.missing(MessageTemplate(subject: "((a))", body: "((b))"), ["a": "1", "b": "2"]) == nil)
    }

    // MARK: Values are put in once

    @Test("A value that looks like a placeholder is put in as it is, not expanded again")
    func valueNotExpanded() throws {
        let result = try Self.rendered(MessageTemplate(subject: "Re ((name))", body: "Dear ((name)), ref ((reference))"),
                                       ["name": "((reference))", "reference": "FD-1"])
        #expect(result.subject == "Re ((reference))")
        #expect(result.body == "Dear ((reference)), ref FD-1")
    }

    @Test("A value naming a missing placeholder is not expanded (and so does not fail)")
    func valueNamingUnknownNotExpanded() throws {
        #expect(try Self.body("Hi ((name))", ["name": "((secret))"]) == "Hi ((secret))")
    }

    // MARK: Brackets that are not placeholders

    @Test("(((name))) renders as the value in round brackets")
    func tripleBrackets() throws {
        let template = MessageTemplate(body: "Request FD-1 (((service))).")
        #expect(template.placeholders == ["service"])
        #expect(try Self.rendered(template, ["service": "Bins"]).body == "Request FD-1 (Bins).")
    }

    @Test("Text that is not a placeholder stays as it is",
          arguments: ["Unclosed (( bracket", "Empty (()) here", "Blank (( )) here", "((a??b??c))", "((a ?? b ?? c)) text",
                      "Closing )) only", "((", "))", "(())"])
    func literal(body: String) throws {
        #expect(MessageTemplate(body: body).placeholders == [])
        #expect(try Self.body(body) == body)
    }

    @Test("A (( that is not closed before the next (( is literal; the later placeholder is still filled")
    func unclosedBeforePlaceholder() throws {
        let body = "Nested ((a((b)) no"
        #expect(MessageTemplate(body: body).placeholders == ["b"])
        #expect(try Self.body(body, ["b": "B"]) == "Nested ((aB no")
    }

    @Test("An unclosed (( after a placeholder stays literal, and the placeholder is still filled")
    func unclosedAfterPlaceholder() throws {
        #expect(try Self.body("Hi ((name)) and (( more", ["name": "Ann"]) == "Hi Ann and (( more")
    }

    @Test("A subject is rendered by the same rules as the body")
    func subjectRules() throws {
        let result = try Self.rendered(MessageTemplate(subject: "(((Ref))) ((x??y??z)) ((flag??!))", body: ""),
                                       ["ref": "FD-1", "flag": "TRUE"])
        #expect(result.subject == "(FD-1) ((x??y??z)) !")
        #expect(result.body == "")
    }
}

extension MessageTemplateTests {
    @Test("A placeholder written in two cases is one placeholder")
    func placeholderCaseFolded() {
        #expect(MessageTemplate(subject: "((Name))", body: "Dear (( name ))").placeholders == ["Name"])
        guard case .failure(let missing) = MessageTemplate(body: "((Name)) ((name))").render([:]) else {
            Issue.record("rendered without a value")
            return
        }
        #expect(missing.names == ["Name"])
    }
}
