import Foundation
@testable import FrontDoorDomain
import Testing

@Suite("Inbound mail: the new words of a reply, without the quoted earlier messages")
struct ReplyTextTests {
    struct Example: Sendable, CustomTestStringConvertible {
        var name: String
        var reply: String
        var newText: String
        var testDescription: String { name }
    }

    /// Replies as mail programs send them, each with what the officer should read.
    static let quotingStyles: [Example] = [
        Example(name: "Gmail: \"On … wrote:\" on one line", reply: """
            Thank you, the bin was collected this morning.

            Margaret

            On Tue, 24 Nov 2026 at 09:00, Kingsmere Borough Council <contact@kingsmere.gov.uk> wrote:
            > Dear Margaret,
            >
            > We have booked a return visit for your missed bin (FD-2026-000123).
            >
            > Kingsmere Borough Council
            """, newText: "Thank you, the bin was collected this morning.\n\nMargaret"),
        Example(name: "Gmail: \"On … wrote:\" wrapped over two lines", reply: """
            It still hasn't been collected.

            On Tue, 24 Nov 2026 at 09:00, Kingsmere Borough Council <
            contact@kingsmere.gov.uk> wrote:

            > We have booked a return visit for your missed bin.
            """, newText: "It still hasn't been collected."),
        Example(name: "Gmail: the attribution wrapped after the name", reply: """
            Yes, Thursday suits me.

            On Tue, 24 Nov 2026 at 09:00, Kingsmere Borough Council
            <contact@kingsmere.gov.uk> wrote:
            > Would Thursday be convenient for the inspection?
            """, newText: "Yes, Thursday suits me."),
        Example(name: "Apple Mail: \"On … wrote:\" with the quote indented", reply: """
            Photo attached as asked.

            Sent from my iPhone

            On 24 Nov 2026, at 09:00, Kingsmere Borough Council <contact@kingsmere.gov.uk> wrote:

            \u{0020}\u{0020}Please send a photo of the fly-tipping.
            """, newText: "Photo attached as asked.\n\nSent from my iPhone"),
        Example(name: "Outlook: \"-----Original Message-----\"", reply: """
            Please cancel my request, the neighbour has moved the sofa.

            Regards
            John Smith

            -----Original Message-----
            From: Kingsmere Borough Council <contact@kingsmere.gov.uk>
            Sent: 24 November 2026 09:00
            To: john.smith@example.com
            Subject: FD-2026-000456 Fly-tipping report received
            """, newText: "Please cancel my request, the neighbour has moved the sofa.\n\nRegards\nJohn Smith"),
        Example(name: "Outlook: a rule of underscores above the earlier message", reply: """
            I have paid the balance today.

            ________________________________
            From: Kingsmere Borough Council <contact@kingsmere.gov.uk>
            Sent: Tuesday, November 24, 2026 9:00:00 AM
            Subject: Council tax reminder
            """, newText: "I have paid the balance today."),
        Example(name: "Outlook: a header block, \"From:\" then \"Sent:\"", reply: """
            The street light is still out.

            From: Kingsmere Borough Council <contact@kingsmere.gov.uk>
            Sent: 24 November 2026 09:00
            To: resident@example.com
            Subject: Street light fault FD-2026-000789

            Dear resident, we have passed this to our contractor.
            """, newText: "The street light is still out."),
        Example(name: "Forwarded header block, \"From:\" then \"Date:\"", reply: """
            See below, this is the third time.

            From: Kingsmere Borough Council <contact@kingsmere.gov.uk>
            Date: Tuesday, 24 November 2026 at 09:00
            To: resident@example.com
            Subject: Missed bin
            """, newText: "See below, this is the third time."),
        Example(name: "A quote of \">\" lines with no header above it", reply: """
            That's fine, thank you.

            > We will visit on Thursday between 9am and 1pm.
            > Kingsmere Borough Council
            >
            """, newText: "That's fine, thank you."),
        Example(name: "Welsh: \"Ar … ysgrifennodd …:\"", reply: """
            Diolch yn fawr, mae'r bin wedi'i gasglu.

            Siân

            Ar ddydd Mawrth, 24 Tach 2026 am 09:00, ysgrifennodd Cyngor Kingsmere <cyswllt@kingsmere.gov.uk>:
            > Annwyl Siân,
            > Rydym wedi trefnu ymweliad arall.
            """, newText: "Diolch yn fawr, mae'r bin wedi'i gasglu.\n\nSiân"),
        Example(name: "Welsh Gmail: \"Ar … ysgrifennodd:\" at the end of the line", reply: """
            Mae'r golau stryd yn dal i fod allan.

            Ar Maw, 24 Tach 2026 am 09:00, Cyngor Kingsmere <cyswllt@kingsmere.gov.uk> ysgrifennodd:
            > Diolch am roi gwybod i ni.
            """, newText: "Mae'r golau stryd yn dal i fod allan."),
        Example(name: "The first marker ends the new text, even above another", reply: """
            Still waiting.

            On Wed, 25 Nov 2026 at 10:00, Kingsmere Borough Council <contact@kingsmere.gov.uk> wrote:
            > Thank you for your reply.
            >
            > -----Original Message-----
            > From: resident@example.com
            """, newText: "Still waiting."),
    ]

    @Test("Each mail program's way of marking the quote ends the new text", arguments: quotingStyles)
    func quotingStyle(_ example: Example) {
        #expect(ReplyText.newText(example.reply) == example.newText)
    }

