import FrontDoorDomain
import Testing

@Suite("Which exemptions and exceptions a council may cite: its own law's")
struct ExemptionListsTests {
    @Test("A council in England, Wales or Northern Ireland cites FOIA sections and EIR regulation 12 and 13")
    func outsideScotland() throws {
        let foi = Exemption.available(for: .freedomOfInformation, underFOISA: false)
        let eir = Exemption.available(for: .environmentalInformation, underFOISA: false)
        #expect(foi.map(\.code).contains("s40(2)") && foi.map(\.code).contains("s43(2)") && !foi.contains(where: \.isScottish))
        #expect(eir.allSatisfy { $0.title.hasPrefix("Regulation 12") || $0.title.hasPrefix("Regulation 13") })
        #expect(Exemption.available(for: .subjectAccess, underFOISA: false).isEmpty, "subject access exemptions are not on this list")
    }

    @Test("A Scottish council cites FOISA sections (38 is personal information) and EIR(S) regulation 10 and 11")
    func scotland() throws {
        let foi = Exemption.available(for: .freedomOfInformation, underFOISA: true)
        let eir = Exemption.available(for: .environmentalInformation, underFOISA: true)
        #expect(foi.allSatisfy(\.isScottish) && eir.allSatisfy(\.isScottish))
        let personal = try #require(foi.first { $0.code == "foisa-s38" })
        #expect(personal.title == "Section 38: personal information" && !personal.isQualified)
        #expect(try #require(foi.first { $0.code == "foisa-s33" }).isQualified, "commercial interests needs the public interest test")
        #expect(eir.allSatisfy { $0.title.hasPrefix("Regulation 10") || $0.title.hasPrefix("Regulation 11") } && eir.count == 13)
        #expect(!foi.map(\.title).contains("Section 43(2): commercial interests"), "no English section is offered")
    }

    @Test("Every code names one exemption, so a stored item reads back as the one recorded")
    func codesAreUnique() {
        #expect(Set(Exemption.all.map(\.code)).count == Exemption.all.count)
        #expect(Exemption.all.allSatisfy { Exemption.find($0.code) == $0 })
    }
}
