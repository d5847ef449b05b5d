import Foundation
@testable import FrontDoorDomain
import Testing

@Suite("Inbound mail: which council and service an email was sent to")
struct InboundMailRoutingTests {
    let kingsmereID = UUID()
    let aldmouthID = UUID()

    /// Kingsmere (contact@kingsmere.gov.uk) with two services; Aldmouth (enquiries@aldmouth.gov.uk) with one.
    var routing: InboundMailRouting {
        InboundMailRouting(mailrooms: [
            .init(councilID: kingsmereID, domain: "kingsmere.gov.uk", serviceCodes: ["missed-bin", "council-tax"]),
            .init(councilID: aldmouthID, domain: "aldmouth.gov.uk", serviceCodes: ["missed-bin"]),
        ])
    }

    @Test("A council's mail domain is the domain of its published contact address")
    func mailroomFromCouncil() throws {
        let council = try Council(slug: CouncilSlug("kingsmere"), name: "Kingsmere Borough Council", nation: .englandAndWales,
                                  contact: CouncilContact(email: "Contact@Kingsmere.GOV.uk", phone: "01632 960 000", address: "Town Hall",
                                                          websiteURL: "https://kingsmere.gov.uk", openingHours: "Monday to Friday, 9am to 5pm"))
        let mailroom = InboundMailRouting.Mailroom(council: council, serviceCodes: ["missed-bin"])
        #expect(mailroom.councilID == council.id)
        #expect(mailroom.domain == "kingsmere.gov.uk")
        #expect(mailroom.serviceCodes == ["missed-bin"])

        let routing = InboundMailRouting(mailrooms: [mailroom])
        #expect(routing.route(["missed-bin@kingsmere.gov.uk"]) == .init(councilID: council.id, serviceCode: "missed-bin", address: "missed-bin@kingsmere.gov.uk"))
        // Only the domain counts: the contact address's own local part is not a service.
        #expect(routing.route(["contact@kingsmere.gov.uk"])?.serviceCode == nil)
        #expect(routing.route(["missed-bin@example.com"]) == nil)
    }

    @Test("The part before the @ names the service by its code")
    func serviceByLocalPart() {
        #expect(routing.route(["missed-bin@kingsmere.gov.uk"]) == .init(councilID: kingsmereID, serviceCode: "missed-bin", address: "missed-bin@kingsmere.gov.uk"))
        #expect(routing.route(["council-tax@kingsmere.gov.uk"])?.serviceCode == "council-tax")
        // The same code at another council's domain goes to that council.
        #expect(routing.route(["missed-bin@aldmouth.gov.uk"]) == .init(councilID: aldmouthID, serviceCode: "missed-bin", address: "missed-bin@aldmouth.gov.uk"))
        // A code only Kingsmere has is a general enquiry at Aldmouth.
        #expect(routing.route(["council-tax@aldmouth.gov.uk"]) == .init(councilID: aldmouthID, serviceCode: nil, address: "council-tax@aldmouth.gov.uk"))
    }

    @Test("Any other address at the council's domain is a general enquiry")
    func generalEnquiry() {
        for local in ["contact", "enquiries", "hello", "missed-bins", "missed"] {
            let route = routing.route(["\(local)@kingsmere.gov.uk"])
            #expect(route?.councilID == kingsmereID, "\(local)")
            #expect(route?.serviceCode == nil, "\(local)")
            #expect(route?.address == "\(local)@kingsmere.gov.uk", "\(local)")
        }
    }

    @Test("A sub-address (missed-bin+anything@) still names the service, and the full address is kept")
    func subAddress() {
        let route = routing.route(["missed-bin+FD-2026-000123@kingsmere.gov.uk"])
        #expect(route == .init(councilID: kingsmereID, serviceCode: "missed-bin", address: "missed-bin+fd-2026-000123@kingsmere.gov.uk"))
        // A sub-address of a general address stays general.
        #expect(routing.route(["contact+bins@kingsmere.gov.uk"]) == .init(councilID: kingsmereID, serviceCode: nil, address: "contact+bins@kingsmere.gov.uk"))
    }

    @Test("Addresses are matched without regard to case or surrounding spaces")
    func caseAndSpaces() {
        #expect(routing.route(["  Missed-Bin@Kingsmere.GOV.UK "]) == .init(councilID: kingsmereID, serviceCode: "missed-bin", address: "missed-bin@kingsmere.gov.uk"))
        // A mailroom given a domain in capitals still matches.
        let shouting = InboundMailRouting(mailrooms: [.init(councilID: kingsmereID, domain: "KINGSMERE.gov.UK", serviceCodes: [])])
        #expect(shouting.mailrooms.first?.domain == "kingsmere.gov.uk")
        #expect(shouting.route(["contact@kingsmere.gov.uk"])?.councilID == kingsmereID)
    }

    @Test("The first recipient that belongs to a council decides; others are skipped")
    func firstCouncilRecipientDecides() {
        let route = routing.route(["friend@example.com", "not an address", "council-tax@kingsmere.gov.uk", "missed-bin@aldmouth.gov.uk"])
        #expect(route == .init(councilID: kingsmereID, serviceCode: "council-tax", address: "council-tax@kingsmere.gov.uk"))
        #expect(routing.route(["missed-bin@aldmouth.gov.uk", "council-tax@kingsmere.gov.uk"])?.councilID == aldmouthID)
        // A general address first decides, even when a service address follows.
        #expect(routing.route(["contact@kingsmere.gov.uk", "missed-bin@kingsmere.gov.uk"])?.serviceCode == nil)
    }

