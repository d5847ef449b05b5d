import Foundation
import FrontDoorDomain

/// Figures as the dashboard and the public page write them: counts with thousands separators,
/// percentages to one decimal place, "No data" where there was nothing to count (never 0% or
/// 100% made up from nothing), money in pounds, and the change from the previous period.
enum FigureText {
    static let none = "No data"

    static func count(_ value: Int) -> String {
        value.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_GB")))
    }

    static func percent(_ value: Double?) -> String {
        value.map { String(format: "%.1f%%", $0) } ?? none
    }

    static func seconds(_ value: Double?) -> String {
        guard let value else { return none }
        let whole = Int(value.rounded())
        return whole < 60 ? "\(whole) seconds" : "\(whole / 60) min \(whole % 60) s"
    }

    /// "£1,234,567.89": a year's cost to serve runs to millions, so pounds are grouped.
    static func money(_ pence: Int?) -> String {
        guard let pence else { return none }
        let whole = abs(pence)
        let text = "£" + count(whole / 100) + "." + (whole % 100 < 10 ? "0" : "") + String(whole % 100)
        return pence < 0 ? "−" + text : text
    }

    static func moneyPerContact(_ pence: Double?) -> String {
        pence.map { "£" + String(format: "%.2f", $0 / 100) } ?? none
    }

    /// "+12.0%" / "−3.5%" for counts; "No change"; "No data" when either side is missing or zero.
    static func countChange(_ now: Int, _ before: Int) -> String {
        guard before > 0 else { return none }
        return signed(Double(now - before) * 100 / Double(before), unit: "%")
    }

    /// "+2.1 points" for percentages (percentage points, not a percentage of a percentage).
    static func pointsChange(_ now: Double?, _ before: Double?) -> String {
        guard let now, let before else { return none }
        return signed(now - before, unit: " points")
    }

    static func signed(_ value: Double, unit: String) -> String {
        let rounded = (value * 10).rounded() / 10
        if rounded == 0 { return "No change" }
        return (rounded > 0 ? "+" : "−") + String(format: "%.1f", abs(rounded)) + unit
    }
}
