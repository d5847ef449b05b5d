import Foundation
import Logging
import NIOCore
import NIOPosix
import Testing

@testable import FrontDoorJobs
@testable import FrontDoorPersistence
import FrontDoorDomain

// The round-trip tests talk to a real SMTP server, e2e/support/smtp_sink.py, which scripts/test starts
// with exactly these flags (any free port, any folder):
//
//   python smtp_sink.py --port PORT --maildir FOLDER \
//       --auth-user frontdoor --auth-password 'open sesame' --reject-rcpt nobody@example.org
//
// and names in FRONTDOOR_TEST_SMTP_HOST, FRONTDOOR_TEST_SMTP_PORT and FRONTDOOR_TEST_SMTP_MAILDIR.
// Without them those tests fail rather than skip: a skipped delivery test would look like a passing one.

private let sinkUser = "frontdoor"
private let sinkPassword = "open sesame"
private let sinkRejectedRecipient = "nobody@example.org"

private let sampleDate = Date(timeIntervalSince1970: 1_795_468_027)  // Mon, 23 Nov 2026 21:07:07 GMT

private func email(
    subject: String = "Your report",
    body: String = "Hello\n",
    from: MailAddress = MailAddress(address: "noreply@council.example", displayName: "Borough Council"),
    to: [MailAddress] = [MailAddress(address: "resident@example.org")],
    messageID: String = "fixed-id@council.example"
) -> OutgoingEmail {
    OutgoingEmail(from: from, to: to, subject: subject, textBody: body, messageID: messageID, date: sampleDate)
}

/// The body of a formatted message: what follows the blank line after the header.
private func body(of message: String) throws -> String {
    let separator = try #require(message.range(of: "\r\n\r\n"))
    return String(message[separator.upperBound...])
}

/// True when every CR is followed by LF and every LF follows a CR. Looks at scalars, since "\r\n" is one Character.
private func onlyCRLFLineBreaks(_ text: String) -> Bool {
    let scalars = Array(text.unicodeScalars)
    return scalars.indices.allSatisfy { index in
        switch scalars[index] {
        case "\r": index + 1 < scalars.count && scalars[index + 1] == "\n"
        case "\n": index > 0 && scalars[index - 1] == "\r"
        default: true
        }
    }
}

