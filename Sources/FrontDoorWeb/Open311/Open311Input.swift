import Foundation
import Hummingbird

/// An Open311 call's parameters (query or form body): each by name, trimmed; comma-separated
/// lists; and the `attribute[code]` answers (`attribute[code][]` repeated for a multivaluelist).
struct Open311Input {
    let values: [String: [String]]

    init(_ values: [String: [String]]) {
        self.values = values
    }

    /// From a URL's query (Hummingbird's `queryParameters`: name and value pairs, repeats kept).
    init<Pairs: Sequence>(query: Pairs) where Pairs.Element == (key: Substring, value: Substring) {
        var values: [String: [String]] = [:]
        for (name, value) in query { values[String(name), default: []].append(String(value)) }
        self.values = values
    }

    subscript(_ name: String) -> String {
        (values[name]?.first ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `a,b,c` (and repeated parameters) as a list.
    func list(_ name: String) -> [String] {
        (values[name] ?? []).flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    var attributes: [String: [String]] {
        var found: [String: [String]] = [:]
        for (name, given) in values where name.hasPrefix("attribute[") {
            let inner = name.dropFirst("attribute[".count)
            guard let close = inner.firstIndex(of: "]") else { continue }
            let code = String(inner[..<close])
            guard !code.isEmpty else { continue }
            found[code, default: []] += given.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        }
        return found
    }
}
