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
        ]
    }
}