/// Decodes quoted-printable the way RFC 2045 says a reader must, so tests check meaning, not just shape.
private func decodeQuotedPrintable(_ text: String) -> String {
    var bytes: [UInt8] = []
    var input = Array(text.replacingOccurrences(of: "=\r\n", with: "").utf8)[...]
    while let byte = input.popFirst() {
        if byte == UInt8(ascii: "="), input.count >= 2,
            let value = UInt8(String(decoding: input.prefix(2), as: UTF8.self), radix: 16)
        {
            bytes.append(value)
            input = input.dropFirst(2)
        } else {
            bytes.append(byte)
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}

@Suite("Email formatting")
struct EmailFormattingTests {
    @Test func wholeMessageLayout() {
        let expected = [
            "Date: Mon, 23 Nov 2026 21:07:07 +0000",
            "From: Borough Council <noreply@council.example>",
            "To: resident@example.org",
            "Subject: Your report",
            "Message-ID: <fixed-id@council.example>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            "Hello",
            "",
        ].joined(separator: "\r\n")
        #expect(email().formatted() == expected)
    }

    @Test func poundSignIsQuotedPrintable() throws {
        #expect(try body(of: email(body: "£20 fee").formatted()) == "=C2=A320 fee\r\n")
    }

    @Test func equalsSignIsEncoded() {
        #expect(MailFormat.quotedPrintable("a=b") == "a=3Db\r\n")
    }

    @Test func trailingWhitespaceIsEncodedAndInnerWhitespaceIsNot() {
        #expect(MailFormat.quotedPrintable("end \nnext\tline\t\n") == "end=20\r\nnext\tline=09\r\n")
    }

    @Test func everyKindOfLineBreakBecomesCRLF() {
        #expect(MailFormat.quotedPrintable("a\r\nb\nc\rd") == "a\r\nb\r\nc\r\nd\r\n")
    }

    @Test(arguments: [
        String(repeating: "a", count: 200),
        String(repeating: "é", count: 100),
        String(repeating: "x", count: 74) + "=",  // the escape must not straddle a soft break
    ])
    func longLinesGetSoftBreaks(line: String) {
        let encoded = MailFormat.quotedPrintable(line)
        let lines = encoded.dropLast(2).components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("=") })
        #expect(decodeQuotedPrintable(encoded) == line + "\r\n")
    }

    @Test func lineOfExactly76CharactersNeedsNoSoftBreak() {
        let line = String(repeating: "y", count: 76)
        #expect(MailFormat.quotedPrintable(line) == line + "\r\n")
        #expect(MailFormat.quotedPrintable(line + "z") == String(repeating: "y", count: 75) + "=\r\nyz\r\n")
    }

    @Test func dotStuffingHappensAtSendTime() throws {
        let message = email(body: ".hidden\n..two dots\nnot.a.start\n.\n")
        // formatted() is the message as the reader sees it: no stuffing there.
        #expect(try body(of: message.formatted()) == ".hidden\r\n..two dots\r\nnot.a.start\r\n.\r\n")
        let payload = SMTPClient.dataPayload(for: message)
        #expect(payload.hasSuffix("\r\n\r\n..hidden\r\n...two dots\r\nnot.a.start\r\n..\r\n.\r\n"))
    }

    @Test func nonASCIISubjectUsesEncodedWord() {
        #expect(
            email(subject: "Café opening hours").formatted().contains(
                "\r\nSubject: =?utf-8?B?Q2Fmw6kgb3BlbmluZyBob3Vycw==?=\r\n"))
    }

    @Test func longNonASCIISubjectIsFoldedIntoWholeCharacterWords() throws {
        let subject = String(repeating: "Café £20 — ", count: 12)
        let encoded = MailFormat.unstructured(subject, headerName: "Subject")
        let words = encoded.components(separatedBy: "\r\n ")
        #expect(words.count > 1)
        var decoded: [UInt8] = []
        for word in words {
            #expect(word.hasPrefix("=?utf-8?B?") && word.hasSuffix("?="))
            #expect(("Subject: " + word).utf8.count <= 76)
            let chunk = try #require(Data(base64Encoded: String(word.dropFirst(10).dropLast(2))))
            #expect(String(validating: chunk, as: UTF8.self) != nil, "a word split a character")
            decoded += chunk
        }
        #expect(String(decoding: decoded, as: UTF8.self) == subject)
    }

    @Test func asciiSubjectThatLooksEncodedIsEncoded() {
        #expect(MailFormat.unstructured("=?utf-8?B?SGk=?=", headerName: "Subject").hasPrefix("=?utf-8?B?PT91"))
    }

    @Test(arguments: [
        (MailAddress(address: "a@example.org"), "a@example.org"),
        (MailAddress(address: "a@example.org", displayName: ""), "a@example.org"),
        (MailAddress(address: "a@example.org", displayName: "Planning Team"), "Planning Team <a@example.org>"),
        (MailAddress(address: "a@example.org", displayName: "Smith, John"), "\"Smith, John\" <a@example.org>"),
        (
            MailAddress(address: "a@example.org", displayName: "J. \"Jo\" Smith\\"),
            "\"J. \\\"Jo\\\" Smith\\\\\" <a@example.org>"
        ),
        (MailAddress(address: "a@example.org", displayName: "Zoë"), "=?utf-8?B?Wm/Dqw==?= <a@example.org>"),
    ])
    func displayNames(address: MailAddress, expected: String) {
        #expect(MailFormat.mailbox(address) == expected)
    }

    @Test func severalRecipientsAreFoldedOnePerLine() {
        let message = email(to: [
            MailAddress(address: "a@example.org"), MailAddress(address: "b@example.org", displayName: "B"),
        ])
        #expect(message.formatted().contains("\r\nTo: a@example.org,\r\n B <b@example.org>\r\n"))
    }

    @Test("An answer to an email threads under it and says it was sent automatically, so auto-responders leave it alone")
    func answerThreadsAndIsMarkedAutomatic() throws {
        var message = email()
        message.inReplyTo = "q1@residents.example>\r\nBcc: evil@example.org"
        message.autoSubmitted = "auto-replied"
        let header = try #require(message.formatted().components(separatedBy: "\r\n\r\n").first)
        let lines = header.components(separatedBy: "\r\n")
        #expect(lines.contains("In-Reply-To: <q1@residents.exampleBcc: evil@example.org>"))
        #expect(lines.contains("References: <q1@residents.exampleBcc: evil@example.org>"))
        #expect(lines.contains("Auto-Submitted: auto-replied"))
        #expect(!email().formatted().contains("In-Reply-To") && !email().formatted().contains("Auto-Submitted"))
    }

    @Test func headerInjectionIsStripped() throws {
        let message = email(
            subject: "Hello\r\nBcc: victim@example.org",
            from: MailAddress(
                address: "noreply@council.example\r\nBcc: a@evil.example", displayName: "Council\nX-Evil: 1"),
            to: [MailAddress(address: "resident@example.org>\r\nBcc: b@evil.example")],
            messageID: "id@council.example>\r\nBcc: c@evil.example"
        )
        let text = message.formatted()
        let header = try #require(text.components(separatedBy: "\r\n\r\n").first)
        let fieldNames = header.components(separatedBy: "\r\n").map { $0.prefix { $0 != ":" } }
        #expect(
            fieldNames == [
                "Date", "From", "To", "Subject", "Message-ID", "MIME-Version", "Content-Type",
                "Content-Transfer-Encoding",
            ])
        #expect(header.contains("Subject: HelloBcc: victim@example.org\r\n"))
        #expect(onlyCRLFLineBreaks(text))
        // The SMTP envelope takes the same clean-up, so an address cannot add a command either.
        #expect(
            MailFormat.sanitizedAddress("a@example.org>\r\nRCPT TO:<b@evil.example")
                == "a@example.orgRCPT TO:b@evil.example")
    }

    @Test func formattedMessageIsASCIIWithCRLFOnly() {
        let text = email(
            subject: "Café", body: "Zoë paid £20\nbare\rreturn\n",
            from: MailAddress(address: "a@b.example", displayName: "Zoë")
        ).formatted()
        #expect(text.utf8.allSatisfy { $0 < 0x80 })
        #expect(onlyCRLFLineBreaks(text))
    }

    @Test func messageIDsAreUniqueAndInTheSendersDomain() {
        let sender = MailAddress(address: "noreply@council.example")
        let first = OutgoingEmail.makeMessageID(from: sender)
        #expect(first.hasSuffix("@council.example"))
        #expect(first != OutgoingEmail.makeMessageID(from: sender))
    }
}

