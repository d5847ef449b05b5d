import FrontDoorWeb
import Testing

@Suite("Form input and validation")
struct FormValidationTests {
    @Test("Form bodies decode spaces, escapes and repeated fields, and values are trimmed")
    func decodesForms() throws {
        let form = try FormInput(urlEncoded: "name=+Priya+Shah+&email=priya%40example.org&needs=bsl&needs=large-print&empty=")
        #expect(form["name"] == "Priya Shah")
        #expect(form["email"] == "priya@example.org")
        #expect(form.all("needs") == ["bsl", "large-print"])
        #expect(form["empty"] == "")
        #expect(form["missing"] == "")
    }

    @Test("Characters a browser would have escaped are read as sent; a broken escape is malformed, never a crash")
    func unescapedAndBrokenBodies() throws {
        let raw = try FormInput(urlEncoded: "attribute[waste][]=bags&attribute[waste][]=furniture&note=50%25 off {now}|\\^`&flag&=x")
        #expect(raw.all("attribute[waste][]") == ["bags", "furniture"])
        #expect(raw["note"] == "50% off {now}|\\^`")
        #expect(raw.has("flag") && raw["flag"] == "")
        #expect(try FormInput(urlEncoded: "").allValues.isEmpty)
        #expect(throws: FormInput.Malformed.self) { try FormInput(urlEncoded: "name=%ZZbad") }
        #expect(throws: FormInput.Malformed.self) { try FormInput(urlEncoded: "name=100%") }
    }

    @Test("A NUL character, escaped or raw, in a name or a value makes the form malformed: no database could keep it")
    func nulCharacters() {
        for body in ["name=Ada%00Lovelace", "na%00me=Ada", "name=Ada\u{0}Lovelace", "note=a&name=%00"] {
            #expect(throws: FormInput.Malformed.self, "\(body.debugDescription)") { try FormInput(urlEncoded: body) }
        }
        #expect((try? FormInput(urlEncoded: "name=Ada%20Lovelace"))?["name"] == "Ada Lovelace")
    }

    @Test("Each field shows its first problem only, in the order checked")
    func firstProblemPerField() {
        var validation = FormValidation()
        validation.required("email", "", "Enter your email address")
        validation.email("email", "", "Enter an email address in the correct format")
        validation.required("password", "", "Enter your password")
        #expect(validation.errors.map(\.fieldID) == ["email", "password"])
        #expect(validation.message(for: "email") == "Enter your email address")
        #expect(!validation.isValid)
    }

    @Test("The summary links each message to its field")
    func summaryLinks() throws {
        var validation = FormValidation()
        validation.email("email", "not-an-email", "Enter an email address in the correct format, like name@example.com")
        let summary = try #require(validation.summary)
        #expect(summary.titleText == nil, "the usual title, from the string catalogue")
        #expect(summary.errorList.map(\.href) == ["#email"])
    }

    @Test("A valid form has no errors and no summary")
    func validForm() {
        var validation = FormValidation()
        validation.required("name", "Sam", "Enter your name")
        validation.maximumLength("name", "Sam", 100, "Name must be 100 characters or fewer")
        validation.email("email", "sam@example.org", "Enter a valid email")
        #expect(validation.isValid)
        #expect(validation.summary == nil)
    }
}
