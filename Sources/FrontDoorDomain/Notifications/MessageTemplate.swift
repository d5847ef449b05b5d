import Foundation

/// A message with `((placeholder))` personalisation, in the manner of GOV.UK Notify:
/// `((name))` is replaced by the value given for `name`; `((name??text))` shows `text` only
/// when the value for `name` is "yes" or "true" (an optional sentence). Values are put in as
/// they are, once: a value that itself looks like a placeholder is not expanded.
public struct MessageTemplate: Hashable, Sendable {
    /// Empty for text messages and letters' bodies.
    public var subject: String
    public var body: String

    public init(subject: String = "", body: String) {
        self.subject = subject
        self.body = body
    }

    /// The placeholders the template uses, each once, in the order they first appear (subject first).
    public var placeholders: [String] {
        var seen = Set<String>()
        return (Self.parts(subject) + Self.parts(body)).compactMap { part -> String? in
            guard case .placeholder(let name, _) = part, seen.insert(Self.key(name)).inserted else { return nil }
            return name
        }
    }

    public struct MissingPersonalisation: Error, Equatable, Sendable {
        public var names: [String]
    }

    /// The message for these values; every placeholder must have one (names match without
    /// regard to case or surrounding spaces, as in Notify).
    public func render(_ values: [String: String]) -> Result<(subject: String, body: String), MissingPersonalisation> {
        let normalised = Dictionary(values.map { (Self.key($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
        let missing = placeholders.filter { normalised[Self.key($0)] == nil }
        guard missing.isEmpty else { return .failure(MissingPersonalisation(names: missing)) }
        func fill(_ text: String) -> String {
            Self.parts(text).map { part in
                switch part {
                case .text(let text): return text
                case .placeholder(let name, let optional):
                    let value = normalised[Self.key(name)] ?? ""
                    guard let optional else { return value }
                    return ["yes", "true"].contains(value.lowercased()) ? optional : ""
                }
            }.joined()
        }
        return .success((fill(subject), fill(body)))
    }

    enum Part: Equatable {
        case text(String)
        case placeholder(name: String, optional: String?)
    }

    /// Splits text into literal runs and placeholders. "((" with no closing "))", or with
    /// nothing inside, stays literal text; in "(((name)))" the placeholder is the innermost.
    static func parts(_ text: String) -> [Part] {
        var parts: [Part] = []
        var rest = Substring(text)
        while let open = rest.range(of: "(("), let close = rest[open.upperBound...].range(of: "))") {
            let inside = rest[open.upperBound..<close.lowerBound]
            let pieces = inside.components(separatedBy: "??")
            let name = pieces[0].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, !name.contains("("), pieces.count <= 2 else {
                // Not a placeholder here; one may start a character later, as in "(((name)))".
                let next = rest.index(after: open.lowerBound)
                parts.append(.text(String(rest[..<next])))
                rest = rest[next...]
                continue
            }
            if open.lowerBound > rest.startIndex { parts.append(.text(String(rest[..<open.lowerBound]))) }
            parts.append(.placeholder(name: name, optional: pieces.count == 2 ? pieces[1] : nil))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        return parts
    }

    static func key(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
