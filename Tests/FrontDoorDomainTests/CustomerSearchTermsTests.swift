import Foundation
import FrontDoorDomain
import Testing

@Suite("Customer search terms: what a customer is found by, and what a search looks for")
struct CustomerSearchTermsTests {
    static let customer = Customer(councilID: UUID(), name: "Siân O'Connor-Hughes", email: "Sian.OC@Example.com", phone: "+44 (0)1632 960 001",
                                   address: PostalAddress(line1: "Flat 2, 14 Willow Crescent", town: "Kingsmere", postcode: Postcode("km2 4qt")!),
                                   createdAt: Date())

    @Test("A customer is indexed by the words of their name and address, their email whole and before the @, their number and postcode")
    func terms() {
        let terms = CustomerSearchTerms.terms(for: Self.customer)
        for expected in ["sian", "o", "connor", "hughes", "sian.oc@example.com", "sian.oc", "flat", "14", "willow", "crescent", "kingsmere",
                         "km24qt", "km2"] {
            #expect(terms.contains(expected), "\(expected)")
        }
        #expect(terms.allSatisfy { $0 == $0.lowercased() && $0.allSatisfy(\.isASCII) })
    }

    @Test("A UK number reads the same however it is written", arguments: [
        "01632 960 001", "(01632) 960001", "+44 1632 960001", "0044 1632 960001", "441632960001",
    ])
    func phone(typed: String) {
        #expect(CustomerSearchTerms.query(typed) == ["01632960001"])
    }

    @Test("A search is one part for an email, number or postcode, and a part a word otherwise")
    func query() {
        #expect(CustomerSearchTerms.query(" Sian.OC@example.COM ") == ["sian.oc@example.com"])
        #expect(CustomerSearchTerms.query("KM2 4QT") == ["km24qt"])
        #expect(CustomerSearchTerms.query("Siân  O’Connor") == ["sian", "o", "connor"])
        #expect(CustomerSearchTerms.query("   ").isEmpty)
        #expect(CustomerSearchTerms.query("a b c d e f g h").count == 6, "at most six parts")
    }
}
