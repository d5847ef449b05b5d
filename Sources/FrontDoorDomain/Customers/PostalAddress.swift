/// Where a customer lives or wants letters sent.
public struct PostalAddress: Hashable, Sendable, Codable {
    public var line1: String
    public var line2: String
    public var town: String
    public var postcode: Postcode
    /// The Unique Property Reference Number, when an address lookup or an officer supplied it.
    /// It identifies the property across council systems (council tax, waste, planning).
    public var uprn: UPRN?

    public init(line1: String, line2: String = "", town: String, postcode: Postcode, uprn: UPRN? = nil) {
        self.line1 = line1
        self.line2 = line2
        self.town = town
        self.postcode = postcode
        self.uprn = uprn
    }

    /// The same address as typed, ignoring the UPRN: an edit that changes nothing keeps it.
    public func isSamePlace(as other: PostalAddress) -> Bool {
        line1.lowercased() == other.line1.lowercased() && line2.lowercased() == other.line2.lowercased()
            && town.lowercased() == other.town.lowercased() && postcode == other.postcode
    }

    /// The lines as they would go on an envelope.
    public var lines: [String] {
        [line1, line2, town, postcode.value].filter { !$0.isEmpty }
    }
}

/// A Unique Property Reference Number: up to 12 digits (OS AddressBase), never zero.
public struct UPRN: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard (1...12).contains(trimmed.count), trimmed.allSatisfy(\.isASCIIDigit),
              trimmed.contains(where: { $0 != "0" }) else { return nil }
        // Leading zeros carry no meaning; stored without them so one property has one value.
        self.value = String(trimmed.drop { $0 == "0" })
    }

    public var description: String { value }
}
