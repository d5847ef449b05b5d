import Foundation
import FrontDoorDomain
import Testing

@Suite("Postcodes")
struct PostcodeTests {
    @Test("Real shapes are accepted and written the Royal Mail way", arguments: [
        ("SW1A 1AA", "SW1A 1AA"), ("sw1a1aa", "SW1A 1AA"), ("  M1 1AE ", "M1 1AE"), ("b338th", "B33 8TH"),
        ("CR2 6XH", "CR2 6XH"), ("DN55 1PT", "DN55 1PT"), ("W1A 0AX", "W1A 0AX"), ("EC1A 1BB", "EC1A 1BB"),
        ("CF10 1EP", "CF10 1EP"), ("GIR 0AA", "GIR 0AA"),
    ])
    func accepted(typed: String, written: String) {
        #expect(Postcode(typed)?.value == written)
    }

    @Test("Anything else is refused", arguments: [
        "", "SW1A", "SW1A 1A", "12345", "SW1A 1CA", "SW1A 1AI", "AAA1 1AA", "1A 1AA", "SW1A-1AA", "SW1A 1AAA", "ÅB1 1AA",
    ])
    func refused(typed: String) {
        #expect(Postcode(typed) == nil)
    }
}

@Suite("UPRNs, phone numbers and addresses")
struct AddressAndPhoneTests {
    @Test("A UPRN is 1 to 12 digits, not all zeros; leading zeros are dropped")
    func uprn() {
        #expect(UPRN("100023336956")?.value == "100023336956")
        #expect(UPRN("0012")?.value == "12")
        #expect(UPRN("1234567890123") == nil)
        #expect(UPRN("000") == nil)
        #expect(UPRN("12a") == nil)
        #expect(UPRN("") == nil)
    }

    static let phoneCases: [(String, Bool)] = [
        ("01632 960 001", true), ("07700 900982", true), ("+44 808 157 0192", true), ("(01632) 960-001", true),
        ("020 7946 0000", true), ("999", false), ("0163 296", false), ("call me", false), ("+44 7700 900 982 ext 2", false),
        ("1234567890123456", false),
    ]

    @Test("Phone numbers: UK and international shapes pass, letters and short numbers do not", arguments: phoneCases)
    func phones(number: String, plausible: Bool) {
        #expect(PhoneNumberRule.isPlausible(number) == plausible)
    }

    @Test("The same place, typed in another case, is the same address; a different postcode is not")
    func samePlace() throws {
        let postcode = try #require(Postcode("KM1 1AA"))
        let typed = PostalAddress(line1: "1 High Street", town: "Kingsmere", postcode: postcode, uprn: UPRN("42"))
        #expect(typed.isSamePlace(as: PostalAddress(line1: "1 HIGH STREET", town: "kingsmere", postcode: postcode)))
        #expect(!typed.isSamePlace(as: PostalAddress(line1: "1 High Street", town: "Kingsmere", postcode: try #require(Postcode("KM1 1AB")))))
        #expect(typed.lines == ["1 High Street", "Kingsmere", "KM1 1AA"])
    }
}

@Suite("Communication needs and consents")
struct CommunicationNeedsTests {
    @Test("An interpreter's language is kept only when an interpreter is needed")
    func interpreterLanguage() {
        #expect(CommunicationNeeds(supports: [.interpreter], interpreterLanguage: "Polish").interpreterLanguage == "Polish")
        #expect(CommunicationNeeds(supports: [.largePrint], interpreterLanguage: "Polish").interpreterLanguage == "")
    }

    @Test("Needs read in a fixed order, with the interpreter's language and the customer's own words")
    func descriptions() {
        let needs = CommunicationNeeds(supports: [.easyRead, .interpreter, .britishSignLanguage], interpreterLanguage: "Arabic",
                                       other: "Please call after 2pm")
        #expect(needs.descriptions == ["An interpreter (Arabic)", "British Sign Language (BSL)", "Easy read", "Please call after 2pm"])
        #expect(CommunicationNeeds.none.isEmpty)
        #expect(!needs.isEmpty)
    }

    @Test("Every consent has wording with a version from 1")
    func consentWording() {
        for purpose in ConsentPurpose.allCases {
            #expect(purpose.current.version >= 1)
            #expect(!purpose.current.text.isEmpty)
        }
    }

    @Test("A customer's email is kept lower-cased, and their id is a random (version 4) UUID")
    func customerIdentity() {
        let customer = Customer(councilID: UUID(), name: "Ann", email: "Ann@Example.COM", createdAt: Date())
        #expect(customer.email == "ann@example.com")
        #expect(customer.id.uuidString.split(separator: "-")[2].first == "4")
        #expect(!customer.isEmailVerified)
    }
}

@Suite("Emailed links and delivery retries")
struct AccountLinkRulesTests {
    let issued = Date(timeIntervalSince1970: 1_800_000_000)

    static let lifetimeCases: [(AccountTokenPurpose, TimeInterval, AccountTokenState)] = [
        (.resetPassword, 59 * 60, .usable),
        (.resetPassword, 60 * 60, .expired),
        (.verifyEmail, 23 * 3600, .usable),
        (.verifyEmail, 24 * 3600, .expired),
        (.changeEmail, 24 * 3600, .expired),
    ]

    @Test("A password reset link lasts an hour; confirmation links a day", arguments: lifetimeCases)
    func lifetimes(purpose: AccountTokenPurpose, age: TimeInterval, state: AccountTokenState) {
        #expect(AccountTokenState.of(issuedAt: issued, usedAt: nil, purpose: purpose, now: issued.addingTimeInterval(age)) == state)
    }

    @Test("A used link stays used, even within its lifetime")
    func used() {
        #expect(AccountTokenState.of(issuedAt: issued, usedAt: issued, purpose: .verifyEmail, now: issued.addingTimeInterval(1)) == .used)
    }

    static let backoffCases: [(Int, TimeInterval)] = [(1, 60), (2, 120), (3, 240), (6, 1920), (7, 3600), (9, 3600)]

    @Test("Retries back off from a minute, doubling, capped at an hour", arguments: backoffCases)
    func backoff(attempts: Int, delay: TimeInterval) {
        #expect(DeliveryRetry.nextAttempt(after: attempts, permanent: false, now: issued) == issued.addingTimeInterval(delay))
    }

    @Test("A permanent refusal, or the tenth failure, ends the retries")
    func givingUp() {
        #expect(DeliveryRetry.nextAttempt(after: 1, permanent: true, now: issued) == nil)
        #expect(DeliveryRetry.nextAttempt(after: DeliveryRetry.maximumAttempts, permanent: false, now: issued) == nil)
    }

    @Test("Kiosk sessions end sooner than residents' own")
    func sessionPolicies() {
        #expect(SessionPolicy.kiosk.idleTimeout < SessionPolicy.resident.idleTimeout)
        #expect(SessionPolicy.resident.isExpired(createdAt: issued, lastSeenAt: issued, now: issued.addingTimeInterval(61 * 60)))
        #expect(!SessionPolicy.resident.isExpired(createdAt: issued, lastSeenAt: issued, now: issued.addingTimeInterval(59 * 60)))
    }
}
