import Foundation

/// An email received by the council, read from its raw RFC 5322 bytes: who from, to whom, the
/// subject, the text (the plain part, else the text of the HTML part), the HTML, attachments,
/// and what links it to earlier mail (Message-ID, In-Reply-To, References).
public struct InboundEmail: Sendable {
    public struct Mailbox: Sendable, Equatable {
        public var address: String
        public var name: String

        public init(address: String, name: String = "") {
            self.address = address
            self.name = name
        }
    }

    public struct Attachment: Sendable, Equatable {
        public var fileName: String
        public var contentType: String
        public var data: Data

        public init(fileName: String, contentType: String, data: Data) {
            self.fileName = fileName
            self.contentType = contentType
            self.data = data
        }
    }

    public var from: Mailbox?
    public var to: [Mailbox]
    public var cc: [Mailbox]
    public var subject: String
    public var messageID: String?
    public var inReplyTo: [String]
    public var references: [String]
    public var text: String
    public var html: String?
    public var attachments: [Attachment]
    /// Why no reply may be sent (an auto-reply, a bounce, a list), or nil for a person's email.
    public var automatic: String?

    public init(from: Mailbox?, to: [Mailbox], cc: [Mailbox] = [], subject: String, messageID: String? = nil, inReplyTo: [String] = [],
                references: [String] = [], text: String, html: String? = nil, attachments: [Attachment] = [], automatic: String? = nil) {
        self.from = from
        self.to = to
        self.cc = cc
        self.subject = subject
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.text = text
        self.html = html
        self.attachments = attachments
        self.automatic = automatic
    }

