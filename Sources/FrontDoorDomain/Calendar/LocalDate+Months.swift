/// Calendar months, as statutes count them: "one month from" a date is the same day of the
/// next month, or that month's last day when it has no such day (31 January → 28 or 29 February).
extension LocalDate {
    public func adding(months: Int) -> LocalDate {
        let index = year * 12 + (month - 1) + months
        let (targetYear, targetMonth) = (index / 12, index % 12 + 1)
        var candidate = day
        while candidate > 28 {
            if let date = LocalDate(year: targetYear, month: targetMonth, day: candidate) { return date }
            candidate -= 1
        }
        return LocalDate(year: targetYear, month: targetMonth, day: candidate)!
    }
}
