import Foundation
import FrontDoorDomain

/// Case deadlines as people read them: "Tuesday 24 November 2026", or with a time for hours standards.
enum CaseDates {
    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    static func date(_ date: LocalDate) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .london
        let weekday = calendar.component(.weekday, from: date.start())   // 1 is Sunday
        return weekdays[(weekday + 5) % 7] + " " + UKDateFormat.date(year: date.year, month: date.month, day: date.day)
    }

    static func due(_ deadline: CaseDeadline) -> String {
        switch deadline {
        case .date(let day): date(day)
        case .instant(let instant): UKDateFormat.dateAndTime(instant)
        }
    }
}
