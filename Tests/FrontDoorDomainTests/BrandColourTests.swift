import FrontDoorDomain
import Testing

@Suite("Brand colour: only colours white header text can be read on")
struct BrandColourTests {
    @Test("Dark enough colours are accepted and normalised to lower-case #rrggbb",
          arguments: [("#0B3D6B", "#0b3d6b"), ("000000", "#000000"), ("#767676", "#767676")])
    func acceptsDarkColours(input: String, stored: String) throws {
        #expect(try BrandColour(input).hex == stored)
    }

    @Test("Colours giving white text under 4.5:1 contrast are refused", arguments: ["#777777", "#ffdd00", "#ffffff", "#1d70b8aa"])
    func refusesLightOrMalformed(input: String) {
        #expect(throws: CouncilValidationError.self) { try BrandColour(input) }
    }

    @Test("Contrast follows the WCAG formula: black on white is 21:1, #767676 just passes at 4.54:1")
    func contrastMatchesWCAG() throws {
        #expect(abs(try BrandColour("#000000").contrastWithWhite - 21) < 0.001)
        #expect(abs(try BrandColour("#767676").contrastWithWhite - 4.54) < 0.01)
    }

    @Test("A too-light colour's message gives the contrast it reached and the one needed")
    func tooLightMessageExplains() {
        do {
            _ = try BrandColour("#777777")
            Issue.record("expected a refusal")
        } catch {
            #expect(error.description.contains("4.48:1"))
            #expect(error.description.contains("4.5:1"))
        }
    }
}
