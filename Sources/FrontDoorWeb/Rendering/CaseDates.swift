import Foundation
import FrontDoorDomain

/// Case deadlines as people read them: "Tuesday 24 November 2026", or with a time for hours standards.
enum CaseDates {
    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let welshWeekdays = ["dydd Llun", "dydd Mawrth", "dydd Mercher", "dydd Iau", "dydd Gwener", "dydd Sadwrn", "dydd Sul"]

    static func date(_ date: LocalDate, _ language: SiteLanguage = .english) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .london
        let weekday = calendar.component(.weekday, from: date.start())   // 1 is Sunday
        return (language == .welsh ? welshWeekdays : weekdays)[(weekday + 5) % 7] + " "
            + UKDateFormat.date(year: date.year, month: date.month, day: date.day, language)
    }

    static func due(_ deadline: CaseDeadline, _ language: SiteLanguage = .english) -> String {
        switch deadline {
        case .date(let day): date(day, language)
        case .instant(let instant): UKDateFormat.dateAndTime(instant, language)
        }
    }
}
