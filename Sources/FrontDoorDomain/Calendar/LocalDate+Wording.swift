import Foundation

extension LocalDate {
    /// "Friday 27 November 2026", as GOV.UK writes dates, for messages to residents.
    public var inWords: String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = .london
        formatter.dateFormat = "EEEE d MMMM yyyy"
        return formatter.string(from: start(in: .london))
    }
}