@Suite("SMTP settings and protocol pieces")
struct SMTPSettingsTests {
    @Test(arguments: [
        ("smtp://localhost", SMTPSettings(host: "localhost", port: 25)),
        ("smtp://relay.example.org:2525", SMTPSettings(host: "relay.example.org", port: 2525)),
        ("SMTP://relay.example.org/", SMTPSettings(host: "relay.example.org", port: 25)),
        (
            "smtp://user:secret@relay.example.org:587",
            SMTPSettings(host: "relay.example.org", port: 587, username: "user", password: "secret")
        ),
        (
            "smtp://us%40er:p%3As%2Fw%20rd%40@relay:25",
            SMTPSettings(host: "relay", port: 25, username: "us@er", password: "p:s/w rd@")
        ),
        ("smtp://user:@relay", SMTPSettings(host: "relay", port: 25, username: "user", password: "")),
        ("smtp://127.0.0.1:1025", SMTPSettings(host: "127.0.0.1", port: 1025)),
        ("smtp://[::1]:1025", SMTPSettings(host: "::1", port: 1025)),
    ])
    func parsesValidURLs(text: String, expected: SMTPSettings) {
        #expect(SMTPSettings.parse(text) == expected)
    }

    @Test(arguments: [
        "", "localhost", "localhost:25", "smtps://relay:465", "http://relay", "smtp://", "smtp://:25", "smtp:relay",
        "smtp://relay:0", "smtp://relay:70000", "smtp://relay:port", "smtp://relay/path", "smtp://relay?tls=1",
        "smtp://relay#x", "smtp://user@relay", "smtp://:secret@relay",
    ])
    func rejectsEverythingElse(text: String) {
        #expect(SMTPSettings.parse(text) == nil)
    }

    @Test func descriptionHidesThePassword() throws {
        let settings = try #require(SMTPSettings.parse("smtp://user:hunter2@relay:587"))
        #expect("\(settings)" == "smtp://user:***@relay:587")
        #expect("\(SMTPSettings(host: "::1"))" == "smtp://[::1]:25")
    }

