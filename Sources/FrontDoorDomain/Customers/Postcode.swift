/// A UK postcode, checked and written the way Royal Mail does: upper case, one space before
/// the last three characters ("sw1a1aa" becomes "SW1A 1AA").
///
/// The pattern is the structure of the postcode (outward code, then a digit and two letters),
/// not a list of real postcodes: an address lookup decides whether a postcode exists.
public struct Postcode: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    /// The part before the space ("KM2" of "KM2 4QT"): the district.
    public var outwardCode: String { String(value.split(separator: " ").first ?? "") }

    public init?(_ text: String) {
        let compact = text.uppercased().filter { !$0.isWhitespace }
        guard (5...7).contains(compact.count) else { return nil }
        let outward = compact.dropLast(3), inward = compact.suffix(3)
        guard Self.isInwardCode(inward), Self.isOutwardCode(outward) || compact == "GIR0AA" else { return nil }
        self.value = "\(outward) \(inward)"
    }

    public var description: String { value }

    /// A digit then two letters; C, I, K, M, O and V are never used in the last two places.
    static func isInwardCode(_ code: Substring) -> Bool {
        let characters = Array(code)
        return characters.count == 3 && characters[0].isASCIIDigit
            && characters[1...].allSatisfy { $0.isASCIIUppercaseLetter && !"CIKMOV".contains($0) }
    }

    /// The outward code's shapes: A9, A99, AA9, AA99, A9A, AA9A (A a letter, 9 a digit).
    static func isOutwardCode(_ code: Substring) -> Bool {
        let shape = String(code.map { $0.isASCIIDigit ? "9" : $0.isASCIIUppercaseLetter ? "A" : "?" })
        return ["A9", "A99", "AA9", "AA99", "A9A", "AA9A"].contains(shape)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
    var isASCIIUppercaseLetter: Bool { isASCII && isUppercase }
}
