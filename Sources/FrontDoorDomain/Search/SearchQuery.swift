/// What a resident typed into the search box, made ready for the full-text index: words read
/// as `SearchText` reads them, typos corrected against the words the catalogue uses, and each
/// word widened by its synonyms. The databases do the rest (stemming, so "bins" finds "bin",
/// and ranking), each in its own dialect.
public struct SearchQuery: Sendable, Equatable {
    public var typed: String
    /// Each word of the query with its alternatives (itself first, then synonyms).
    public var terms: [[String]]
    /// The words searched for, after correction; differs from what was typed when a typo was put right.
    public var corrected: [String]
    public var wasCorrected: Bool

    public init(_ typed: String, vocabulary: Set<String>, synonyms: Synonyms = .standard) {
        self.typed = typed
        let words = Array(SearchText.words(typed).prefix(12))
        let spelling = SpellingCorrection(vocabulary: vocabulary.union(synonyms.allWords))
        let corrected = words.map(spelling.correct)
        self.corrected = corrected
        self.wasCorrected = corrected != words
        var seen: Set<String> = []
        self.terms = corrected.compactMap { word in
            guard seen.insert(word).inserted else { return nil }
            return synonyms.expand(word)
        }
    }

    public var isEmpty: Bool { terms.isEmpty }
}
