import Foundation

/// Dates as people in the UK write them (GOV.UK style: "22 November 2026 at 5:04pm"), in UK time.
/// Built from calendar components rather than a DateFormatter: Foundation's en_GB styles give
/// "17:04" or "5:04 PM", and GOV.UK's style guide asks for "5:04pm".
public enum UKDateFormat {
    private static let london = TimeZone(identifier: "Europe/London")!

    /// "22 November 2026 at 5:04pm"; in Welsh "22 Tachwedd 2026 am 5:04yh" (GOV.UK Welsh style).
    public static func dateAndTime(_ date: Date, _ language: SiteLanguage = .english) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = london
        let parts = calendar.dateComponents([.day, .month, .year, .hour, .minute], from: date)
        let hour12 = (parts.hour! + 11) % 12 + 1
        let minute = parts.minute! < 10 ? "0\(parts.minute!)" : "\(parts.minute!)"
        let morning = parts.hour! < 12
        let day = Self.date(year: parts.year!, month: parts.month!, day: parts.day!, language)
        return switch language {
        case .english: "\(day) at \(hour12):\(minute)\(morning ? "am" : "pm")"
        case .welsh: "\(day) am \(hour12):\(minute)\(morning ? "yb" : "yh")"
        }
    }

    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                         "November", "December"]
    static let welshMonths = ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi", "Hydref",
                              "Tachwedd", "Rhagfyr"]

    /// A calendar date as given in an answer: "3 November 2026", "3 Tachwedd 2026".
    public static func date(year: Int, month: Int, day: Int, _ language: SiteLanguage = .english) -> String {
        let names = language == .welsh ? welshMonths : months
        return "\(day) \(names[(month - 1 + 12) % 12]) \(year)"
    }

    /// ISO 8601 with the UTC offset, for exports that other systems read.
    public static func iso8601(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
