/// The short name that identifies a council in URLs (`/c/kingsmere/`) and on the command line.
///
/// Lower-case letters, digits and single hyphens, 2 to 40 characters, starting with a letter:
/// safe in a path segment and a host label without escaping.
public struct CouncilSlug: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String

    public init(_ value: String) throws(CouncilValidationError) {
        guard (2...40).contains(value.count),
              let first = value.unicodeScalars.first, ("a"..."z").contains(first),
              value.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }),
              !value.hasSuffix("-"), !value.contains("--")
        else {
            throw .invalidSlug(value)
        }
        self.value = value
    }

    public var description: String { value }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        try self.init(raw)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