    @Test("Mail to no council's domain, or to none at all, has no route")
    func noRoute() {
        #expect(routing.route([]) == nil)
        #expect(routing.route(["resident@example.com", "missed-bin@example.org"]) == nil)
        // Only the exact domain: not a subdomain, not a longer name ending the same way.
        #expect(routing.route(["missed-bin@mail.kingsmere.gov.uk"]) == nil)
        #expect(routing.route(["missed-bin@notkingsmere.gov.uk"]) == nil)
        #expect(routing.route(["missed-bin@kingsmere.gov"]) == nil)
        #expect(routing.route(["missed-bin", "missed-bin@"]) == nil)
    }

    @Test("The councils' own addresses are recognised, so mail from them is never answered")
    func councilAddress() {
        #expect(routing.isCouncilAddress("contact@kingsmere.gov.uk"))
        #expect(routing.isCouncilAddress("noreply@kingsmere.gov.uk"))
        #expect(routing.isCouncilAddress("Officer.Name@ALDMOUTH.gov.uk"))
        #expect(!routing.isCouncilAddress("resident@example.com"))
        #expect(!routing.isCouncilAddress("someone@mail.kingsmere.gov.uk"))
        #expect(!routing.isCouncilAddress("kingsmere.gov.uk"))
        #expect(!routing.isCouncilAddress(""))
        #expect(!InboundMailRouting(mailrooms: []).isCouncilAddress("contact@kingsmere.gov.uk"))
    }
}

@Suite("Inbound mail: whether to acknowledge an email automatically")
struct AcknowledgementPolicyTests {
    @Test("A person's email from a plausible address is acknowledged")
    func acknowledged() {
        #expect(AcknowledgementPolicy.decide(automatic: nil, sender: "resident@example.com", isCouncilAddress: false, acknowledgedInLastHour: 0)
            == .acknowledge)
    }

    @Test("Automatic mail (auto-replies, bounces, lists) is never answered, and the reason is given")
    func automaticMail() {
        let decision = AcknowledgementPolicy.decide(automatic: "Auto-Submitted: auto-replied", sender: "resident@example.com",
                                                    isCouncilAddress: false, acknowledgedInLastHour: 0)
        #expect(decision == .stayQuiet("automatic mail (Auto-Submitted: auto-replied)"))
    }

    @Test("No sender, or one that is not a plausible address, gets no answer", arguments: [nil, "", "resident", "resident@localhost", "two words@example.com", "@example.com"])
    func noAddress(_ sender: String?) {
        #expect(AcknowledgementPolicy.decide(automatic: nil, sender: sender, isCouncilAddress: false, acknowledgedInLastHour: 0)
            == .stayQuiet("no address to answer"))
    }

    @Test("Mail from the council's own domain is never answered")
    func ownDomain() {
        #expect(AcknowledgementPolicy.decide(automatic: nil, sender: "contact@kingsmere.gov.uk", isCouncilAddress: true, acknowledgedInLastHour: 0)
            == .stayQuiet("sent from the council's own mail domain"))
    }

    @Test("At most five acknowledgements go to one sender an hour; after that the council stays quiet")
    func perSenderLimit() {
        #expect(AcknowledgementPolicy.perSenderPerHour == 5)
        for count in 0..<AcknowledgementPolicy.perSenderPerHour {
            #expect(AcknowledgementPolicy.decide(automatic: nil, sender: "resident@example.com", isCouncilAddress: false, acknowledgedInLastHour: count)
                == .acknowledge, "after \(count)")
        }
        #expect(AcknowledgementPolicy.decide(automatic: nil, sender: "resident@example.com", isCouncilAddress: false, acknowledgedInLastHour: 5)
            == .stayQuiet("already acknowledged 5 emails from resident@example.com in the last hour"))
        #expect(AcknowledgementPolicy.decide(automatic: nil, sender: "resident@example.com", isCouncilAddress: false, acknowledgedInLastHour: 40)
            == .stayQuiet("already acknowledged 40 emails from resident@example.com in the last hour"))
    }

    @Test("The reasons are checked in order: automatic, then the address, then the council's own, then the limit")
    func precedence() {
        #expect(AcknowledgementPolicy.decide(automatic: "Precedence: bulk", sender: nil, isCouncilAddress: true, acknowledgedInLastHour: 99)
            == .stayQuiet("automatic mail (Precedence: bulk)"))
        #expect(AcknowledgementPolicy.decide(automatic: nil, sender: "not-an-address", isCouncilAddress: true, acknowledgedInLastHour: 99)
            == .stayQuiet("no address to answer"))
        #expect(AcknowledgementPolicy.decide(automatic: nil, sender: "contact@kingsmere.gov.uk", isCouncilAddress: true, acknowledgedInLastHour: 99)
            == .stayQuiet("sent from the council's own mail domain"))
    }

    @Test("Routing and policy together: mail from a council mailbox is not answered, a resident's is")
    func withRouting() {
        let routing = InboundMailRouting(mailrooms: [.init(councilID: UUID(), domain: "kingsmere.gov.uk", serviceCodes: ["missed-bin"])])
        let sender = "missed-bin@kingsmere.gov.uk"
        #expect(AcknowledgementPolicy.decide(automatic: nil, sender: sender, isCouncilAddress: routing.isCouncilAddress(sender), acknowledgedInLastHour: 0)
            == .stayQuiet("sent from the council's own mail domain"))
        let resident = "resident@example.com"
        #expect(AcknowledgementPolicy.decide(automatic: nil, sender: resident, isCouncilAddress: routing.isCouncilAddress(resident), acknowledgedInLastHour: 0)
            == .acknowledge)
    }
}
