/// A council's financial year, 1 April to 31 March, the year its annual complaints report and
/// the Ombudsmen's self-assessments cover.
public struct FinancialYear: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The calendar year it starts in: 2026 for 1 April 2026 to 31 March 2027.
    public let startYear: Int

    public init(startYear: Int) {
        self.startYear = startYear
    }

    public init(containing date: LocalDate) {
        startYear = date.month >= 4 ? date.year : date.year - 1
    }

    public var period: ClosedRange<LocalDate> {
        LocalDate(year: startYear, month: 4, day: 1)!...LocalDate(year: startYear + 1, month: 3, day: 31)!
    }

    /// "2026 to 2027", as GOV.UK writes a financial year.
    public var description: String { "\(startYear) to \(startYear + 1)" }

    public static func < (lhs: FinancialYear, rhs: FinancialYear) -> Bool { lhs.startYear < rhs.startYear }
}
