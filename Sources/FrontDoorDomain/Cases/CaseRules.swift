import Foundation

/// A council's rules for cases: its working calendar and cut-off, how soon requests are
/// acknowledged, and how long a resolved case may be reopened. One value, so every part of the
/// product (intake, the case page, the sweep) counts the same way.
public struct CaseRules: Sendable, Equatable {
    public var deadlines: DeadlineRules
    public var acknowledgeWithinWorkingDays: Int
    public var lifecycle: CaseLifecycle
    /// The law's calendars for information requests, which a council's closures do not change:
    /// every UK nation's bank holidays (FOI and EIR), and the council's nation's (subject access).
    public var statutoryCalendars: StatutoryCalendars

    public init(deadlines: DeadlineRules, acknowledgeWithinWorkingDays: Int = 1, lifecycle: CaseLifecycle = CaseLifecycle(),
                statutoryCalendars: StatutoryCalendars? = nil) {
        self.deadlines = deadlines
        self.acknowledgeWithinWorkingDays = acknowledgeWithinWorkingDays
        self.lifecycle = lifecycle
        self.statutoryCalendars = statutoryCalendars ?? StatutoryCalendars(informationRequests: deadlines.calendar, nation: deadlines.calendar)
    }

    public var intake: CaseIntakeRules {
        CaseIntakeRules(deadlines: deadlines, acknowledgeWithinWorkingDays: acknowledgeWithinWorkingDays, statutoryCalendars: statutoryCalendars)
    }

    public var assessment: StandardAssessment {
        StandardAssessment(calendar: deadlines.calendar)
    }

    /// The settings an administrator may change, and what is wrong with them.
    public struct Settings: Sendable, Equatable {
        public var cutOffMinutes: Int
        public var acknowledgeWithinWorkingDays: Int
        public var reopenWindowDays: Int

        public init(cutOffMinutes: Int = 17 * 60, acknowledgeWithinWorkingDays: Int = 1, reopenWindowDays: Int = 28) {
            self.cutOffMinutes = cutOffMinutes
            self.acknowledgeWithinWorkingDays = acknowledgeWithinWorkingDays
            self.reopenWindowDays = reopenWindowDays
        }

        public static let standard = Settings()

        public enum Problem: String, Error, Sendable, CaseIterable, CustomStringConvertible {
            case cutOffOutOfRange, acknowledgementOutOfRange, reopenWindowOutOfRange

            public var description: String {
                switch self {
                case .cutOffOutOfRange: "The cut-off must be a time of day, like 17:00"
                case .acknowledgementOutOfRange: "Acknowledgement must be within 1 to 20 working days"
                case .reopenWindowOutOfRange: "The reopening window must be from 0 to 365 days"
                }
            }
        }

        public var problems: [Problem] {
            var problems: [Problem] = []
            if !(0..<(24 * 60)).contains(cutOffMinutes) { problems.append(.cutOffOutOfRange) }
            if !(1...20).contains(acknowledgeWithinWorkingDays) { problems.append(.acknowledgementOutOfRange) }
            if !(0...365).contains(reopenWindowDays) { problems.append(.reopenWindowOutOfRange) }
            return problems
        }
    }

    /// The rules for a council in `nation` with these holidays, closures and settings.
    public static func council(nation: Nation, bankHolidays: BankHolidays, closures: Set<LocalDate>, settings: Settings) -> CaseRules {
        CaseRules(deadlines: DeadlineRules(calendar: .council(nation: nation, bankHolidays: bankHolidays, closures: closures),
                                           cutOffHour: settings.cutOffMinutes / 60, cutOffMinute: settings.cutOffMinutes % 60),
                  acknowledgeWithinWorkingDays: settings.acknowledgeWithinWorkingDays,
                  lifecycle: CaseLifecycle(reopenWindowDays: settings.reopenWindowDays),
                  statutoryCalendars: .forCouncil(in: nation, bankHolidays: bankHolidays))
    }
}

/// The calendars statutory clocks count on (see `CaseRules.statutoryCalendars`).
public struct StatutoryCalendars: Sendable, Equatable {
    /// FOI and EIR: every UK nation's bank holidays (FOIA s.10(6)); for a Scottish council,
    /// which answers under FOISA 2002, Scotland's only (FOISA s.73).
    public var informationRequests: WorkingDayCalendar
    /// Subject access: the council's own nation's bank holidays.
    public var nation: WorkingDayCalendar
    /// A Scottish council answers FOI requests under FOISA 2002, which has no extension for
    /// considering the public interest (FOIA s.10(3) has no Scottish equivalent).
    public var underFOISA: Bool

    public init(informationRequests: WorkingDayCalendar, nation: WorkingDayCalendar, underFOISA: Bool = false) {
        self.informationRequests = informationRequests
        self.nation = nation
        self.underFOISA = underFOISA
    }

    public static func forCouncil(in nation: Nation, bankHolidays: BankHolidays) -> StatutoryCalendars {
        let own = WorkingDayCalendar.council(nation: nation, bankHolidays: bankHolidays)
        return StatutoryCalendars(informationRequests: nation == .scotland ? own : .allNations(bankHolidays), nation: own, underFOISA: nation == .scotland)
    }
}