    @Test(arguments: [
        ("250-PIPELINING", SMTPReply.Line?.some(.init(code: 250, isLast: false, text: "PIPELINING"))),
        ("250 OK", .some(.init(code: 250, isLast: true, text: "OK"))),
        ("354", .some(.init(code: 354, isLast: true, text: ""))),
        ("550 5.1.1 <x@y>: no such user", .some(.init(code: 550, isLast: true, text: "5.1.1 <x@y>: no such user"))),
        ("25", nil), ("abc OK", nil), ("250:OK", nil), ("", nil),
    ])
    func replyLines(line: String, expected: SMTPReply.Line?) {
        #expect(SMTPReply.Line(line) == expected)
    }

    @Test func authMechanismsFromEHLO() {
        #expect(
            SMTPReply.authMechanisms(inEHLOReply: ["relay", "PIPELINING", "AUTH LOGIN PLAIN", "AUTH=PLAIN LOGIN"]) == [
                "LOGIN", "PLAIN",
            ])
        #expect(SMTPReply.authMechanisms(inEHLOReply: ["relay", "auth cram-md5"]) == ["CRAM-MD5"])
        // The greeting line is the server's name, never an extension.
        #expect(SMTPReply.authMechanisms(inEHLOReply: ["AUTH PLAIN", "8BITMIME"]).isEmpty)
    }

    @Test func errorsSayWhatHappenedAndWhetherToRetry() {
        let refused = SMTPError.unexpectedReply(command: "RCPT TO:<x@y>", code: 550, text: "5.1.1 no such user")
        #expect(refused.description == "the mail server refused RCPT TO:<x@y> with 550 5.1.1 no such user")
        #expect(refused.isPermanent)
        #expect(!SMTPError.unexpectedReply(command: "DATA", code: 451, text: "try later").isPermanent)
        #expect(!SMTPError.connectionFailed(host: "relay", port: 25, reason: "refused").isPermanent)
        #expect(!SMTPError.timeout(host: "relay", port: 25, after: .seconds(30)).isPermanent)
        #expect(
            SMTPError.timeout(host: "relay", port: 25, after: .seconds(30)).description.hasSuffix("within 30 seconds"))
        #expect(SMTPError.authUnsupported(host: "relay", port: 25, offered: []).isPermanent)
    }
}

/// What smtp_sink.py wrote about one message.
struct ReceivedMessage: Decodable {
    var envelopeFrom: String
    var envelopeTo: [String]
    var authUser: String?
    var messageId: String?
    var from: String?
    var to: String?
    var subject: String?
    var body: String?
    var html: String?
    var contentType: String
    var defects: [String]
    var eml: String
}

struct Sink {
    var settings: SMTPSettings
    var maildir: URL

    static func fromEnvironment() throws -> Sink {
        let environment = ProcessInfo.processInfo.environment
        let hint = """
            start smtp_sink.py as the comment at the top of SMTPClientTests.swift says, \
            and set FRONTDOOR_TEST_SMTP_HOST, FRONTDOOR_TEST_SMTP_PORT and FRONTDOOR_TEST_SMTP_MAILDIR
            """
        let host = try #require(environment["FRONTDOOR_TEST_SMTP_HOST"], "FRONTDOOR_TEST_SMTP_HOST is not set: \(hint)")
        let port = try #require(
            environment["FRONTDOOR_TEST_SMTP_PORT"].flatMap { Int($0) },
            "FRONTDOOR_TEST_SMTP_PORT is not set to a number: \(hint)")
        let maildir = try #require(
            environment["FRONTDOOR_TEST_SMTP_MAILDIR"], "FRONTDOOR_TEST_SMTP_MAILDIR is not set: \(hint)")
        return Sink(settings: SMTPSettings(host: host, port: port), maildir: URL(fileURLWithPath: maildir))
    }

    func client(username: String? = nil, password: String? = nil) -> SMTPClient {
        var settings = settings
        settings.username = username
        settings.password = password
        // Generous: the sink shares two cores with the whole test run, and a busy moment is not a fault.
        return SMTPClient(settings: settings, timeout: .seconds(60), logger: Logger(label: "smtp-test"))
    }

    /// The sink writes its files before it answers 250, so they are there as soon as `send` returns.
    func received(messageID: String) throws -> (ReceivedMessage, Data) {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let names = try FileManager.default.contentsOfDirectory(atPath: maildir.path).filter {
            $0.hasSuffix(".json") && !$0.hasPrefix(".")
        }
        for name in names {
            let record = try decoder.decode(
                ReceivedMessage.self, from: Data(contentsOf: maildir.appendingPathComponent(name)))
            if record.messageId == "<\(messageID)>" {
                return (record, try Data(contentsOf: maildir.appendingPathComponent(record.eml)))
            }
        }
        throw SinkMessageMissing(messageID: messageID, maildir: maildir.path)
    }
}

