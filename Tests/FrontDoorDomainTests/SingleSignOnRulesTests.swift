import Foundation
import FrontDoorDomain
import Testing

@Suite("Single sign-on rules: role mapping and ID token claims")
struct SingleSignOnRulesTests {
    @Test("Rules are read as claim-value=role, in order; the first value the person has wins")
    func mapping() throws {
        let mapping = try RoleMapping.parse(["frontdoor-administrators=administrator", " frontdoor-advisors = advisor ", "", "a=b=manager"])
        #expect(mapping.rules.count == 3)
        #expect(mapping.role(for: ["staff", "frontdoor-advisors", "frontdoor-administrators"]) == .administrator)
        #expect(mapping.role(for: ["frontdoor-advisors"]) == .advisor)
        #expect(mapping.role(for: ["a=b"]) == .manager, "the last = separates the role, so claim values may contain =")
        #expect(mapping.role(for: ["staff"]) == nil, "no rule, no access")
        #expect(mapping.text == "frontdoor-administrators=administrator\nfrontdoor-advisors=advisor\na=b=manager")
    }

    @Test("Malformed rules, unknown roles and no rules at all are refused", arguments: [
        (["advisors"], RoleMapping.ParseError.malformed("advisors")),
        (["=advisor"], .malformed("=advisor")),
        (["advisors=wizard"], .unknownRole("wizard")),
        ([" ", ""], .empty),
    ])
    func badMapping(entries: [String], error: RoleMapping.ParseError) {
        #expect(throws: error) { try RoleMapping.parse(entries) }
    }

    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func claims(issuer: String = "https://id.kingsmere.example/openid", audiences: [String] = ["frontdoor"],
                       authorizedParty: String? = nil, expiresIn: TimeInterval = 300, issuedAgo: TimeInterval = 10,
                       nonce: String? = "n-123") -> IDTokenRules.Claims {
        IDTokenRules.Claims(issuer: issuer, audiences: audiences, authorizedParty: authorizedParty,
                            expiresAt: now.addingTimeInterval(expiresIn), issuedAt: now.addingTimeInterval(-issuedAgo), nonce: nonce)
    }

    static let cases: [(IDTokenRules.Claims, IDTokenRules.Problem?)] = [
        (claims(), nil),
        (claims(issuer: "https://id.kingsmere.example/openid/"), nil),
        (claims(issuer: "https://evil.example/openid"), .wrongIssuer),
        (claims(audiences: ["another-app"]), .notForUs),
        (claims(audiences: ["frontdoor", "another-app"]), .notForUs),
        (claims(audiences: ["frontdoor", "another-app"], authorizedParty: "frontdoor"), nil),
        (claims(expiresIn: -60), nil),
        (claims(expiresIn: -121), .expired),
        (claims(issuedAgo: -600), .issuedInTheFuture),
        (claims(nonce: "replayed"), .nonceMismatch),
        (claims(nonce: nil), .nonceMismatch),
    ]

    @Test("An ID token is accepted only from our issuer, for us, in date, with our nonce", arguments: cases)
    func idToken(claims: IDTokenRules.Claims, problem: IDTokenRules.Problem?) {
        #expect(IDTokenRules.check(claims, issuer: "https://id.kingsmere.example/openid", clientID: "frontdoor",
                                   nonce: "n-123", now: Self.now) == problem)
    }
}
