// Answers are stored with the case that was made from them, and must read back the same for as
// long as the case is kept: postcodes and UPRNs are stored as their text, addresses as their
// parts, so the stored form never depends on how these types are built in memory.

/// A value kept as its checked text, and checked again when read back.
protocol StoredAsText: Codable {
    init?(_ text: String)
    var value: String { get }
}

extension StoredAsText {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a \(Self.self): \(text)"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

extension Postcode: StoredAsText {}
extension UPRN: StoredAsText {}
