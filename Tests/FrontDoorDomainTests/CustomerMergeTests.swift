import Foundation
import FrontDoorDomain
import Testing

@Suite("Merging a duplicate customer record into the one that survives")
struct CustomerMergeTests {
    static let council = UUID()
    static let earlier = Date(timeIntervalSince1970: 1_700_000_000)
    static let later = Date(timeIntervalSince1970: 1_800_000_000)
    static let verified = Date(timeIntervalSince1970: 1_750_000_000)

    static let home = PostalAddress(line1: "12 Mill Lane", town: "Kingsmere", postcode: Postcode("KM2 4QT")!, uprn: UPRN("100012345678"))
    static let flat = PostalAddress(line1: "Flat 3", line2: "4 High Street", town: "Kingsmere", postcode: Postcode("KM1 1AA")!)

    /// A record with nothing but a name: every detail a merge could fill is blank.
    static func bare(name: String = "Ann Jones", hasAccount: Bool = false, createdAt: Date = later) -> Customer {
        Customer(councilID: council, name: name, email: nil, hasAccount: hasAccount, createdAt: createdAt)
    }

    /// A record with every detail filled in.
    static func full(name: String = "Ann Jones", email: String = "ann@example.com", phone: String = "01632 960 001",
                     address: PostalAddress = home, needs: CommunicationNeeds = .none, hasAccount: Bool = false,
                     createdAt: Date = later) -> Customer {
        Customer(councilID: council, name: name, email: email, emailVerifiedAt: verified, phone: phone, address: address,
                 preferredChannel: .phone, language: "Cymraeg", needs: needs, hasAccount: hasAccount, createdAt: createdAt)
    }

    static func merge(_ survivor: Customer, _ duplicate: Customer) throws -> Customer {
        try CustomerMerge.merged(survivor: survivor, duplicate: duplicate).get()
    }

    // MARK: What the survivor ends up with

    @Test("The survivor keeps every value it already has")
    func survivorKeepsItsOwn() throws {
        let survivor = Self.full(needs: CommunicationNeeds(supports: [.interpreter], interpreterLanguage: "Welsh", other: "Calls after 4pm"))
        let duplicate = Customer(councilID: Self.council, name: "A. Jones", email: "other@example.com", phone: "07700 900 982",
                                 address: Self.flat, preferredChannel: .email, language: "English",
                                 needs: CommunicationNeeds(supports: [.interpreter], interpreterLanguage: "Polish", other: "Calls after 4pm"),
                                 createdAt: Self.later)
        let merged = try Self.merge(survivor, duplicate)
        #expect(merged == survivor)
    }

    @Test("Blanks in the survivor are filled from the duplicate")
    func blanksFilled() throws {
        let survivor = Self.bare()
        let duplicate = Self.full(name: "A. Jones")
        let merged = try Self.merge(survivor, duplicate)
        #expect(merged.email == "ann@example.com")
        #expect(merged.phone == "01632 960 001")
        #expect(merged.address == Self.home)
        #expect(merged.address?.uprn == UPRN("100012345678"))
    }

    // The duplicate's verification belongs to its address: the survivor's unverified email stays unverified.
    @Test("An email taken from the duplicate brings its verification with it; the survivor's own email keeps its own")
    func emailVerificationTravelsWithEmail() throws {
        #expect(try Self.merge(Self.bare(), Self.full()).emailVerifiedAt == Self.verified)
        let unverifiedSurvivor = Customer(councilID: Self.council, name: "Ann Jones", email: "ann@example.com", createdAt: Self.later)
        let merged = try Self.merge(unverifiedSurvivor, Self.full(email: "different@example.com"))
        #expect(merged.email == "ann@example.com")
        #expect(merged.emailVerifiedAt == nil)
    }

    @Test("The survivor's identity, name, channel, language and account status are its own")
    func identityKept() throws {
        let survivor = Self.bare(name: "Ann Jones", hasAccount: true)
        let duplicate = Self.full(name: "Annie Jones")
        let merged = try Self.merge(survivor, duplicate)
        #expect(merged.id == survivor.id && merged.id != duplicate.id)
        #expect(merged.councilID == Self.council)
        #expect(merged.name == "Ann Jones")
        #expect(merged.preferredChannel == survivor.preferredChannel && merged.language == survivor.language)
        #expect(merged.hasAccount)
    }

