import Foundation
@testable import FrontDoorDomain
import Testing

@Suite("Inbound mail: an email as an inbound-mail service posts it, in form fields")
struct InboundEmailFieldsTests {
    /// What SendGrid's Inbound Parse posts for an ordinary email (its own header block among the fields).
    static let sendGridHeaders = """
        Received: by mx0047p1mdw1.sendgrid.net with SMTP id 6WCVv7KAWn Tue, 24 Nov 2026 09:05:12 +0000 (UTC)
        From: "Okafor, Margaret" <Margaret.Okafor@example.com>
        To: Kingsmere Missed Bins <missed-bin@kingsmere.gov.uk>
        Subject: Re: FD-2026-000123 Missed bin
        Message-ID: <CAF4kY=reply-1@mail.example.com>
        In-Reply-To: <ack-000123@kingsmere.gov.uk>
        References: <request-000123@mail.example.com>
         <ack-000123@kingsmere.gov.uk>
        Date: Tue, 24 Nov 2026 09:05:00 +0000
        MIME-Version: 1.0
        Content-Type: multipart/alternative; boundary="000000000000abc"

        """

    @Test("The plain fields give sender, recipients, subject and text")
    func plainFields() {
        let email = InboundEmail.fromFields([
            "from": "\"Okafor, Margaret\" <Margaret.Okafor@example.com>",
            "to": "Kingsmere Missed Bins <Missed-Bin@kingsmere.gov.uk>, contact@kingsmere.gov.uk",
            "subject": "Missed bin on Elm Road",
            "text": "The green bin was missed.\r\nNumber 12.\r\n",
            "sender_ip": "192.0.2.10",
            "spam_score": "0.1",
        ], attachments: [])
        #expect(email.from == .init(address: "margaret.okafor@example.com", name: "Okafor, Margaret"))
        #expect(email.to == [.init(address: "missed-bin@kingsmere.gov.uk", name: "Kingsmere Missed Bins"), .init(address: "contact@kingsmere.gov.uk")])
        #expect(email.cc.isEmpty)
        #expect(email.subject == "Missed bin on Elm Road")
        #expect(email.text == "The green bin was missed.\nNumber 12.\n")
        #expect(email.html == nil)
        #expect(email.messageID == nil)
        #expect(email.inReplyTo.isEmpty)
        #expect(email.references.isEmpty)
        #expect(email.attachments.isEmpty)
        #expect(email.automatic == nil)
    }

    @Test("The header block supplies Message-ID, In-Reply-To and References (folded) when no field does")
    func headerBlockIDs() {
        let email = InboundEmail.fromFields([
            "headers": Self.sendGridHeaders,
            "from": "\"Okafor, Margaret\" <Margaret.Okafor@example.com>",
            "to": "missed-bin@kingsmere.gov.uk",
            "subject": "Re: FD-2026-000123 Missed bin",
            "text": "Still not collected.",
        ], attachments: [])
        #expect(email.messageID == "CAF4kY=reply-1@mail.example.com")
        #expect(email.inReplyTo == ["ack-000123@kingsmere.gov.uk"])
        #expect(email.references == ["request-000123@mail.example.com", "ack-000123@kingsmere.gov.uk"])
        #expect(email.referenceInSubject?.description == "FD-2026-000123")
        #expect(email.automatic == nil)
    }

    @Test("The header block answers for from, to, cc and subject when those fields are missing or empty")
    func headerBlockFallback() {
        let email = InboundEmail.fromFields([
            "headers": "From: Siân Jones <sian@example.cymru>\r\nTo: contact@kingsmere.gov.uk\r\nCc: Councillor <cllr.evans@kingsmere.gov.uk>\r\n"
                + "Subject: =?utf-8?q?Bin_wedi=E2=80=99i_fethu?=\r\n",
            "from": "",
            "text": "Diolch",
        ], attachments: [])
        #expect(email.from == .init(address: "sian@example.cymru", name: "Siân Jones"))
        #expect(email.to.map(\.address) == ["contact@kingsmere.gov.uk"])
        #expect(email.cc.map(\.address) == ["cllr.evans@kingsmere.gov.uk"])
        #expect(email.subject == "Bin wedi’i fethu")
        #expect(email.recipients == ["contact@kingsmere.gov.uk", "cllr.evans@kingsmere.gov.uk"])
    }

