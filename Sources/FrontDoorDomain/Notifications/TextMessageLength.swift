/// How long a text message is, as the networks count it: in the GSM 03.38 alphabet a message of
/// up to 160 characters is one text, longer ones go in parts of 153 (the rest carries the
/// joining header), and the extension characters (^ { } \ [ ] ~ | €) count twice. One
/// character outside that alphabet (an emoji, a Welsh ŵ or ŷ) sends the whole message as
/// Unicode: 70 characters in one text, 67 a part. GOV.UK Notify refuses messages over 918
/// characters (six parts).
public struct TextMessageLength: Equatable, Sendable {
    public var characters: Int
    public var fragments: Int
    public var isUnicode: Bool

    public static let longestCharacters = 918

    public var isTooLong: Bool { characters > Self.longestCharacters }

    public init(_ text: String) {
        let unicode = !text.unicodeScalars.allSatisfy { Self.basic.contains($0) || Self.extended.contains($0) }
        isUnicode = unicode
        if unicode {
            characters = text.unicodeScalars.reduce(0) { $0 + ($1.value > 0xFFFF ? 2 : 1) }
            fragments = characters <= 70 ? 1 : (characters + 66) / 67
        } else {
            characters = text.unicodeScalars.reduce(0) { $0 + (Self.extended.contains($1) ? 2 : 1) }
            fragments = characters <= 160 ? 1 : (characters + 152) / 153
        }
    }

    /// "84 characters, 1 text message" / "170 characters, 2 text messages (Unicode: ...)".
    public var summary: String {
        "\(characters) character\(characters == 1 ? "" : "s"), \(fragments) text message\(fragments == 1 ? "" : "s")"
            + (isUnicode ? " (a character outside the basic text alphabet makes every part shorter)" : "")
    }

    static let basic: Set<Unicode.Scalar> = Set(
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
            .unicodeScalars)
    static let extended: Set<Unicode.Scalar> = Set("^{}\\[]~|€\u{0C}".unicodeScalars)
}
