import Foundation

/// A structured header's value and parameters: `text/plain; charset="utf-8"`, including RFC 2231's
/// encoded and continued parameters (`filename*=utf-8''caf%C3%A9.pdf`, `name*0=`, `name*1=`).
enum MIMEParameters {
    static func value(of header: String) -> String {
        String(header.prefix { $0 != ";" }).trimmingCharacters(in: .whitespaces)
    }

    static func parameter(_ name: String, in header: String) -> String? {
        var plain: String?
        var pieces: [(index: Int, value: String, encoded: Bool)] = []
        for item in items(header) {
            let key = item.key.lowercased()
            if key == name { plain = item.value; continue }
            guard key.hasPrefix(name + "*") else { continue }
            let suffix = key.dropFirst(name.count + 1)
            let encoded = suffix.hasSuffix("*") || suffix.isEmpty
            let number = Int(suffix.hasSuffix("*") ? suffix.dropLast() : suffix) ?? 0
            pieces.append((number, item.value, encoded))
        }
        guard !pieces.isEmpty else { return plain }
        pieces.sort { $0.index < $1.index }
        var charset = "utf-8"
        var bytes = Data()
        for (position, piece) in pieces.enumerated() {
            var text = Substring(piece.value)
            if position == 0, piece.encoded {
                // charset'language'value
                let fields = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if fields.count == 3 { charset = fields[0].isEmpty ? charset : String(fields[0]); text = fields[2] }
            }
            bytes.append(piece.encoded ? percentDecoded(String(text)) : Data(text.utf8))
        }
        return Charsets.decode(bytes, charset: charset)
    }

    /// `; key=value` items after the first value; values may be quoted with backslash escapes.
    static func items(_ header: String) -> [(key: String, value: String)] {
        var result: [(key: String, value: String)] = []
        var rest = header.drop { $0 != ";" }
        while rest.first == ";" {
            rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
            let key = rest.prefix { $0 != "=" && $0 != ";" }
            rest = rest.dropFirst(key.count)
            var value = ""
            if rest.first == "=" {
                rest = rest.dropFirst().drop { $0 == " " }
                if rest.first == "\"" {
                    rest = rest.dropFirst()
                    var escaped = false
                    while let character = rest.first {
                        rest = rest.dropFirst()
                        if escaped { value.append(character); escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { break } else { value.append(character) }
                    }
                    rest = rest.drop { $0 != ";" }
                } else {
                    value = String(rest.prefix { $0 != ";" }).trimmingCharacters(in: .whitespaces)
                    rest = rest.dropFirst(rest.prefix { $0 != ";" }.count)
                }
            }
            result.append((key.trimmingCharacters(in: .whitespaces), value))
        }
        return result
    }

    static func percentDecoded(_ text: String) -> Data {
        var bytes = Data()
        var index = text.utf8.startIndex
        let utf8 = text.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%"), let high = utf8.index(index, offsetBy: 1, limitedBy: utf8.endIndex), high < utf8.endIndex,
               let low = utf8.index(index, offsetBy: 2, limitedBy: utf8.endIndex), low < utf8.endIndex,
               let value = UInt8(String(decoding: [utf8[high], utf8[low]], as: UTF8.self), radix: 16) {
                bytes.append(value)
                index = utf8.index(after: low)
            } else {
                bytes.append(byte)
                index = utf8.index(after: index)
            }
        }
        return bytes
    }
}

/// RFC 2047 encoded words in headers: `=?utf-8?B?…?=` and `=?iso-8859-1?Q?…?=`; whitespace
/// between two encoded words is dropped, as the RFC says.
public enum EncodedWords {
    public static func decode(_ header: String) -> String {
        var result = ""
        var rest = Substring(header)
        var lastWasEncoded = false
        while let start = rest.range(of: "=?") {
            let before = rest[..<start.lowerBound]
            guard let word = encodedWord(at: rest[start.lowerBound...]) else {
                result += before + "=?"
                rest = rest[start.upperBound...]
                lastWasEncoded = false
                continue
            }
            if !(lastWasEncoded && before.allSatisfy(\.isWhitespace)) { result += before }
            result += word.text
            rest = rest[word.end...]
            lastWasEncoded = true
        }
        return result + rest
    }

