/// A case's reference, as a resident reads it over the phone: FD-2026-004213. Unique within
/// a council and never reused: the year and a number the council's counter gives out once.
public struct CaseReference: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let prefix: String
    public let year: Int
    public let number: Int

    public init(prefix: String = "FD", year: Int, number: Int) {
        self.prefix = prefix
        self.year = year
        self.number = number
    }

    /// As typed by a resident or an advisor: any case, spaces or hyphens, leading zeros or not
    /// ("fd 2026 4213" is FD-2026-004213).
    public init?(_ text: String) {
        let parts = text.uppercased().split(whereSeparator: { $0 == "-" || $0 == " " || $0 == "/" })
        guard parts.count == 3, let letters = parts.first, (1...6).contains(letters.count),
              letters.allSatisfy({ $0.isASCII && $0.isLetter }),
              parts[1].count == 4, let year = Int(parts[1]), parts[2].allSatisfy(\.isASCIIDigit),
              let number = Int(parts[2]), number > 0 else { return nil }
        self.init(prefix: String(letters), year: year, number: number)
    }

    public var description: String {
        let digits = String(number)
        return "\(prefix)-\(year)-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    public static func < (lhs: CaseReference, rhs: CaseReference) -> Bool {
        (lhs.prefix, lhs.year, lhs.number) < (rhs.prefix, rhs.year, rhs.number)
    }
}