    @Test("A field given outright wins over the header block")
    func fieldsWinOverHeaders() {
        let email = InboundEmail.fromFields([
            "headers": "From: old@example.com\nSubject: From the headers\nMessage-ID: <from-headers@example.com>\n",
            "from": "new@example.com",
            "subject": "From the field",
            "Message-Id": "<from-field@example.com>",
            "to": "contact@kingsmere.gov.uk",
        ], attachments: [])
        #expect(email.from?.address == "new@example.com")
        #expect(email.subject == "From the field")
        #expect(email.messageID == "from-field@example.com")
    }

    @Test("Auto-Submitted in the header block marks the email automatic", arguments: ["auto-replied", "auto-generated", "Auto-Replied"])
    func autoSubmitted(_ value: String) {
        let email = InboundEmail.fromFields([
            "headers": "From: resident@example.com\nTo: contact@kingsmere.gov.uk\nAuto-Submitted: \(value)\nSubject: Out of office\n",
            "from": "resident@example.com", "to": "contact@kingsmere.gov.uk", "subject": "Out of office", "text": "I am away until Monday.",
        ], attachments: [])
        #expect(email.automatic == "Auto-Submitted: " + value.lowercased())
    }

    @Test("Other automatic-mail headers in the block are recognised; \"Auto-Submitted: no\" is a person's email")
    func otherAutomaticHeaders() {
        func automatic(_ headers: String) -> String? {
            InboundEmail.fromFields(["headers": headers, "from": "resident@example.com", "to": "contact@kingsmere.gov.uk", "text": "x"], attachments: []).automatic
        }
        #expect(automatic("Auto-Submitted: no\nSubject: Hello") == nil)
        #expect(automatic("Precedence: bulk") == "Precedence: bulk")
        #expect(automatic("List-Unsubscribe: <mailto:leave@lists.example.com>") == "List-Unsubscribe present")
        #expect(automatic("X-Autoreply: yes") == "X-Autoreply present")
        #expect(automatic("Return-Path: <>") == "an empty Return-Path (a bounce)")
        #expect(automatic("Content-Type: multipart/report; report-type=delivery-status; boundary=x") == "a delivery report")
        #expect(automatic("From: MAILER-DAEMON@mx.example.com") == "sent from mailer-daemon@mx.example.com")
        #expect(automatic("Return-Path: <resident@example.com>\nPrecedence: first-class") == nil)
    }

    @Test("Message-ID, In-Reply-To and References are read from fields in any spelling", arguments: [
        ["Message-Id", "In-Reply-To", "References"],
        ["message_id", "in_reply_to", "references"],
        ["MESSAGE-ID", "In-reply-to", "REFERENCES"],
        ["messageid", "inreplyto", "References"],
    ])
    func idFieldSpellings(_ names: [String]) {
        let email = InboundEmail.fromFields([
            "From": "Resident <resident@example.com>",
            "To": "contact@kingsmere.gov.uk",
            "Subject": "Re: Your request",
            "body": "ignored",
            "text": "Thanks",
            names[0]: "<reply-2@mail.example.com>",
            names[1]: "<ack-1@kingsmere.gov.uk>",
            names[2]: "<request-1@mail.example.com> <ack-1@kingsmere.gov.uk>",
        ], attachments: [])
        #expect(email.messageID == "reply-2@mail.example.com")
        #expect(email.inReplyTo == ["ack-1@kingsmere.gov.uk"])
        #expect(email.references == ["request-1@mail.example.com", "ack-1@kingsmere.gov.uk"])
        #expect(email.from?.address == "resident@example.com")
        #expect(email.subject == "Re: Your request")
    }

    @Test("A Message-ID field without angle brackets is kept as given")
    func bareMessageID() {
        let email = InboundEmail.fromFields(["from": "a@example.com", "to": "contact@kingsmere.gov.uk", "message_id": "  bare-id@example.com "], attachments: [])
        #expect(email.messageID == "bare-id@example.com")
    }

    @Test("An HTML-only post gives the text of the HTML, and keeps the HTML")
    func htmlOnly() {
        let html = "<html><head><style>p { color: red; }</style></head><body><p>The bin on Elm&nbsp;Road was missed.</p>"
            + "<p>Cost: &pound;45 &amp; more<br>Margaret</p></body></html>"
        for text in [nil, ""] as [String?] {
            var fields = ["from": "resident@example.com", "to": "contact@kingsmere.gov.uk", "subject": "HTML only", "html": html]
            fields["text"] = text
            let email = InboundEmail.fromFields(fields, attachments: [])
            #expect(email.text == "The bin on Elm Road was missed.\nCost: £45 & more\nMargaret")
            #expect(email.html == html)
        }
        // With both, the text part is the text.
        let both = InboundEmail.fromFields(["from": "resident@example.com", "to": "x@kingsmere.gov.uk", "text": "Plain words", "html": html], attachments: [])
        #expect(both.text == "Plain words")
        #expect(both.html == html)
        // An empty html field is no HTML.
        #expect(InboundEmail.fromFields(["from": "resident@example.com", "to": "x@kingsmere.gov.uk", "text": "Plain", "html": ""], attachments: []).html == nil)
    }