struct SinkMessageMissing: Error, CustomStringConvertible {
    var messageID: String
    var maildir: String
    var description: String { "the sink wrote no message with Message-ID <\(messageID)> to \(maildir)" }
}

@Suite("SMTP delivery to a real server")
struct SMTPRoundTripTests {
    @Test func deliversAndPythonReadsItBackExactly() async throws {
        let sink = try Sink.fromEnvironment()
        let body = [
            "Dear resident,",
            ".",
            ".this line starts with a dot, and the one above is just a dot",
            "Fee: £20 = twenty pounds ",
            String(repeating: "A long line with accents — éèê — that needs soft breaks. ", count: 4),
            "Thank you",
            "",
        ].joined(separator: "\n")
        let message = OutgoingEmail(
            from: MailAddress(address: "noreply@council.example", displayName: "Zoë's Borough Council"),
            to: [
                MailAddress(address: "resident@example.org", displayName: "Smith, Jo"),
                MailAddress(address: "second@example.org"),
            ],
            subject: "Café opening hours — update",
            textBody: body,
            messageID: OutgoingEmail.makeMessageID(from: MailAddress(address: "noreply@council.example"))
        )
        try await sink.client().send(message)

        let (received, raw) = try sink.received(messageID: message.messageID)
        #expect(received.envelopeFrom == "noreply@council.example")
        #expect(received.envelopeTo == ["resident@example.org", "second@example.org"])
        #expect(received.authUser == nil)
        #expect(received.defects == [])
        #expect(received.contentType == "text/plain")
        #expect(received.subject == "Café opening hours — update")
        #expect(received.body == body)
        #expect(received.from == "Zoë's Borough Council <noreply@council.example>")
        #expect(received.to == "\"Smith, Jo\" <resident@example.org>, second@example.org")
        // The server un-stuffs the dots, so it must hold exactly what formatted() produced.
        #expect(String(decoding: raw, as: UTF8.self) == message.formatted())
    }

    @Test("An email with an HTML alternative: Python's email library reads both parts back exactly")
    func deliversTextAndHTML() async throws {
        let sink = try Sink.fromEnvironment()
        let text = "Dear Zoë\n\nYour request FD-2026-000123 is resolved.\n\n* Bin emptied\n* Lid replaced\n\nSee https://kingsmere.example/account/requests/FD-2026-000123."
        let html = EmailHTML.render(subject: "Resolved: FD-2026-000123", text: text)
        let message = OutgoingEmail(
            from: MailAddress(address: "noreply@council.example", displayName: "Kingsmere Borough Council"),
            to: [MailAddress(address: "resident@example.org")], subject: "Resolved: FD-2026-000123", textBody: text, htmlBody: html,
            messageID: OutgoingEmail.makeMessageID(from: MailAddress(address: "noreply@council.example")))
        try await sink.client().send(message)
        let (received, raw) = try sink.received(messageID: message.messageID)
        #expect(received.defects == [])
        #expect(received.contentType == "multipart/alternative")
        #expect(received.body == text)
        #expect(received.html == html)
        #expect(String(decoding: raw, as: UTF8.self) == message.formatted())
    }

