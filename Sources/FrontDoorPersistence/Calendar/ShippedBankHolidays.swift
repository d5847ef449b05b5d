import Foundation
import FrontDoorDomain

/// The bank holidays the product ships with (GOV.UK's file, 2018 to 2028): the default until
/// an administrator uploads a newer copy.
public enum ShippedBankHolidays {
    public struct Missing: Error, CustomStringConvertible {
        public var description: String { "the bank holiday file is missing from the installation" }
    }

    public static func load() throws -> BankHolidays {
        guard let url = Bundle.module.url(forResource: "bank-holidays", withExtension: "json", subdirectory: "BankHolidays") else {
            throw Missing()
        }
        return try BankHolidays(govUKJSON: try Data(contentsOf: url))
    }
}