    @Test("A full raw message in the email field is read as the message, with the posted files added")
    func rawEmailField() {
        let raw = """
            From: =?utf-8?q?Si=C3=A2n_Jones?= <Sian@example.cymru>
            To: missed-bin@kingsmere.gov.uk
            Cc: neighbour@example.com
            Subject: =?utf-8?b?QmluIHdlZGkn?= =?utf-8?b?aSBmZXRodQ==?=
            Message-ID: <raw-1@example.cymru>
            In-Reply-To: <ack-9@kingsmere.gov.uk>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b1"

            --b1
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            Mae'r bin gwyrdd wedi'i fethu eto. D=C5=B5r ym mhobman.
            --b1
            Content-Type: image/jpeg; name="bin.jpg"
            Content-Disposition: attachment; filename="bin.jpg"
            Content-Transfer-Encoding: base64

            /9j/2Q==
            --b1--
            """.replacingOccurrences(of: "\n", with: "\r\n")
        let posted = InboundEmail.Attachment(fileName: "extra.pdf", contentType: "application/pdf", data: Data("%PDF-1.4\n".utf8))
        let email = InboundEmail.fromFields([
            "email": raw,
            // Fields beside it are not consulted.
            "from": "someone-else@example.com", "subject": "Ignored", "text": "Ignored",
        ], attachments: [posted])
        #expect(email.from == .init(address: "sian@example.cymru", name: "Siân Jones"))
        #expect(email.to.map(\.address) == ["missed-bin@kingsmere.gov.uk"])
        #expect(email.recipients == ["missed-bin@kingsmere.gov.uk", "neighbour@example.com"])
        #expect(email.subject == "Bin wedi'i fethu")
        #expect(email.messageID == "raw-1@example.cymru")
        #expect(email.inReplyTo == ["ack-9@kingsmere.gov.uk"])
        #expect(email.text == "Mae'r bin gwyrdd wedi'i fethu eto. Dŵr ym mhobman.")
        #expect(email.attachments.map(\.fileName) == ["bin.jpg", "extra.pdf"])
        #expect(email.attachments.first?.data == Data([0xFF, 0xD8, 0xFF, 0xD9]))
        #expect(email.attachments.last == posted)

        // An empty email field is no raw message: the fields are read instead.
        let empty = InboundEmail.fromFields(["email": "", "from": "resident@example.com", "to": "contact@kingsmere.gov.uk", "text": "Hello"], attachments: [])
        #expect(empty.from?.address == "resident@example.com")
        #expect(empty.text == "Hello")
    }

    @Test("An encoded-word subject (RFC 2047) is decoded, as is the sender's name")
    func encodedWordSubject() {
        let email = InboundEmail.fromFields([
            "from": "=?utf-8?q?Zo=C3=AB_M=C3=BCller?= <zoe@example.com>",
            "to": "contact@kingsmere.gov.uk",
            "subject": "Re: =?utf-8?B?Q2Fmw6kgbGljZW5jZSDigJMgRkQtMjAyNi0wMDAxMjM=?=",
        ], attachments: [])
        #expect(email.subject == "Re: Café licence – FD-2026-000123")
        #expect(email.from == .init(address: "zoe@example.com", name: "Zoë Müller"))
        #expect(email.referenceInSubject?.description == "FD-2026-000123")
        // A subject already decoded by the service is left as it is.
        #expect(InboundEmail.fromFields(["subject": "Café – 50% off =?"], attachments: []).subject == "Café – 50% off =?")
    }

    @Test("Cc addresses count among the recipients, after the To addresses")
    func ccInRecipients() {
        let email = InboundEmail.fromFields([
            "from": "resident@example.com",
            "to": "Friend <friend@example.com>",
            "cc": "\"Kingsmere, Council Tax\" <Council-Tax@kingsmere.gov.uk>, other@example.org",
            "text": "Copying the council in.",
        ], attachments: [])
        #expect(email.cc == [.init(address: "council-tax@kingsmere.gov.uk", name: "Kingsmere, Council Tax"), .init(address: "other@example.org")])
        #expect(email.recipients == ["friend@example.com", "council-tax@kingsmere.gov.uk", "other@example.org"])
        let routing = InboundMailRouting(mailrooms: [.init(councilID: UUID(), domain: "kingsmere.gov.uk", serviceCodes: ["council-tax"])])
        #expect(routing.route(email.recipients)?.serviceCode == "council-tax")
    }