    @Test("An acknowledgement sent by SMTP arrives threaded under the email it answers, and our own reader sees it is automatic")
    func acknowledgementRoundTrip() async throws {
        let sink = try Sink.fromEnvironment()
        let notification = StoredNotification(
            id: UUID(), councilID: UUID(), customerID: nil, caseID: UUID(), event: .caseReceived, channel: .email,
            recipient: "ann@example.org", subject: "We have your request FD-2026-000321", body: "Dear Ann\n\nYour reference is FD-2026-000321.",
            status: .queued, attempts: 0, createdAt: Date(), inReplyTo: "m1@example.org", councilName: "Kingsmere Borough Council")
        _ = try await MailSender(transport: sink.client(), from: "noreply@council.example").send(notification)
        let (received, raw) = try sink.received(messageID: notification.id.uuidString.lowercased() + "@council.example")
        #expect(received.defects == [] && received.subject == "We have your request FD-2026-000321")
        #expect(received.from == "Kingsmere Borough Council <noreply@council.example>")
        // Read back as inbound mail: were it to come back to us (a forward, a loop), it would be set aside, not answered.
        let again = InboundEmail.parse(raw)
        #expect(again.inReplyTo == ["m1@example.org"] && again.references == ["m1@example.org"])
        #expect(again.automatic == "Auto-Submitted: auto-replied" && again.referenceInSubject?.description == "FD-2026-000321")
    }

    @Test func authenticatesWithAuthPlain() async throws {
        let sink = try Sink.fromEnvironment()
        let message = email(
            messageID: OutgoingEmail.makeMessageID(from: MailAddress(address: "noreply@council.example")))
        try await sink.client(username: sinkUser, password: sinkPassword).send(message)
        let (received, _) = try sink.received(messageID: message.messageID)
        #expect(received.authUser == sinkUser)
    }

    @Test func wrongPasswordIsPermanent() async throws {
        let sink = try Sink.fromEnvironment()
        let error = await #expect(throws: SMTPError.self) {
            try await sink.client(username: sinkUser, password: "wrong").send(email())
        }
        guard case .unexpectedReply(let command, let code, _) = error else {
            Issue.record("expected a refused AUTH, got \(String(describing: error))")
            return
        }
        #expect(command == "AUTH PLAIN")
        #expect(code == 535)
        #expect(error?.isPermanent == true)
        #expect(error?.description.contains("wrong") == false)
    }

    @Test func refusedRecipientIsPermanent() async throws {
        let sink = try Sink.fromEnvironment()
        let message = email(to: [
            MailAddress(address: "resident@example.org"), MailAddress(address: sinkRejectedRecipient),
        ])
        let error = await #expect(throws: SMTPError.self) { try await sink.client().send(message) }
        guard case .unexpectedReply(let command, let code, _) = error else {
            Issue.record("expected a refused RCPT, got \(String(describing: error))")
            return
        }
        #expect(command == "RCPT TO:<\(sinkRejectedRecipient)>")
        #expect(code == 550)
        #expect(error?.isPermanent == true)
        let expected =
            "the mail server refused RCPT TO:<nobody@example.org> with 550 5.1.1 <nobody@example.org>: no such user"
        #expect(error?.description == expected)
    }
}

@Suite("SMTP failures without a sink")
struct SMTPFailureTests {
    @Test func closedPortIsATemporaryConnectionError() async throws {
        // Bind, note the port, close: nothing listens there for the moment the test needs.
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(listener.localAddress?.port)
        try await listener.close()

        let client = SMTPClient(
            settings: SMTPSettings(host: "127.0.0.1", port: port), logger: Logger(label: "smtp-test"))
        let error = await #expect(throws: SMTPError.self) { try await client.send(email()) }
        guard case .connectionFailed = error else {
            Issue.record("expected a connection failure, got \(String(describing: error))")
            return
        }
        #expect(error?.isPermanent == false)
    }

    @Test func silentServerTimesOut() async throws {
        try await withScriptedServer(greeting: nil, replies: [:]) { port in
            let client = SMTPClient(
                settings: SMTPSettings(host: "127.0.0.1", port: port), timeout: .milliseconds(300),
                logger: Logger(label: "smtp-test"))
            let started = ContinuousClock.now
            let error = await #expect(throws: SMTPError.self) { try await client.send(email()) }
            guard case .timeout = error else {
                Issue.record("expected a timeout, got \(String(describing: error))")
                return
            }
            #expect(error?.isPermanent == false)
            // It gave up rather than waiting for ever; the bound is loose because the suite shares two cores.
            #expect(ContinuousClock.now - started < .seconds(30))
        }
    }

