import FrontDoorDomain
import Testing

@Suite("Council slug: safe in a URL path and a host label")
struct CouncilSlugTests {
    @Test("Valid slugs", arguments: ["kingsmere", "north-yorkshire", "b2", "a1-b2-c3"])
    func accepts(slug: String) throws {
        #expect(try CouncilSlug(slug).value == slug)
    }

    @Test("Invalid slugs", arguments: ["", "k", "Kingsmere", "1council", "north--yorkshire", "trailing-", "with space",
                                       "slash/es", "ünïcode", String(repeating: "a", count: 41)])
    func refuses(slug: String) {
        #expect(throws: CouncilValidationError.invalidSlug(slug)) { try CouncilSlug(slug) }
    }
}