    public static func parse(_ raw: Data) -> InboundEmail {
        let root = MIMEEntity.parse(raw)
        var text: String?, html: String?
        var attachments: [Attachment] = []
        func walk(_ entity: MIMEEntity) {
            if entity.isMultipart {
                entity.parts.forEach(walk)
            } else if entity.isAttachment || !(entity.contentType.hasPrefix("text/plain") || entity.contentType.hasPrefix("text/html")) {
                let name = entity.fileName ?? (entity.contentType == "message/rfc822" ? "attached-message.eml" : "attachment")
                attachments.append(Attachment(fileName: name, contentType: entity.contentType, data: entity.decodedBody))
            } else if entity.contentType.hasPrefix("text/plain") {
                // Several inline text parts (text, a photo, more text, as phones send them) are read in order.
                text = (text ?? "") + entity.text
            } else if entity.contentType.hasPrefix("text/html"), html == nil {
                html = entity.text
            }
        }
        walk(root)
        let body = (text ?? html.map(HTMLText.plain) ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        return InboundEmail(
            from: root.header("From").flatMap { Mailboxes.parse($0).first },
            to: root.header("To").map(Mailboxes.parse) ?? [], cc: root.header("Cc").map(Mailboxes.parse) ?? [],
            subject: root.header("Subject").map(EncodedWords.decode) ?? "",
            messageID: root.header("Message-ID").flatMap { MessageIDs.parse($0).first },
            inReplyTo: root.header("In-Reply-To").map(MessageIDs.parse) ?? [],
            references: root.header("References").map(MessageIDs.parse) ?? [],
            text: body, html: html, attachments: attachments, automatic: AutomaticMail.reason(root))
    }

    /// A case reference anywhere in the subject ("Re: FD-2026-000123 missed bin").
    public var referenceInSubject: CaseReference? {
        let pattern = /FD-\d{4}-\d{6}/
        return subject.uppercased().firstMatch(of: pattern).flatMap { CaseReference(String($0.output)) }
    }
}

/// Message ids in a header, without their angle brackets.
enum MessageIDs {
    static func parse(_ header: String) -> [String] {
        header.split(separator: "<").compactMap { piece in
            guard let end = piece.firstIndex(of: ">") else { return nil }
            let id = piece[..<end].trimmingCharacters(in: .whitespaces)
            return id.isEmpty ? nil : id
        }
    }
}

/// Address lists: `"Okafor, Margaret" <m@example.com>, plain@example.com, =?utf-8?q?Zo=C3=AB?= <z@example.com>`,
/// and groups (`Team: a@example.com, b@example.com;`).
enum Mailboxes {
    static func parse(_ header: String) -> [InboundEmail.Mailbox] {
        var items: [String] = []
        var current = "", quoted = false, angle = false
        for character in header {
            if character == "\"" { quoted.toggle() }
            if !quoted, character == "<" { angle = true }
            if !quoted, character == ">" { angle = false }
            // A group ("Team: a@x, b@x;"): its name ends at the colon, the list at the semicolon.
            if character == ":", !quoted, !angle { current = ""; continue }
            if character == "," || character == ";", !quoted, !angle { items.append(current); current = ""; continue }
            current.append(character)
        }
        items.append(current)
        return items.compactMap { item in
            let item = item.trimmingCharacters(in: .whitespaces)
            if let open = item.lastIndex(of: "<"), let close = item.lastIndex(of: ">"), open < close {
                let address = item[item.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
                var name = EncodedWords.decode(String(item[..<open]).trimmingCharacters(in: .whitespaces))
                if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 { name = String(name.dropFirst().dropLast()) }
                return address.contains("@") ? .init(address: address.lowercased(), name: name.replacingOccurrences(of: "\\\"", with: "\"")) : nil
            }
            let bare = item.split(separator: " ").first.map(String.init) ?? item
            return bare.contains("@") ? .init(address: bare.lowercased()) : nil
        }
    }
}

/// The text of an HTML-only email, for the case: block elements become line breaks, tags go,
/// entities are decoded.
enum HTMLText {
    static func plain(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        text = text.replacingOccurrences(of: "(?is)<(script|style|head)[^>]*>.*?</\\1>", with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: "(?i)<br\\s*/?>", with: "\n", options: .regularExpression)
        text = text.replacingOccurrences(of: "(?i)</(p|div|h[1-6]|li|tr)>", with: "\n", options: .regularExpression)
        text = text.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        text = entities(text)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: "\n").replacingOccurrences(of: "\n{3,}", with: "\n\n", options: .regularExpression)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension HTMLText {
    /// The named entities mail actually carries (web forms, Outlook), and every numeric one.
    static let named: [String: String] = [
        "nbsp": " ", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "amp": "&", "pound": "£", "euro": "€", "copy": "©", "reg": "®",
        "trade": "™", "mdash": "—", "ndash": "–", "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "bull": "•",
        "middot": "·", "deg": "°", "eacute": "é", "egrave": "è", "ecirc": "ê", "aacute": "á", "agrave": "à", "acirc": "â", "iacute": "í",
        "oacute": "ó", "uacute": "ú", "ccedil": "ç", "auml": "ä", "ouml": "ö", "uuml": "ü", "szlig": "ß", "ntilde": "ñ", "wcirc": "ŵ",
        "ycirc": "ŷ", "Eacute": "É", "Aacute": "Á", "Ccedil": "Ç", "Ouml": "Ö", "Uuml": "Ü", "Auml": "Ä",
    ]

    /// Decodes `&name;`, `&#NNN;` and `&#xHH;` in one pass (so "&amp;lt;" stays "&lt;"); unknown ones stay as written.
    static func entities(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semi = after.prefix(12).firstIndex(of: ";") else { result += "&"; rest = after; continue }
            let name = after[..<semi]
            var decoded: String?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else if name.hasPrefix("#") {
                decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else {
                decoded = named[String(name)]
            }
            if let decoded { result += decoded; rest = after[after.index(after: semi)...] } else { result += "&"; rest = after }
        }
        return result + rest
    }
}

/// Mail that no person wrote, which must never be answered (RFC 3834), or answering would
/// start a loop: auto-replies, bounces, delivery reports and mailing lists.
enum AutomaticMail {
    static func reason(_ message: MIMEEntity) -> String? {
        if let auto = message.header("Auto-Submitted")?.lowercased(), !auto.hasPrefix("no") { return "Auto-Submitted: " + auto }
        if let precedence = message.header("Precedence")?.lowercased().trimmingCharacters(in: .whitespaces),
           ["bulk", "junk", "list", "auto_reply"].contains(precedence) { return "Precedence: " + precedence }
        if let returnPath = message.header("Return-Path"), returnPath.replacingOccurrences(of: " ", with: "") == "<>" { return "an empty Return-Path (a bounce)" }
        if message.contentType == "multipart/report" { return "a delivery report" }
        for header in ["X-Autoreply", "X-Autorespond", "List-Id", "List-Unsubscribe"] where message.header(header) != nil {
            return header + " present"
        }
        return message.header("From").flatMap { Mailboxes.parse($0).first?.address }.flatMap(sentByMachine)
    }

    /// Addresses only machines send from.
    static func sentByMachine(_ from: String) -> String? {
        guard let local = from.split(separator: "@").first?.lowercased(),
              ["mailer-daemon", "postmaster", "noreply", "no-reply", "donotreply"].contains(local) else { return nil }
        return "sent from " + from
    }
}