    @Test func credentialsWithoutAuthPlainOnTheServerAreRefusedBeforeSending() async throws {
        let replies = ["EHLO": "250-relay\r\n250-PIPELINING\r\n250 AUTH LOGIN CRAM-MD5\r\n", "QUIT": "221 bye\r\n"]
        try await withScriptedServer(greeting: "220 relay ESMTP\r\n", replies: replies) { port in
            let client = SMTPClient(
                settings: SMTPSettings(host: "127.0.0.1", port: port, username: "u", password: "p"),
                logger: Logger(label: "smtp-test"))
            let error = await #expect(throws: SMTPError.self) { try await client.send(email()) }
            guard case .authUnsupported(_, _, let offered) = error else {
                Issue.record("expected auth unsupported, got \(String(describing: error))")
                return
            }
            #expect(offered == ["LOGIN", "CRAM-MD5"])
            #expect(error?.isPermanent == true)
        }
    }

    // The next two wait out their whole timeout (the server never answers QUIT), so it must be long enough for the
    // rest of the conversation even on a machine busy with the other tests: one second was not.
    @Test func acceptedMessageCountsAsDeliveredWhenQuitGoesUnanswered() async throws {
        // Reporting a timeout here would make the caller retry, and the recipient get the message twice.
        let replies = [
            "EHLO": "250-relay\r\n250 8BITMIME\r\n", "MAIL": "250 OK\r\n", "RCPT": "250 OK\r\n",
            "DATA": "354 go ahead\r\n", ".": "250 queued\r\n",
        ]
        try await withScriptedServer(greeting: "220 relay ESMTP\r\n", replies: replies) { port in
            let client = SMTPClient(
                settings: SMTPSettings(host: "127.0.0.1", port: port), timeout: .seconds(5),
                logger: Logger(label: "smtp-test"))
            try await client.send(email())
        }
    }

    @Test func refusalKeepsItsCodeWhenQuitGoesUnanswered() async throws {
        let replies = ["EHLO": "250 relay\r\n", "MAIL": "250 OK\r\n", "RCPT": "550 5.1.1 no such user\r\n"]
        try await withScriptedServer(greeting: "220 relay ESMTP\r\n", replies: replies) { port in
            let client = SMTPClient(
                settings: SMTPSettings(host: "127.0.0.1", port: port), timeout: .seconds(5),
                logger: Logger(label: "smtp-test"))
            let error = await #expect(throws: SMTPError.self) { try await client.send(email()) }
            #expect(
                error?.description
                    == "the mail server refused RCPT TO:<resident@example.org> with 550 5.1.1 no such user")
            #expect(error?.isPermanent == true)
        }
    }

    @Test func garbledReplyIsAConnectionError() async throws {
        try await withScriptedServer(greeting: "HTTP/1.1 400 Bad Request\r\n", replies: [:]) { port in
            let client = SMTPClient(
                settings: SMTPSettings(host: "127.0.0.1", port: port), logger: Logger(label: "smtp-test"))
            let error = await #expect(throws: SMTPError.self) { try await client.send(email()) }
            #expect(error?.description.contains("is not SMTP") == true)
            #expect(error?.isPermanent == false)
        }
    }
}

/// A stand-in for servers the sink cannot imitate: one that never speaks, or one without AUTH PLAIN.
/// It answers each line whose first word is a key of `replies`, and ignores every other line.
private final class ScriptedSMTPHandler: ChannelInboundHandler {
    typealias InboundIn = String
    typealias OutboundOut = ByteBuffer

    let greeting: String?
    let replies: [String: String]

    init(greeting: String?, replies: [String: String]) {
        self.greeting = greeting
        self.replies = replies
    }

    func channelActive(context: ChannelHandlerContext) {
        if let greeting { context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: greeting)), promise: nil) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let verb = unwrapInboundIn(data).prefix { $0 != " " }
        if let reply = replies[String(verb)] {
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: reply)), promise: nil)
        }
    }
}

private func withScriptedServer(
    greeting: String?, replies: [String: String], body: (Int) async throws -> Void
) async throws {
    let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        .childChannelInitializer { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPLineDecoder()))
                try channel.pipeline.syncOperations.addHandler(
                    ScriptedSMTPHandler(greeting: greeting, replies: replies))
            }
        }
        .bind(host: "127.0.0.1", port: 0).get()
    do {
        try await body(try #require(server.localAddress?.port))
    } catch {
        try? await server.close()
        throw error
    }
    try await server.close()
}
