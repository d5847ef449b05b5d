import FrontDoorDomain
import Testing

@Suite("Text message length: characters and parts as the networks count them")
struct TextMessageLengthTests {
    static func text(_ count: Int, of character: String = "a", after prefix: String = "") -> String {
        prefix + String(repeating: character, count: count)
    }

    // MARK: The basic (GSM) alphabet

    @Test("Up to 160 characters is one text; longer ones go in parts of 153",
          arguments: [(1, 1), (160, 1), (161, 2), (306, 2), (307, 3), (459, 3), (460, 4), (765, 5), (766, 6), (918, 6)])
    func gsmParts(count: Int, parts: Int) {
        let length = TextMessageLength(Self.text(count))
        #expect(length.characters == count)
        #expect(length.fragments == parts)
        #expect(!length.isUnicode)
        #expect(!length.isTooLong)
    }

    @Test("918 characters may be sent; 919 is too long")
    func longest() {
        #expect(TextMessageLength.longestCharacters == 918)
        #expect(!TextMessageLength(Self.text(918)).isTooLong)
        let tooLong = TextMessageLength(Self.text(919))
        #expect(tooLong.isTooLong)
        #expect(tooLong.fragments == 7)
    }

    @Test("Accented letters and symbols in the basic alphabet do not make a message Unicode",
          arguments: ["£", "é", "è", "Ä", "ñ", "ß", "@", "¿", "Δ", "\n", "$", "ø"])
    func basicCharacters(character: String) {
        let length = TextMessageLength(Self.text(160, of: character))
        #expect(!length.isUnicode)
        #expect(length.characters == 160)
        #expect(length.fragments == 1)
    }

    @Test("Extension characters count twice", arguments: ["€", "[", "]", "{", "}", "^", "~", "|", "\\"])
    func extensionCharacters(character: String) {
        let eighty = TextMessageLength(Self.text(80, of: character))
        #expect(!eighty.isUnicode)
        #expect(eighty.characters == 160)
        #expect(eighty.fragments == 1)
        let eightyOne = TextMessageLength(Self.text(81, of: character))
        #expect(eightyOne.characters == 162)
        #expect(eightyOne.fragments == 2)
    }

    @Test("459 euro signs (918 characters) may be sent; 460 is too long")
    func extensionLongest() {
        #expect(!TextMessageLength(Self.text(459, of: "€")).isTooLong)
        #expect(TextMessageLength(Self.text(460, of: "€")).isTooLong)
    }

    @Test("One extension character in ordinary text adds two")
    func mixedExtension() {
        let length = TextMessageLength(Self.text(159, after: "€"))
        #expect(length.characters == 161)
        #expect(length.fragments == 2)
    }

    // MARK: Unicode

    @Test("One character outside the alphabet sends the whole message as Unicode: 70 in one text, 67 a part",
          arguments: ["ŵ", "ŷ", "Ŵ", "–", "“", "é\u{301}"], [(70, 1), (71, 2), (134, 2), (135, 3), (201, 3), (202, 4)])
    func unicodeParts(character: String, expected: (Int, Int)) {
        let (count, parts) = expected
        // "é\u{301}" is one Character but two scalars; the combining accent is what is outside the alphabet.
        let scalars = character.unicodeScalars.count
        let length = TextMessageLength(Self.text(count - scalars, after: character))
        #expect(length.isUnicode)
        #expect(length.characters == count)
        #expect(length.fragments == parts)
    }

    @Test("A Unicode message of 918 characters may be sent; 919 is too long")
    func unicodeLongest() {
        #expect(!TextMessageLength(Self.text(917, after: "ŵ")).isTooLong)
        let tooLong = TextMessageLength(Self.text(918, after: "ŵ"))
        #expect(tooLong.isTooLong)
        #expect(tooLong.isUnicode)
    }

    @Test("In a Unicode message the extension characters count once")
    func unicodeExtensionOnce() {
        let length = TextMessageLength(Self.text(69, of: "€", after: "ŵ"))
        #expect(length.isUnicode)
        #expect(length.characters == 70)
        #expect(length.fragments == 1)
    }

    @Test("An emoji outside the Basic Multilingual Plane counts as two", arguments: ["😀", "🏴", "🚮"])
    func astralEmoji(emoji: String) {
        #expect(TextMessageLength(emoji).characters == 2)
        let seventy = TextMessageLength(Self.text(68, after: emoji))
        #expect(seventy.isUnicode)
        #expect(seventy.characters == 70)
        #expect(seventy.fragments == 1)
        let seventyOne = TextMessageLength(Self.text(69, after: emoji))
        #expect(seventyOne.characters == 71)
        #expect(seventyOne.fragments == 2)
    }

    @Test("An emoji inside the Basic Multilingual Plane counts as one")
    func bmpSymbol() {
        let length = TextMessageLength("☎")
        #expect(length.isUnicode)
        #expect(length.characters == 1)
    }

    // MARK: Summary

    @Test("The summary names characters and parts, singular or plural",
          arguments: [("a", 84, "84 characters, 1 text message"),
                      ("a", 160, "160 characters, 1 text message"),
                      ("a", 161, "161 characters, 2 text messages"),
                      ("€", 85, "170 characters, 2 text messages"),
                      ("a", 307, "307 characters, 3 text messages")])
    func summary(character: String, count: Int, summary: String) {
        #expect(TextMessageLength(Self.text(count, of: character)).summary == summary)
    }

    @Test("A Unicode summary says why the parts are shorter")
    func unicodeSummary() {
        #expect(TextMessageLength(Self.text(69, after: "ŵ")).summary
                == "70 characters, 1 text message (a character outside the basic text alphabet makes every part shorter)")
        #expect(TextMessageLength(Self.text(70, after: "ŵ")).summary
                == "71 characters, 2 text messages (a character outside the basic text alphabet makes every part shorter)")
    }

    // Once read "1 characters, 1 text message".
    @Test("A one-character message says \"1 character\"")
    func singleCharacterSummary() {
        #expect(TextMessageLength("a").summary == "1 character, 1 text message")
    }
}