    static func encodedWord(at text: Substring) -> (text: String, end: Substring.Index)? {
        let inner = text.dropFirst(2)
        let fields = inner.split(separator: "?", maxSplits: 2, omittingEmptySubsequences: false)
        guard fields.count == 3, let close = fields[2].range(of: "?=") else { return nil }
        let charset = String(fields[0].prefix { $0 != "*" })
        let payload = fields[2][..<close.lowerBound]
        let bytes: Data
        switch fields[1].uppercased() {
        case "B": bytes = TransferEncoding.base64(Data(payload.utf8))
        case "Q": bytes = TransferEncoding.quotedPrintable(Data(payload.replacingOccurrences(of: "_", with: " ").utf8))
        default: return nil
        }
        return (Charsets.decode(bytes, charset: charset), close.upperBound)
    }
}

enum TransferEncoding {
    /// Base64, ignoring line ends and anything else outside the alphabet.
    static func base64(_ data: Data) -> Data {
        var text = String(decoding: data, as: UTF8.self).filter { $0.isLetter && $0.isASCII || $0.isNumber && $0.isASCII || "+/".contains($0) }
        text += String(repeating: "=", count: (4 - text.count % 4) % 4)
        return Data(base64Encoded: text) ?? Data()
    }

    /// Quoted-printable: `=XX` bytes, `=` at a line end joins the lines; a stray `=` stays as it is.
    static func quotedPrintable(_ data: Data) -> Data {
        let bytes = [UInt8](data)
        var output = Data()
        var index = 0
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case 48...57: byte - 48
            case 65...70: byte - 55
            case 97...102: byte - 87
            default: nil
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 61 {
                if index + 1 < bytes.count, bytes[index + 1] == 10 { index += 2; continue }
                if index + 2 < bytes.count, bytes[index + 1] == 13, bytes[index + 2] == 10 { index += 3; continue }
                if index + 2 < bytes.count, let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) {
                    output.append(high << 4 | low)
                    index += 3
                    continue
                }
            }
            output.append(byte)
            index += 1
        }
        return output
    }
}

enum Charsets {
    /// Text in a declared character set. Unknown or wrong labels fall back to UTF-8, then to
    /// Windows-1252 (which gives every byte a character), so a message is never dropped for its label.
    static func decode(_ data: Data, charset: String?) -> String {
        let label = (charset ?? "utf-8").trimmingCharacters(in: .whitespaces).lowercased()
        if ["iso-8859-15", "latin-9", "latin9", "iso8859-15"].contains(label) { return latin9(data) }
        let encoding: String.Encoding? = switch label {
        case "utf-8", "utf8": .utf8
        case "us-ascii", "ascii": .utf8
        case "iso-8859-1", "latin1", "iso8859-1": .isoLatin1
        case "iso-8859-2", "latin2", "iso8859-2": .isoLatin2
        case "windows-1250", "cp1250": .windowsCP1250
        case "windows-1252", "cp1252": .windowsCP1252
        case "utf-16": .utf16
        case "utf-16le": .utf16LittleEndian
        case "utf-16be": .utf16BigEndian
        default: nil
        }
        if let encoding, let text = String(data: data, encoding: encoding) { return text }
        if let text = String(data: data, encoding: .utf8) { return text }
        return String(data: data, encoding: .windowsCP1252) ?? String(decoding: data, as: UTF8.self)
    }

    /// ISO-8859-15, which Foundation lacks: Latin-1 but for eight bytes (the euro sign among them).
    static func latin9(_ data: Data) -> String {
        let changed: [UInt8: Character] = [0xA4: "€", 0xA6: "Š", 0xA8: "š", 0xB4: "Ž", 0xB8: "ž", 0xBC: "Œ", 0xBD: "œ", 0xBE: "Ÿ"]
        return String(data.map { changed[$0] ?? Character(Unicode.Scalar($0)) })
    }
}
