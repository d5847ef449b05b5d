import Foundation
import FrontDoorDomain

/// The demo council that `serve` creates on an empty database and `seed-demo` (re)creates:
/// a fictional borough with realistic details. 01632 960xxx numbers are Ofcom's range
/// reserved for drama, and `.example` domains never resolve, so nothing here reaches a real person.
public enum DemoCouncil {
    public static let password = "frontdoor-demo"

    public static var council: Council {
        // Fixed id: seeding twice, or on two databases, describes the same council.
        try! Council(
            id: UUID(uuidString: "6f1c2a4e-0d1b-4c39-9a55-3b8e2f1a7c01")!,
            slug: CouncilSlug("kingsmere"),
            name: "Kingsmere Borough Council",
            nation: .englandAndWales,
            brandColour: BrandColour("#1f4e5f"),
            contact: CouncilContact(
                email: "customer.services@kingsmere.example",
                phone: "01632 960 000",
                address: "Civic Centre, Market Street, Kingsmere KM1 1AA",
                websiteURL: "https://www.kingsmere.example",
                openingHours: "Monday to Friday, 8:30am to 5pm"))
    }

    public static var staff: [StaffAccount] {
        let councilID = council.id
        return [
            StaffAccount(id: UUID(uuidString: "6f1c2a4e-0d1b-4c39-9a55-3b8e2f1a7d01")!, councilID: councilID,
                         email: "admin@kingsmere.example", displayName: "Alex Morgan", role: .administrator),
            StaffAccount(id: UUID(uuidString: "6f1c2a4e-0d1b-4c39-9a55-3b8e2f1a7d02")!, councilID: councilID,
                         email: "advisor@kingsmere.example", displayName: "Sam Patel", role: .advisor),
            StaffAccount(id: UUID(uuidString: "6f1c2a4e-0d1b-4c39-9a55-3b8e2f1a7d03")!, councilID: councilID,
                         email: "manager@kingsmere.example", displayName: "Jo Evans", role: .manager),
            StaffAccount(id: UUID(uuidString: "6f1c2a4e-0d1b-4c39-9a55-3b8e2f1a7d04")!, councilID: councilID,
                         email: "complaints@kingsmere.example", displayName: "Priya Shah", role: .complaintsOfficer),
            StaffAccount(id: UUID(uuidString: "6f1c2a4e-0d1b-4c39-9a55-3b8e2f1a7d05")!, councilID: councilID,
                         email: "information@kingsmere.example", displayName: "Owen Price", role: .informationRequestsOfficer),
        ]
    }

    /// Customers the demo council already knows, none with an account: callers and guests whose
    /// records an advisor can look up. Their email addresses are at `.example`, like everything here.
    public static var customers: [Customer] {
        let councilID = council.id
        let created = Date(timeIntervalSince1970: 1_790_000_000)
        return [
            Customer(id: UUID(uuidString: "6f1c2a4e-0d1b-4c39-9a55-3b8e2f1a7e01")!, councilID: councilID, name: "Margaret Okafor",
                     email: "margaret.okafor@residents.example", emailVerifiedAt: created, phone: "01632 960 417",
                     address: PostalAddress(line1: "14 Willow Crescent", town: "Kingsmere", postcode: Postcode("KM2 4QT")!, uprn: UPRN("100023336956")),
                     preferredChannel: .letter, language: "English",
                     needs: CommunicationNeeds(supports: [.largePrint], other: "Hard of hearing: please speak clearly"), createdAt: created),
            Customer(id: UUID(uuidString: "6f1c2a4e-0d1b-4c39-9a55-3b8e2f1a7e02")!, councilID: councilID, name: "Tomasz Nowak",
                     email: "tomasz.nowak@residents.example", phone: "07700 900 318",
                     address: PostalAddress(line1: "Flat 3, 77 Station Road", town: "Kingsmere", postcode: Postcode("KM1 3DP")!),
                     preferredChannel: .text, language: "Polish",
                     needs: CommunicationNeeds(supports: [.interpreter], interpreterLanguage: "Polish"), createdAt: created),
            Customer(id: UUID(uuidString: "6f1c2a4e-0d1b-4c39-9a55-3b8e2f1a7e03")!, councilID: councilID, name: "Dylan Hughes",
                     email: nil, phone: "01632 960 882", preferredChannel: .phone, language: "English", createdAt: created),
        ]
    }
}
