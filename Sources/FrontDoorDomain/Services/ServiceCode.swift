/// A service's stable code: used in links (`/services/missed-bin`), in the APIs (Open311's
/// service_code) and between environments, so it never changes once published.
public struct ServiceCode: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let value: String

    /// Lower-case letters, digits and single hyphens, 2 to 50 characters, starting with a letter.
    public init?(_ text: String) {
        let characters = Array(text)
        guard (2...50).contains(characters.count), let first = characters.first, first.isASCII, first.isLowercase,
              characters.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }),
              !text.hasSuffix("-"), !text.contains("--") else { return nil }
        self.value = text
    }

    public var description: String { value }

    public static func < (lhs: ServiceCode, rhs: ServiceCode) -> Bool { lhs.value < rhs.value }
}