    @Test("Communication needs are unioned")
    func supportsUnioned() throws {
        let survivor = Self.full(needs: CommunicationNeeds(supports: [.largePrint, .audio]))
        let duplicate = Self.full(needs: CommunicationNeeds(supports: [.audio, .britishSignLanguage]))
        #expect(try Self.merge(survivor, duplicate).needs.supports == [.largePrint, .audio, .britishSignLanguage])
    }

    // The interpreter language is only kept when someone needs an interpreter, so it has to come
    // across with the duplicate's need.
    @Test("An interpreter need comes across from the duplicate with its language")
    func interpreterFromDuplicate() throws {
        let survivor = Self.full(needs: CommunicationNeeds(supports: [.largePrint]))
        let duplicate = Self.full(needs: CommunicationNeeds(supports: [.interpreter], interpreterLanguage: "Polish"))
        let needs = try Self.merge(survivor, duplicate).needs
        #expect(needs.supports == [.largePrint, .interpreter])
        #expect(needs.interpreterLanguage == "Polish")
    }

    @Test("The survivor's interpreter language wins when both name one")
    func survivorsInterpreterLanguage() throws {
        let survivor = Self.full(needs: CommunicationNeeds(supports: [.interpreter], interpreterLanguage: "Welsh"))
        let duplicate = Self.full(needs: CommunicationNeeds(supports: [.interpreter], interpreterLanguage: "Polish"))
        #expect(try Self.merge(survivor, duplicate).needs.interpreterLanguage == "Welsh")
    }

    @Test("What each record says about other needs is kept, one per line, without saying the same thing twice",
          arguments: [("Calls after 4pm", "Hard of hearing", "Calls after 4pm\nHard of hearing"),
                      ("Calls after 4pm", "Calls after 4pm", "Calls after 4pm"),
                      ("", "Hard of hearing", "Hard of hearing"),
                      ("Calls after 4pm", "", "Calls after 4pm"),
                      ("", "", "")])
    func otherNeedsJoined(survivorSays: String, duplicateSays: String, merged: String) throws {
        let survivor = Self.full(needs: CommunicationNeeds(other: survivorSays))
        let duplicate = Self.full(needs: CommunicationNeeds(other: duplicateSays))
        #expect(try Self.merge(survivor, duplicate).needs.other == merged)
    }

    // The customer has been known to the council since the first of the two records.
    @Test("The merged record was created when the earlier of the two was")
    func earliestCreatedAt() throws {
        #expect(try Self.merge(Self.bare(createdAt: Self.later), Self.bare(createdAt: Self.earlier)).createdAt == Self.earlier)
        #expect(try Self.merge(Self.bare(createdAt: Self.earlier), Self.bare(createdAt: Self.later)).createdAt == Self.earlier)
    }

    @Test("A survivor with an account may absorb a duplicate without one")
    func survivorWithAccount() throws {
        #expect(try Self.merge(Self.full(hasAccount: true), Self.bare()).hasAccount)
    }

    // MARK: Refusals

    @Test("A record cannot be merged into itself")
    func sameRecord() {
        let customer = Self.full()
        #expect(CustomerMerge.merged(survivor: customer, duplicate: customer) == .failure(.sameRecord))
    }

    @Test("Records of two councils are never merged")
    func otherCouncil() {
        let elsewhere = Customer(councilID: UUID(), name: "Ann Jones", email: "ann@example.com", createdAt: Self.later)
        #expect(CustomerMerge.merged(survivor: Self.full(), duplicate: elsewhere) == .failure(.otherCouncil))
    }

    @Test("Two records with online accounts are not merged")
    func bothAccounts() {
        #expect(CustomerMerge.merged(survivor: Self.full(hasAccount: true), duplicate: Self.full(hasAccount: true)) ==
                .failure(.bothHaveAccounts))
    }

    // Merging the account away would lock the resident out of their requests.
    @Test("A record without an account may not absorb one with an account")
    func onlyDuplicateHasAccount() {
        #expect(CustomerMerge.merged(survivor: Self.full(), duplicate: Self.full(hasAccount: true)) ==
                .failure(.onlyDuplicateHasAccount))
    }
}