    @Test("Windows line ends (CRLF) are read the same, and the result uses plain line ends", arguments: quotingStyles)
    func crlf(_ example: Example) {
        let crlf = example.reply.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(crlf.contains("\r\n"))
        #expect(ReplyText.newText(crlf) == example.newText)
    }

    @Test("Text with no quote comes back unchanged but for surrounding blank space", arguments: [
        "The bin on Elm Road was missed again.",
        "Hello,\n\nThe bin on Elm Road was missed again.\n\nOn Monday it was the same.\n\nMargaret Okafor\n07700 900123",
        // Lines that only look like markers: "On" without "wrote:", "From:" without "Sent:"/"Date:", a short rule, "Ar" without "ysgrifennodd".
        "On Monday the crew skipped our road.\nFrom: the corner of Elm Road\nTo: the church\nall the bins were left.",
        "Signed: ____________\nAr ôl i mi ffonio, doedd dim ateb.",
        "Price list:\n- garden waste: £45\n-----\nThanks",
        // Answers written between quoted lines are new text; only the trailing quote goes.
        "> Which day was it missed?\nTuesday.\n> Which bin?\nThe green one.",
        // A quoted attribution ("> On … wrote:") above inline answers is part of the quote being answered, not a marker.
        "My answers are below.\n\n> On Tue, 24 Nov 2026 at 09:00, Kingsmere Borough Council wrote:\n> Which day was it missed?\nTuesday.",
        // "Date:" or "Sent:" below a line that is not "From:" is not a header block.
        "Please book a bulky waste collection.\nItems: sofa and fridge\nDate: Thursday 26 November\nSent: by post as well",
    ])
    func noQuote(_ text: String) {
        #expect(ReplyText.newText(text) == text)
        #expect(ReplyText.newText("\n\n  " + text + "  \n\n") == text)
    }

    @Test("Answers written between quoted lines are kept; the quote after the last answer goes")
    func inlineAnswers() {
        let reply = "> Which day was it missed?\nTuesday.\n\n> Which bin?\nThe green one.\n\n> Kingsmere Borough Council\n> 01632 960 000"
        #expect(ReplyText.newText(reply) == "> Which day was it missed?\nTuesday.\n\n> Which bin?\nThe green one.")
    }

    @Test("When nothing would be left, the whole text is kept rather than lose the reply", arguments: [
        "On Tue, 24 Nov 2026 at 09:00, Kingsmere Borough Council <contact@kingsmere.gov.uk> wrote:\n> We have booked a return visit.",
        "> We have booked a return visit.\n> Kingsmere Borough Council",
        "-----Original Message-----\nFrom: Kingsmere Borough Council\nSent: 24 November 2026\n\nWe have booked a return visit.",
        // A reply written below the quote (bottom-posting) is not lost.
        "On Tue, 24 Nov 2026 at 09:00, Kingsmere Borough Council <contact@kingsmere.gov.uk> wrote:\n> Which day was it missed?\n\nTuesday, and again on Friday.",
        "Ar ddydd Mawrth, ysgrifennodd Cyngor Kingsmere:\n> Annwyl Siân",
    ])
    func allQuote(_ text: String) {
        #expect(ReplyText.newText(text) == text)
        #expect(ReplyText.newText("\n" + text + "\n\n") == text)
    }

    @Test("Empty and blank text stays empty")
    func empty() {
        #expect(ReplyText.newText("") == "")
        #expect(ReplyText.newText(" \n\n ") == "")
    }

    @Test("A realistic Outlook reply in CRLF keeps the signature and drops the quoted acknowledgement")
    func outlookCRLF() {
        let reply = "Hi,\r\n\r\nI've attached the photo of the damaged bin lid.\r\n\r\nKind regards,\r\nPriya Shah\r\n\r\n"
            + "________________________________\r\nFrom: Kingsmere Borough Council <noreply@kingsmere.gov.uk>\r\nSent: 24 November 2026 09:00\r\n"
            + "To: Priya Shah <priya@example.com>\r\nSubject: We have received your request FD-2026-000321\r\n\r\n"
            + "Dear Priya,\r\n\r\nThank you for contacting Kingsmere Borough Council.\r\n"
        #expect(ReplyText.newText(reply) == "Hi,\n\nI've attached the photo of the damaged bin lid.\n\nKind regards,\nPriya Shah")
    }

    @Test("A line of new text starting \"On\" directly above a one-line attribution is kept")
    func newTextStartingOnAboveAttribution() {
        // Joined with the attribution below, this line would end "wrote:"; it is the reply's own.
        let reply = """
            On Monday the crew skipped our road again.
            On Tue, 24 Nov 2026 at 09:00, Kingsmere Borough Council <contact@kingsmere.gov.uk> wrote:
            > We have booked a return visit.
            """
        #expect(ReplyText.newText(reply) == "On Monday the crew skipped our road again.")
    }

    @Test("A Welsh attribution wrapped over two lines ends the new text, as an English one does")
    func welshWrapped() {
        let reply = """
            Diolch, mae'n iawn.

            Ar Maw, 24 Tach 2026 am 09:00, Cyngor Kingsmere <
            cyswllt@kingsmere.gov.uk> ysgrifennodd:
            > Rydym wedi trefnu ymweliad arall.
            """
        #expect(ReplyText.newText(reply) == "Diolch, mae'n iawn.")
    }
}
