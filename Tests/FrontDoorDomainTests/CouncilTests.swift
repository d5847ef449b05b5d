import FrontDoorDomain
import Testing

@Suite("Council details")
struct CouncilTests {
    @Test("A council needs a name; surrounding spaces are trimmed")
    func nameRequiredAndTrimmed() throws {
        #expect(throws: CouncilValidationError.missingName) { try makeTestCouncil(slug: "blank", name: "   ") }
        #expect(try makeTestCouncil(slug: "spaced", name: "  Spaced Council ").name == "Spaced Council")
    }

    @Test("The contact email must look like an email address")
    func contactEmailChecked() {
        #expect(throws: CouncilValidationError.invalidEmail("not-an-email")) {
            try CouncilContact(email: "not-an-email", phone: "", address: "", websiteURL: "", openingHours: "")
        }
    }

    @Test("Nations use the GOV.UK bank-holiday feed's division names")
    func nationsMatchBankHolidayDivisions() {
        #expect(Nation.allCases.map(\.rawValue) == ["england-and-wales", "scotland", "northern-ireland"])
    }
}

@Suite("Email addresses: loose, as GOV.UK advises")
struct EmailAddressRuleTests {
    @Test("Plausible addresses", arguments: ["a@b.co", "first.last+tag@council.gov.uk", "o'neil@example.org"])
    func accepts(address: String) { #expect(EmailAddressRule.isPlausible(address)) }

    @Test("Implausible addresses", arguments: ["", "no-at.example", "two@@example.org", "@example.org", "a@b", "a@b.", "sp ace@example.org"])
    func refuses(address: String) { #expect(!EmailAddressRule.isPlausible(address)) }
}

@Suite("Passwords: length, not composition (NCSC)")
struct PasswordRuleTests {
    @Test("Length limits", arguments: [("short", PasswordRule.Problem?.some(.tooShort)), ("eight888", nil),
                                       ("correct horse battery staple", nil), (String(repeating: "x", count: 257), .tooLong)])
    func lengthLimits(password: String, problem: PasswordRule.Problem?) {
        #expect(PasswordRule.check(password) == problem)
    }

    @Test("No composition rules: all lower-case letters are fine")
    func noCompositionRules() { #expect(PasswordRule.check("alllowercaseletters") == nil) }

    @Test("A password on the common list is refused in any letter case; others pass")
    func commonPasswordsRefused() {
        let common = CommonPasswords(["password123", "letmein1"])
        #expect(PasswordRule.check("password123", against: common) == .tooCommon)
        #expect(PasswordRule.check("PassWord123", against: common) == .tooCommon)
        #expect(PasswordRule.check("purple tractor lamp", against: common) == nil)
        #expect(PasswordRule.Problem.tooCommon.description.contains("choose another"))
    }
}

@Suite("Staff accounts")
struct StaffAccountTests {
    @Test("Emails are stored lower-cased so sign-in is case-insensitive")
    func emailLowerCased() {
        let account = StaffAccount(councilID: .init(), email: "Alex.Morgan@Kingsmere.Example", displayName: "Alex", role: .advisor)
        #expect(account.email == "alex.morgan@kingsmere.example")
    }

    @Test("Every role has a name people recognise")
    func rolesHaveNames() {
        #expect(StaffRole.allCases.count == 8)
        #expect(StaffRole.allCases.allSatisfy { !$0.displayName.isEmpty })
    }
}
