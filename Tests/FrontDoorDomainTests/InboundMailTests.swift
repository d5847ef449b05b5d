import Foundation
@testable import FrontDoorDomain
import Testing

/// Received emails made by Python's email library (InboundMailCorpus/build_corpus.py), each
/// `.eml` beside a `.json` saying what a correct parser finds in it; InboundEmail.parse must
/// read every field the same way.
@Suite("Inbound mail: a corpus of messages built with Python's email library")
struct InboundMailCorpusTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("InboundMailCorpus")

    /// "01-plain-ascii", … (file names without the extension), sorted.
    static let names: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasSuffix(".eml") }.map { String($0.dropLast(4)) }.sorted()

    /// Where the parser is known to be wrong for mail a real client sends: message → field → why.
    /// A known issue that stops happening fails the test, so the entry is removed with the fix.
    static let knownIssues: [String: [String: String]] = [:]

    struct Expected: Decodable {
        struct Attachment: Decodable {
            var fileName: String
            var contentType: String
            var sha256: String
            var size: Int
        }

        var description: String
        var fromAddress: String
        var fromName: String
        var to: [String]
        var cc: [String]
        var subject: String
        var messageId: String?
        var inReplyTo: [String]
        var references: [String]
        var text: String
        var html: String?
        var attachments: [Attachment]
        var automatic: Bool
        var reference: String?
    }

    static func load(_ name: String) throws -> (raw: Data, expected: Expected) {
        let raw = try Data(contentsOf: folder.appendingPathComponent(name + ".eml"))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let expected = try decoder.decode(Expected.self, from: Data(contentsOf: folder.appendingPathComponent(name + ".json")))
        return (raw, expected)
    }

    @Test("The corpus has at least 15 messages, each .eml with its .json")
    func corpusIsComplete() throws {
        #expect(Self.names.count >= 15)
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: Self.folder.path))
        for name in Self.names { #expect(files.contains(name + ".json"), "\(name).eml has no .json") }
        for file in files where file.hasSuffix(".json") { #expect(files.contains(String(file.dropLast(5)) + ".eml"), "\(file) has no .eml") }
    }

    @Test("Every field of the message", arguments: names)
    func message(_ name: String) throws {
        let (raw, expected) = try Self.load(name)
        let email = InboundEmail.parse(raw)
        let issues = Self.knownIssues[name] ?? [:]
        func field(_ field: String, _ check: () -> Void) {
            if let issue = issues[field] { withKnownIssue(Comment(rawValue: issue)) { check() } } else { check() }
        }

        field("from") {
            #expect(email.from?.address == expected.fromAddress)
            #expect(email.from?.name == expected.fromName)
        }
        field("to") { #expect(email.to.map(\.address) == expected.to) }
        field("cc") { #expect(email.cc.map(\.address) == expected.cc) }
        field("subject") { #expect(email.subject == expected.subject) }
        field("messageID") { #expect(email.messageID == expected.messageId) }
        field("inReplyTo") { #expect(email.inReplyTo == expected.inReplyTo) }
        field("references") { #expect(email.references == expected.references) }
        field("text") { #expect(email.text == expected.text) }
        field("html") { #expect(email.html == expected.html) }
        field("attachments") {
            #expect(email.attachments.count == expected.attachments.count)
            for (actual, wanted) in zip(email.attachments, expected.attachments) {
                #expect(actual.fileName == wanted.fileName)
                #expect(actual.contentType == wanted.contentType)
                #expect(actual.data.count == wanted.size, "\(wanted.fileName)")
                #expect(SHA256.hex(actual.data) == wanted.sha256, "\(wanted.fileName)")
            }
        }
        field("automatic") { #expect((email.automatic != nil) == expected.automatic, "reason: \(email.automatic ?? "none")") }
        field("reference") { #expect(email.referenceInSubject?.description == expected.reference) }
    }
}

@Suite("Inbound mail: encodings")
struct InboundMailEncodingTests {
    @Test("Whitespace between adjacent encoded words goes; whitespace beside plain text stays")
    func adjacentEncodedWords() {
        #expect(EncodedWords.decode("=?utf-8?q?Caf=C3=A9?= =?utf-8?q?_Nero?=") == "Café Nero")
        // Across what was a folded line, and between two character sets.
        #expect(EncodedWords.decode("=?UTF-8?B?U2nDom4g?= \t =?ISO-8859-1?Q?Jos=E9?=") == "Siân José")
        #expect(EncodedWords.decode("=?utf-8?b?RMW1cg==?==?utf-8?b?IGEgdGjDom4=?=") == "Dŵr a thân")
        #expect(EncodedWords.decode("Re: =?utf-8?q?Caf=C3=A9?= opening  hours") == "Re: Café opening  hours")
        #expect(EncodedWords.decode("A =?utf-8?q?=C5=B5?= B =?utf-8?q?=C5=B7?=") == "A ŵ B ŷ")
        // Not an encoded word: left as written.
        #expect(EncodedWords.decode("Is 2+2 =? 4") == "Is 2+2 =? 4")
    }

    @Test("A folded Subject of two encoded words reads as one")
    func foldedEncodedWords() {
        let raw = "From: a@example.org\r\nSubject: =?utf-8?q?D=C5=B5r_yn?=\r\n =?utf-8?q?_y_bin?=\r\n\r\nBody\r\n"
        #expect(InboundEmail.parse(Data(raw.utf8)).subject == "Dŵr yn y bin")
    }

    @Test("An unknown character set falls back (UTF-8, then Windows-1252) without losing the message")
    func unknownCharset() {
        let utf8 = Data("""
        From: =?x-unknown?q?Si=C3=A2n?= <sian@example.cymru>
        Subject: =?x-mac-welsh?q?Caf=C3=A9?=
        Content-Type: text/plain; charset="x-mac-welsh"

        Diolch, Siân ŵ

        """.utf8)
        let email = InboundEmail.parse(utf8)
        #expect(email.from == .init(address: "sian@example.cymru", name: "Siân"))
        #expect(email.subject == "Café")
        #expect(email.text == "Diolch, Siân ŵ\n")

        var latin1 = Data("From: jose@example.es\nSubject: Hola\nContent-Type: text/plain; charset=x-unknown-8bit\n\nJos".utf8)
        latin1.append(contentsOf: [0xE9, 0x20, 0x80, 0x0A])
        let fallback = InboundEmail.parse(latin1)
        #expect(fallback.from?.address == "jose@example.es")
        #expect(fallback.subject == "Hola")
        #expect(fallback.text == "José €\n")
        #expect(Charsets.decode(Data([0x43, 0x61, 0x66, 0xC3, 0xA9]), charset: "klingon") == "Café")
    }

    @Test("A multipart cut off before its closing boundary keeps its last part")
    func truncatedMultipart() {
        let cutInAttachment = Data("""
        From: resident@example.org
        Subject: Cut off
        Content-Type: multipart/mixed; boundary="outer"

        preamble
        --outer
        Content-Type: text/plain; charset=utf-8

        Please see the letter.
        --outer
        Content-Type: application/pdf; name="letter.pdf"
        Content-Transfer-Encoding: base64

        JVBERi0xLjQK
        """.utf8)
        let email = InboundEmail.parse(cutInAttachment)
        #expect(email.text == "Please see the letter.")
        #expect(email.attachments.map(\.fileName) == ["letter.pdf"])
        #expect(email.attachments.first?.data == Data("%PDF-1.4\n".utf8))

        let cutInText = Data("From: resident@example.org\nContent-Type: multipart/alternative; boundary=b\n\n--b\nContent-Type: text/plain\n\nThe bin was not emp".utf8)
        #expect(InboundEmail.parse(cutInText).text == "The bin was not emp")
        #expect(MIMEEntity.parse(cutInText).parts.count == 1)
    }

    @Test("RFC 2231 continued parameters: name*0*= name*1*=, in any order, split inside a character")
    func continuedParameters() {
        #expect(MIMEParameters.parameter("name", in: "application/pdf; name*0*=utf-8''Adroddiad%20bl; name*1*=%C5%B5ydd%20; name*2=\"2026.pdf\"")
            == "Adroddiad blŵydd 2026.pdf")
        #expect(MIMEParameters.parameter("filename", in: "attachment; filename*1*=%A9%20%C5%B7.pdf; filename*0*=UTF-8'cy'caf%C3")
            == "café ŷ.pdf")
        #expect(MIMEParameters.parameter("filename", in: "attachment; filename*=iso-8859-1'fr'r%E9sum%E9.pdf; filename=\"resume.pdf\"")
            == "résumé.pdf")
        #expect(MIMEParameters.parameter("filename", in: "attachment; filename*0=\"long name \"; filename*1=\"in pieces.txt\"")
            == "long name in pieces.txt")

        let raw = Data("""
        From: resident@example.org
        Content-Type: multipart/mixed; boundary=b

        --b
        Content-Type: text/plain

        Attached.
        --b
        Content-Type: image/jpeg;
         name*0*=utf-8''Llun%20o%E2%80%99r;
         name*1*=%20bin%20%C5%B5.jpg
        Content-Transfer-Encoding: base64

        /9j/2Q==
        --b--
        """.utf8)
        let email = InboundEmail.parse(raw)
        #expect(email.attachments.map(\.fileName) == ["Llun o’r bin ŵ.jpg"])
        #expect(email.attachments.first?.data == Data([0xFF, 0xD8, 0xFF, 0xD9]))
    }

    @Test("The test's SHA-256 matches the standard's vectors")
    func sha256() {
        #expect(SHA256.hex(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }
}

/// SHA-256 (FIPS 180-4), so the domain tests can check attachment bytes without a crypto library.
enum SHA256 {
    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    static func hex(_ data: Data) -> String {
        var hash: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
        var bytes = [UInt8](data)
        let bits = UInt64(bytes.count) * 8
        bytes.append(0x80)
        while bytes.count % 64 != 56 { bytes.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 { value >> count | value << (32 - count) }
        var w = [UInt32](repeating: 0, count: 64)
        for block in stride(from: 0, to: bytes.count, by: 64) {
            for i in 0..<16 {
                w[i] = (0..<4).reduce(0) { $0 << 8 | UInt32(bytes[block + 4 * i + $1]) }
            }
            for i in 16..<64 {
                let s0 = rotate(w[i - 15], 7) ^ rotate(w[i - 15], 18) ^ w[i - 15] >> 3
                let s1 = rotate(w[i - 2], 17) ^ rotate(w[i - 2], 19) ^ w[i - 2] >> 10
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, h) = (hash[0], hash[1], hash[2], hash[3], hash[4], hash[5], hash[6], hash[7])
            for i in 0..<64 {
                let t1 = h &+ (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) &+ (e & f ^ ~e & g) &+ k[i] &+ w[i]
                let t2 = (rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) &+ (a & b ^ a & c ^ b & c)
                (h, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
            }
            for (index, value) in [a, b, c, d, e, f, g, h].enumerated() { hash[index] &+= value }
        }
        return hash.map { String(repeating: "0", count: 8 - String($0, radix: 16).count) + String($0, radix: 16) }.joined()
    }
}

extension InboundMailEncodingTests {
    @Test("A group of addresses gives every address in it, without the group's name")
    func groupSyntax() {
        let raw = "From: Team: a@example.com, \"B, Bee\" <b@example.com>;\r\nTo: council@kingsmere.example\r\nSubject: Hi\r\n\r\nHello\r\n"
        let email = InboundEmail.parse(Data(raw.utf8))
        #expect(email.from == .init(address: "a@example.com"))
        let raw2 = "From: x@example.com\r\nTo: Team: a@example.com, \"B, Bee\" <b@example.com>;, c@example.com\r\nSubject: Hi\r\n\r\nHello\r\n"
        #expect(InboundEmail.parse(Data(raw2.utf8)).to.map(\.address) == ["a@example.com", "b@example.com", "c@example.com"])
    }
}
