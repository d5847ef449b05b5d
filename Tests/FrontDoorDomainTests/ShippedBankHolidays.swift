import Foundation
import FrontDoorDomain

/// The bank holiday file the product ships (read from the repository: domain tests have no bundle of it).
enum ShippedBankHolidays {
    static var url: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/FrontDoorPersistence/Resources/BankHolidays/bank-holidays.json")
    }

    static func load() throws -> BankHolidays {
        try BankHolidays(govUKJSON: try Data(contentsOf: url))
    }
}
