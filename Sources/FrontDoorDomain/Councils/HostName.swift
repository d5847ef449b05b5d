/// A host name a council's site is served on (for example `reports.kingsmere.gov.uk`),
/// normalised so that `Host: Reports.Kingsmere.gov.uk:443` finds the same council.
public struct HostName: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String

    public init(_ text: String) throws(CouncilValidationError) {
        guard let normalised = Self.normalise(text) else { throw .invalidHostname(text) }
        self.value = normalised
    }

    /// Lower-cased, without a port or trailing dot; nil when it is not a DNS name.
    public static func normalise(_ text: String) -> String? {
        var host = Substring(text.lowercased())
        if host.hasPrefix("[") { return nil }  // IP v6 literals never name a council
        if let colon = host.lastIndex(of: ":") { host = host[..<colon] }
        if host.hasSuffix(".") { host = host.dropLast() }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard !host.isEmpty, host.count <= 253,
              labels.allSatisfy({ label in
                  (1...63).contains(label.count) && !label.hasPrefix("-") && !label.hasSuffix("-")
                      && label.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
              })
        else { return nil }
        return String(host)
    }

    public var description: String { value }
}
