import Foundation

/// Dates as people in the UK write them (GOV.UK style: "22 November 2026 at 5:04pm"), in UK time.
/// Built from calendar components rather than a DateFormatter: Foundation's en_GB styles give
/// "17:04" or "5:04 PM", and GOV.UK's style guide asks for "5:04pm".
public enum UKDateFormat {
    private static let london = TimeZone(identifier: "Europe/London")!

    public static func dateAndTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = london
        let parts = calendar.dateComponents([.day, .month, .year, .hour, .minute], from: date)
        let hour12 = (parts.hour! + 11) % 12 + 1
        let minute = parts.minute! < 10 ? "0\(parts.minute!)" : "\(parts.minute!)"
        return "\(parts.day!) \(months[parts.month! - 1]) \(parts.year!) at \(hour12):\(minute)\(parts.hour! < 12 ? "am" : "pm")"
    }

    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                         "November", "December"]

    /// A calendar date as given in an answer: "3 November 2026".
    public static func date(year: Int, month: Int, day: Int) -> String {
        "\(day) \(months[(month - 1 + 12) % 12]) \(year)"
    }

    /// ISO 8601 with the UTC offset, for exports that other systems read.
    public static func iso8601(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
