import Foundation
import FrontDoorDomain
import Testing

@Suite("Customer flags: checking what staff type, and who may read it")
struct CustomerFlagTests {
    static let council = UUID()

    static func flag(_ kind: CustomerFlag.Kind, council: UUID = Self.council) -> CustomerFlag {
        CustomerFlag(councilID: council, customerID: UUID(), kind: kind, detail: "Something the next person needs to know",
                     raisedBy: "sam.patel@kingsmere.example", raisedAt: Date(timeIntervalSince1970: 1_800_000_000))
    }

    // MARK: check(kind:detail:)

    @Test("Every kind is accepted when it has a detail", arguments: CustomerFlag.Kind.allCases)
    func everyKindAccepted(kind: CustomerFlag.Kind) throws {
        let checked = try CustomerFlag.check(kind: kind.rawValue, detail: "Prefers a callback to a transfer").get()
        #expect(checked.kind == kind)
        #expect(checked.detail == "Prefers a callback to a transfer")
    }

    @Test("The detail is stored without the whitespace and newlines typed around it")
    func detailTrimmed() throws {
        let checked = try CustomerFlag.check(kind: "accessibility", detail: "\n  Wheelchair user: meet at the ground floor  \n").get()
        #expect(checked.detail == "Wheelchair user: meet at the ground floor")
    }

    // An interpreter flag with no language is useless; the message asks for exactly what's missing.
    @Test("An interpreter flag without a language asks for the language")
    func interpreterNeedsLanguage() {
        #expect(Self.problems(kind: "interpreter", detail: "") ==
                [FieldProblem(field: "flag-detail", message: "Enter the language they need")])
    }

    @Test("Any other kind without a detail asks what the next person needs to know",
          arguments: [CustomerFlag.Kind.vulnerable, .accessibility, .safeguarding])
    func otherKindsNeedDetail(kind: CustomerFlag.Kind) {
        #expect(Self.problems(kind: kind.rawValue, detail: "") ==
                [FieldProblem(field: "flag-detail", message: "Enter what the next person needs to know")])
    }

    @Test("A detail of only whitespace counts as empty", arguments: ["   ", "\n\t \n"])
    func whitespaceIsEmpty(detail: String) {
        #expect(Self.problems(kind: "vulnerable", detail: detail).map(\.field) == ["flag-detail"])
    }

    @Test("A kind that is not on the list is refused", arguments: ["", "urgent", "Safeguarding", " vulnerable"])
    func unknownKind(kind: String) {
        #expect(Self.problems(kind: kind, detail: "Recently bereaved") ==
                [FieldProblem(field: "flag-kind", message: "Select the kind of flag")])
    }

    @Test("An unknown kind and a missing detail are both named, the detail with the general message")
    func unknownKindAndNoDetail() {
        #expect(Self.problems(kind: "urgent", detail: " ") == [
            FieldProblem(field: "flag-kind", message: "Select the kind of flag"),
            FieldProblem(field: "flag-detail", message: "Enter what the next person needs to know"),
        ])
    }

    @Test("The detail may be 1,000 characters but no more")
    func detailLimit() throws {
        let longest = String(repeating: "x", count: CustomerFlag.detailLimit)
        #expect(try CustomerFlag.check(kind: "vulnerable", detail: longest).get().detail == longest)
        #expect(Self.problems(kind: "vulnerable", detail: longest + "x") ==
                [FieldProblem(field: "flag-detail", message: "The detail must be 1,000 characters or fewer")])
    }

    // The limit is on what is kept, so padding around a detail of exactly the limit is not held against it.
    @Test("The limit applies after trimming")
    func limitAfterTrimming() throws {
        let longest = String(repeating: "x", count: CustomerFlag.detailLimit)
        #expect(try CustomerFlag.check(kind: "vulnerable", detail: "  \(longest)  ").get().detail == longest)
    }

    // MARK: isVisible(to:)

    @Test("Safeguarding detail is hidden from roles not trusted with special-category data",
          arguments: [StaffRole.advisor, .councillor, .administrator])
    func safeguardingHidden(role: StaffRole) {
        #expect(!Self.flag(.safeguarding).isVisible(to: StaffMember(role: role, councilID: Self.council)))
    }

    @Test("Safeguarding detail is shown to the officers who act on it",
          arguments: [StaffRole.backOfficeOfficer, .teamLead, .manager, .complaintsOfficer, .informationRequestsOfficer])
    func safeguardingShown(role: StaffRole) {
        #expect(Self.flag(.safeguarding).isVisible(to: StaffMember(role: role, councilID: Self.council)))
    }

    // Whether a safeguarding flag is visible must not hang on which team the officer is in.
    @Test("A back-office officer in no team still sees safeguarding detail")
    func safeguardingNotTeamBound() {
        #expect(Self.flag(.safeguarding).isVisible(to: StaffMember(role: .backOfficeOfficer, councilID: Self.council, teamIDs: [])))
    }

    @Test("Ordinary flags are shown to an advisor so they can help the caller",
          arguments: [CustomerFlag.Kind.vulnerable, .interpreter, .accessibility])
    func ordinaryShownToAdvisor(kind: CustomerFlag.Kind) {
        #expect(Self.flag(kind).isVisible(to: StaffMember(role: .advisor, councilID: Self.council)))
    }

    // Councillors and administrators do no casework, so they read no customer's flags at all.
    @Test("Roles that do not view customers see no flag detail, however ordinary",
          arguments: [StaffRole.councillor, .administrator], CustomerFlag.Kind.allCases)
    func noCustomerAccessNoFlags(role: StaffRole, kind: CustomerFlag.Kind) {
        #expect(!Self.flag(kind).isVisible(to: StaffMember(role: role, councilID: Self.council)))
    }

    @Test("Nobody sees another council's flags, whatever their role", arguments: StaffRole.allCases)
    func otherCouncilHidden(role: StaffRole) {
        let elsewhere = StaffMember(role: role, councilID: UUID())
        for kind in CustomerFlag.Kind.allCases {
            #expect(!Self.flag(kind).isVisible(to: elsewhere), "\(role) saw another council's \(kind) flag")
        }
    }

    @Test("Only safeguarding is sensitive")
    func sensitivities() {
        #expect(CustomerFlag.Kind.allCases.filter { $0.sensitivity == .sensitive } == [.safeguarding])
        #expect(CustomerFlag.Kind.allCases.filter { $0.sensitivity != .sensitive }.allSatisfy { $0.sensitivity == .standard })
    }

    static func problems(kind: String, detail: String) -> [FieldProblem] {
        switch CustomerFlag.check(kind: kind, detail: detail) {
        case .success: []
        case .failure(let problems): problems.all
        }
    }
}
