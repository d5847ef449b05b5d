import Foundation

/// A mailbox: an address and, optionally, the name a mail reader shows for it.
public struct MailAddress: Sendable, Equatable {
    public var address: String
    public var displayName: String?

    public init(address: String, displayName: String? = nil) {
        self.address = address
        self.displayName = displayName
    }
}

/// One email, plain text with (optionally) the same in HTML, ready to be formatted for sending.
public struct OutgoingEmail: Sendable, Equatable {
    public var from: MailAddress
    public var to: [MailAddress]
    public var subject: String
    public var textBody: String
    /// The HTML alternative; mail readers that cannot show it show the text.
    public var htmlBody: String?
    /// Without the angle brackets; `formatted()` adds them.
    public var messageID: String
    public var date: Date
    /// The Message-ID (without brackets) of the email this answers, so mail programs thread it.
    public var inReplyTo: String?
    /// RFC 3834's marker for mail no person wrote ("auto-generated", or "auto-replied" for an
    /// automatic answer): well-behaved auto-responders do not answer it, so no loop starts.
    public var autoSubmitted: String?

    public init(
        from: MailAddress,
        to: [MailAddress],
        subject: String,
        textBody: String,
        htmlBody: String? = nil,
        messageID: String,
        date: Date = Date(),
        inReplyTo: String? = nil,
        autoSubmitted: String? = nil
    ) {
        self.from = from
        self.to = to
        self.subject = subject
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.messageID = messageID
        self.date = date
        self.inReplyTo = inReplyTo
        self.autoSubmitted = autoSubmitted
    }

    /// A new, globally unique Message-ID in the sender's domain.
    ///
    /// Make it once, when the email is queued, and keep it with the job: a retried send then carries the
    /// same ID, which lets the receiving mail systems recognise and drop the duplicate.
    public static func makeMessageID(from sender: MailAddress) -> String {
        let domain = sender.address.split(separator: "@").last.map(String.init) ?? "frontdoor.localdomain"
        return "\(UUID().uuidString.lowercased())@\(MailFormat.sanitizedAddress(domain))"
    }

    /// The message as RFC 5322 text with MIME headers: pure ASCII, CRLF line ends, ending with CRLF.
    ///
    /// The body is quoted-printable, so any UTF-8 text survives relays that only pass 7-bit data.
    /// Dot-stuffing is not done here: it belongs to the SMTP transport, see `SMTPClient`.
    public func formatted() -> String {
        var header = [
            "Date: " + MailFormat.date(date),
            "From: " + MailFormat.mailbox(from),
            // One recipient per line keeps long lists under the line length limit.
            "To: " + to.map(MailFormat.mailbox).joined(separator: ",\r\n "),
            "Subject: " + MailFormat.unstructured(subject, headerName: "Subject"),
            "Message-ID: <" + MailFormat.sanitizedAddress(messageID) + ">",
            "MIME-Version: 1.0",
        ]
        if let inReplyTo {
            let id = "<" + MailFormat.sanitizedAddress(inReplyTo) + ">"
            header += ["In-Reply-To: " + id, "References: " + id]
        }
        if let autoSubmitted { header.append("Auto-Submitted: " + MailFormat.sanitizedAddress(autoSubmitted)) }
        let text = ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable"]
        guard let htmlBody else {
            return (header + text).joined(separator: "\r\n") + "\r\n\r\n" + MailFormat.quotedPrintable(textBody)
        }
        // The boundary comes from the Message-ID, so formatting the same email twice gives the same text.
        let boundary = "=_frontdoor_" + String(MailFormat.sanitizedAddress(messageID).filter { $0.isLetter || $0.isNumber }.prefix(40))
        let html = ["Content-Type: text/html; charset=utf-8", "Content-Transfer-Encoding: quoted-printable"]
        // Each encoded part ends with CRLF, which belongs to the boundary line that follows it.
        return (header + ["Content-Type: multipart/alternative; boundary=\"\(boundary)\""]).joined(separator: "\r\n") + "\r\n\r\n"
            + "--" + boundary + "\r\n" + text.joined(separator: "\r\n") + "\r\n\r\n" + MailFormat.quotedPrintable(textBody)
            + "--" + boundary + "\r\n" + html.joined(separator: "\r\n") + "\r\n\r\n" + MailFormat.quotedPrintable(htmlBody)
            + "--" + boundary + "--\r\n"
    }
}

