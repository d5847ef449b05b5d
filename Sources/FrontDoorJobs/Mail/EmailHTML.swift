import Foundation

/// The HTML part of a notification email, made from its plain text in the GOV.UK Notify manner:
/// a blank line starts a paragraph, lines starting "* " or "- " are a bulleted list, "# " a
/// heading, "^ " inset text, and web addresses become links. Everything the text says is escaped.
/// Written here because the formatting is Notify's own small set, not Markdown: a Markdown library
/// would also turn underscores in references and addresses into emphasis.
public enum EmailHTML {
    public static func render(subject: String, text: String) -> String {
        let blocks = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .newlines) }.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        let body = blocks.map(block).joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>\(escape(subject))</title></head>
            <body style="font-family: Arial, sans-serif; font-size: 19px; line-height: 1.315789; color: #0b0c0c; max-width: 580px; margin: 0 auto; padding: 10px">
            \(body)
            </body></html>
            """
    }

    static func block(_ text: String) -> String {
        let lines = text.components(separatedBy: "\n")
        if lines.allSatisfy({ $0.hasPrefix("* ") || $0.hasPrefix("- ") }) {
            return "<ul style=\"padding-left: 20px\">" + lines.map { "<li>" + inline(String($0.dropFirst(2))) + "</li>" }.joined() + "</ul>"
        }
        if lines.count == 1, text.hasPrefix("# ") {
            return "<h2 style=\"font-size: 27px; line-height: 1.1\">" + inline(String(text.dropFirst(2))) + "</h2>"
        }
        if text.hasPrefix("^ ") {
            return "<blockquote style=\"border-left: 10px solid #b1b4b6; margin: 0 0 20px; padding: 15px\">"
                + lines.map { inline(String($0.hasPrefix("^ ") ? $0.dropFirst(2) : Substring($0))) }.joined(separator: "<br>") + "</blockquote>"
        }
        return "<p style=\"margin: 0 0 20px\">" + lines.map(inline).joined(separator: "<br>") + "</p>"
    }

    /// Escapes the text and makes its http(s) addresses into links (the address shown as written).
    static func inline(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "https://") ?? rest.range(of: "http://") {
            result += escape(String(rest[..<start.lowerBound]))
            var end = rest[start.lowerBound...].firstIndex { $0.isWhitespace } ?? rest.endIndex
            // A full stop or bracket after an address ends the sentence, not the address.
            while end > start.upperBound, ".,;:)!?".contains(rest[rest.index(before: end)]) { end = rest.index(before: end) }
            let url = String(rest[start.lowerBound..<end])
            result += "<a href=\"" + escape(url) + "\" style=\"color: #1d70b8\">" + escape(url) + "</a>"
            rest = rest[end...]
        }
        return result + escape(String(rest))
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }
}
