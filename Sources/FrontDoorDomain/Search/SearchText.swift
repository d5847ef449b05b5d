import Foundation

/// How search reads text: lower case, accents folded, anything that is not a letter or digit a
/// space, and the little words that every question has ("my", "the", "was") left out. The same
/// reading is used for the words indexed and the words searched for.
public enum SearchText {
    static let stopWords: Set<String> = [
        "a", "about", "an", "and", "are", "as", "at", "be", "been", "by", "can", "do", "for", "from", "get", "has", "have",
        "how", "i", "in", "is", "it", "its", "me", "my", "of", "on", "or", "our", "please", "the", "their", "there", "this",
        "to", "was", "we", "what", "when", "where", "which", "who", "why", "with", "you", "your",
    ]

    public static func words(_ text: String) -> [String] {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "en_GB"))
        let spaced = String(folded.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? Character($0) : " " })
        return spaced.split(separator: " ").map(String.init).filter { !stopWords.contains($0) && $0.count <= 40 }
    }
}