/// The encodings `OutgoingEmail.formatted()` is made of; internal so tests can pin each one down.
enum MailFormat {
    /// RFC 5322 section 3.3, always in GMT so the text does not depend on the server's time zone.
    static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }

    /// `Name <address>`, or the bare address when there is no name.
    static func mailbox(_ mailbox: MailAddress) -> String {
        let address = sanitizedAddress(mailbox.address)
        let name = stripLineBreaks(mailbox.displayName ?? "")
        guard !name.isEmpty else { return address }
        return "\(phrase(name)) <\(address)>"
    }

    /// A display name as an RFC 5322 phrase: as it is when it is only atoms, quoted when it has
    /// specials such as "," or ".", and RFC 2047 encoded words when it is not printable ASCII.
    static func phrase(_ name: String) -> String {
        guard isPrintableASCII(name), !name.contains("=?") else { return encodedWords(name) }
        if name.unicodeScalars.allSatisfy({ isAtext($0) || $0 == " " }) { return name }
        let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\""
    }

    /// An unstructured header value such as a subject. Encoded words are used for non-ASCII text, for
    /// text that would otherwise be read as an encoded word, and for text too long for one header line.
    static func unstructured(_ value: String, headerName: String) -> String {
        let value = stripLineBreaks(value)
        let fitsOnOneLine = headerName.count + 2 + value.utf8.count <= 78
        if isPrintableASCII(value), !value.contains("=?"), fitsOnOneLine { return value }
        return encodedWords(value)
    }

    /// RFC 2047 "B" encoded words, folded onto separate lines. Each word holds at most 30 bytes of
    /// whole code points, so every folded line stays under RFC 2047's 76 characters.
    static func encodedWords(_ text: String) -> String {
        var chunks: [[UInt8]] = [[]]
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunks[chunks.count - 1].count + bytes.count > 30 { chunks.append([]) }
            chunks[chunks.count - 1].append(contentsOf: bytes)
        }
        return chunks.map { "=?utf-8?B?\(Data($0).base64EncodedString())?=" }.joined(separator: "\r\n ")
    }

    /// Quoted-printable (RFC 2045 section 6.7) with CRLF line ends; any of CRLF, LF or CR in the text
    /// counts as a line break. The result always ends with CRLF, since SMTP's end-of-data marker
    /// needs one, so a body without a final newline gains one.
    static func quotedPrintable(_ text: String) -> String {
        var lines = text.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "\r\n" || $0 == "\n" || $0 == "\r" })
        if lines.count > 1, lines[lines.count - 1].isEmpty { lines.removeLast() }
        return lines.map { quotedPrintableLine(Array($0.utf8)) }.joined(separator: "\r\n") + "\r\n"
    }

    private static func quotedPrintableLine(_ bytes: [UInt8]) -> String {
        var encoded = ""
        var lineLength = 0
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            let token: String
            switch byte {
            // Whitespace at the end of a line would be stripped by some relays, so it is encoded there.
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                token = isLast ? hexEscape(byte) : String(UnicodeScalar(byte))
            case 33...60, 62...126:
                token = String(UnicodeScalar(byte))
            default:
                token = hexEscape(byte)
            }
            // Lines are at most 76 characters; all but the last piece of a line need room for the soft break "=".
            if lineLength + token.count > (isLast ? 76 : 75) {
                encoded += "=\r\n"
                lineLength = 0
            }
            encoded += token
            lineLength += token.count
        }
        return encoded
    }

    private static func hexEscape(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "=" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }

    /// An address or ID as it may appear between angle brackets, in a header or an SMTP command:
    /// without line breaks (which would start a new header or command) or brackets.
    static func sanitizedAddress(_ address: String) -> String {
        String(String.UnicodeScalarView(address.unicodeScalars.filter { !"\r\n<>".unicodeScalars.contains($0) }))
    }

    /// Removes CR and LF, so no header value can smuggle in a header of its own.
    static func stripLineBreaks(_ value: String) -> String {
        String(String.UnicodeScalarView(value.unicodeScalars.filter { $0 != "\r" && $0 != "\n" }))
    }

    private static func isPrintableASCII(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) }
    }

    /// RFC 5322 atext: the characters allowed in a display name without quotes.
    private static func isAtext(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || "!#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(scalar)
    }
}
