import Foundation

extension InboundEmail {
    /// An email as inbound-mail services post it: already split into fields (`from`, `to`, `cc`,
    /// `subject`, `text`, `html`), the raw header block as `headers` when the service sends one
    /// (for Message-ID, In-Reply-To and the automatic-mail headers), those ids as their own
    /// fields when it does not, and the files. A service that sends the whole message (`email`)
    /// is read as raw RFC 5322 instead. Field names are matched without regard to case,
    /// hyphens or underscores (`Message-Id`, `message_id`). Mailgun's names are read too:
    /// `recipient`, `body-plain`, `body-html`, `body-mime`, and `message-headers` (a JSON list
    /// of name and value pairs).
    public static func fromFields(_ fields: [String: String], attachments: [Attachment]) -> InboundEmail {
        var named: [String: String] = [:]
        for (name, value) in fields { named[name.lowercased().filter { $0.isLetter || $0.isNumber }] = value }
        if let raw = named["email"].flatMap({ $0.isEmpty ? nil : $0 }) ?? named["bodymime"], !raw.isEmpty {
            var email = parse(Data(raw.utf8))
            email.attachments += attachments
            return email
        }
        // The header block, read as a message with no body, answers what the fields do not.
        let block = named["headers"].flatMap { $0.isEmpty ? nil : $0 } ?? named["messageheaders"].map(headerBlock(fromJSONPairs:)) ?? ""
        let headers = MIMEEntity.parse(Data((block + "\r\n\r\n").utf8))
        func value(_ field: String, header: String) -> String? {
            if let given = named[field], !given.isEmpty { return given }
            return headers.header(header)
        }
        func first(_ names: String...) -> String? { names.lazy.compactMap { named[$0] }.first { !$0.isEmpty } }
        let text = first("text", "bodyplain")
        let html = first("html", "bodyhtml")
        let from = value("from", header: "From").flatMap { Mailboxes.parse($0).first }
        return InboundEmail(
            from: from,
            to: (value("to", header: "To") ?? named["recipient"]).map(Mailboxes.parse) ?? [],
            cc: value("cc", header: "Cc").map(Mailboxes.parse) ?? [],
            subject: value("subject", header: "Subject").map(EncodedWords.decode) ?? "",
            messageID: value("messageid", header: "Message-ID").flatMap { MessageIDs.parse($0).first ?? $0.trimmingCharacters(in: .whitespaces) },
            inReplyTo: value("inreplyto", header: "In-Reply-To").map(MessageIDs.parse) ?? [],
            references: value("references", header: "References").map(MessageIDs.parse) ?? [],
            text: (text ?? html.map(HTMLText.plain) ?? "").replacingOccurrences(of: "\r\n", with: "\n"),
            html: html, attachments: attachments, automatic: AutomaticMail.reason(headers) ?? from.flatMap { AutomaticMail.sentByMachine($0.address) })
    }

    /// `[["Auto-Submitted", "auto-replied"], …]` as header lines; anything else as no headers.
    static func headerBlock(fromJSONPairs json: String) -> String {
        guard let pairs = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[Any]] else { return "" }
        return pairs.compactMap { pair -> String? in
            guard pair.count == 2, let name = pair[0] as? String, let value = pair[1] as? String,
                  !name.contains(where: { $0 == ":" || $0.isNewline }) else { return nil }
            return name + ": " + value.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        }.joined(separator: "\r\n")
    }

    /// Every address it was sent to, To first.
    public var recipients: [String] { (to + cc).map(\.address) }
}