    @Test("A noreply or mailer-daemon sender marks the email automatic, even with no header block",
          arguments: [("noreply@shop.example.com", "noreply@shop.example.com"),
                      ("No-Reply <no-reply@bank.example.com>", "no-reply@bank.example.com"),
                      ("MAILER-DAEMON@mx.example.com", "mailer-daemon@mx.example.com"),
                      ("postmaster@example.org", "postmaster@example.org"),
                      ("DoNotReply@utility.example.co.uk", "donotreply@utility.example.co.uk")])
    func machineSender(_ from: String, address: String) {
        let email = InboundEmail.fromFields(["from": from, "to": "contact@kingsmere.gov.uk", "subject": "Your order", "text": "Thanks for your order"], attachments: [])
        #expect(email.from?.address == address)
        #expect(email.automatic == "sent from " + address)
    }

    @Test("A person whose address only contains \"noreply\" or \"postmaster\" is not automatic", arguments: [
        "noreply.fan@example.com", "jane.postmaster@example.com", "resident@noreply.example.com",
    ])
    func personNotMachine(_ from: String) {
        #expect(InboundEmail.fromFields(["from": from, "to": "contact@kingsmere.gov.uk", "text": "Hello"], attachments: []).automatic == nil)
    }

    @Test("Posted files are passed through in order, unchanged")
    func attachments() {
        let files = [
            InboundEmail.Attachment(fileName: "photo 1.jpg", contentType: "image/jpeg", data: Data([0xFF, 0xD8, 0xFF, 0xD9])),
            InboundEmail.Attachment(fileName: "letter.pdf", contentType: "application/pdf", data: Data("%PDF-1.4\n".utf8)),
            InboundEmail.Attachment(fileName: "empty.txt", contentType: "text/plain", data: Data()),
        ]
        let email = InboundEmail.fromFields(["from": "resident@example.com", "to": "contact@kingsmere.gov.uk", "text": "See attached",
                                             "attachments": "3", "attachment-info": "{}"], attachments: files)
        #expect(email.attachments == files)
        #expect(email.text == "See attached")
    }

    @Test("Mailgun's field names: recipient, body-plain, body-html and message-headers as JSON pairs, or body-mime")
    func mailgunFields() {
        let headers = #"[["Message-Id", "<mg-1@mail.example.com>"], ["In-Reply-To", "<ack-7@kingsmere.gov.uk>"], ["Auto-Submitted", "auto-replied"], ["X-Bad:Name", "dropped"]]"#
        let email = InboundEmail.fromFields([
            "recipient": "missed-bin@kingsmere.gov.uk", "sender": "ann@example.org", "from": "Ann <ann@example.org>",
            "subject": "Out of office", "body-plain": "I am away.", "body-html": "<p>I am away.</p>", "message-headers": headers,
        ], attachments: [])
        #expect(email.recipients == ["missed-bin@kingsmere.gov.uk"])
        #expect(email.text == "I am away." && email.html == "<p>I am away.</p>")
        #expect(email.messageID == "mg-1@mail.example.com" && email.inReplyTo == ["ack-7@kingsmere.gov.uk"])
        #expect(email.automatic == "Auto-Submitted: auto-replied")
        #expect(InboundEmail.headerBlock(fromJSONPairs: "not json").isEmpty)

        let mime = InboundEmail.fromFields(["body-mime": "From: Bo <bo@example.org>\r\nTo: contact@kingsmere.gov.uk\r\nSubject: Hi\r\n\r\nHello\r\n"],
                                           attachments: [])
        #expect(mime.from?.address == "bo@example.org" && mime.subject == "Hi" && mime.text.hasPrefix("Hello"))
    }

    @Test("A post with nothing useful gives an empty email rather than failing")
    func emptyPost() {
        let email = InboundEmail.fromFields([:], attachments: [])
        #expect(email.from == nil)
        #expect(email.recipients.isEmpty)
        #expect(email.subject == "")
        #expect(email.text == "")
        #expect(email.html == nil)
        #expect(email.messageID == nil)
        #expect(email.automatic == nil)
        // A from field with no address in it gives no sender.
        #expect(InboundEmail.fromFields(["from": "Margaret Okafor"], attachments: []).from == nil)
    }
}
