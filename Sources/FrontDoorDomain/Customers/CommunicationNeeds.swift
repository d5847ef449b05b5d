/// What a customer needs so that they can understand us and be understood: recorded once,
/// shown to every advisor and officer who deals with them, so nobody has to ask again.
public struct CommunicationNeeds: Hashable, Sendable {
    public enum Support: String, CaseIterable, Sendable {
        case interpreter
        case britishSignLanguage = "bsl"
        case largePrint = "large-print"
        case easyRead = "easy-read"
        case braille
        case audio

        public var displayName: String {
            switch self {
            case .interpreter: "An interpreter"
            case .britishSignLanguage: "British Sign Language (BSL)"
            case .largePrint: "Large print"
            case .easyRead: "Easy read"
            case .braille: "Braille"
            case .audio: "Audio recordings"
            }
        }
    }

    public var supports: Set<Support>
    /// The language an interpreter should speak; required when `supports` has `.interpreter`.
    public var interpreterLanguage: String
    /// Anything else, in the customer's own words.
    public var other: String

    public init(supports: Set<Support> = [], interpreterLanguage: String = "", other: String = "") {
        self.supports = supports
        self.interpreterLanguage = supports.contains(.interpreter) ? interpreterLanguage : ""
        self.other = other
    }

    public static let none = CommunicationNeeds()

    public var isEmpty: Bool { supports.isEmpty && other.isEmpty }

    /// One line each, in a fixed order, for a summary.
    public var descriptions: [String] {
        var lines = Support.allCases.filter(supports.contains).map { support in
            support == .interpreter && !interpreterLanguage.isEmpty ? "An interpreter (\(interpreterLanguage))" : support.displayName
        }
        if !other.isEmpty { lines.append(other) }
        return lines
    }
}
