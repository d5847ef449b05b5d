import Foundation

/// What someone wrote in a reply, without the earlier messages their mail program quoted
/// below it: officers read the new words on the case timeline, not the council's own
/// acknowledgement again. Mail programs mark the quote in a few well-known ways; the first one
/// found ends the new text. If nothing would be left, the whole text is kept (better a quote
/// too many than a reply lost).
public enum ReplyText {
    public static func newText(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        var kept: [String] = []
        for (index, line) in lines.enumerated() {
            if startsQuote(line, next: index + 1 < lines.count ? lines[index + 1] : "") { break }
            kept.append(line)
        }
        // A quote block that is all ">" lines with no header above it.
        while let last = kept.last, last.trimmingCharacters(in: .whitespaces).hasPrefix(">") || last.trimmingCharacters(in: .whitespaces).isEmpty {
            kept.removeLast()
        }
        let result = kept.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        return result.isEmpty ? text.trimmingCharacters(in: .whitespacesAndNewlines) : result
    }

    static func startsQuote(_ line: String, next: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        let following = next.trimmingCharacters(in: .whitespaces)
        // A line may carry on onto the next (a long attribution, wrapped), but not when the next
        // is an attribution of its own: then this line is the reply's, however it starts.
        let wrapped = trimmed + " " + following
        let nextStartsOwn = following.hasPrefix("On ") || following.hasPrefix("Ar ")
        // Gmail, Apple Mail, Thunderbird: "On Tue, 24 Nov 2026 at 09:00, Kingsmere <x@y> wrote:".
        if trimmed.hasPrefix("On "), trimmed.hasSuffix("wrote:") || (!nextStartsOwn && wrapped.hasSuffix("wrote:")) {
            return true
        }
        // Welsh mail programs: "Ar Maw, 24 Tach 2026 am 09:00, … ysgrifennodd:".
        if trimmed.hasPrefix("Ar "), trimmed.contains("ysgrifennodd") || (!nextStartsOwn && following.contains("ysgrifennodd") && following.hasSuffix(":")) {
            return true
        }
        // Outlook: a rule, or a header block beginning "From:" followed by "Sent:" or "Date:".
        if trimmed.hasPrefix("-----Original Message-----") || trimmed.hasPrefix("________________________________") { return true }
        if trimmed.hasPrefix("From:"), ["Sent:", "Date:"].contains(where: { following.hasPrefix($0) }) {
            return true
        }
        return false
    }
}
