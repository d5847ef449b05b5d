/// Forgiving of typos: a word the catalogue does not know is replaced by the nearest one it
/// does ("wheely" → "wheelie", "potholse" → "potholes"), within one edit for short words and
/// two for longer ones. The distance is the optimal-string-alignment form of Damerau–
/// Levenshtein, so swapped neighbours ("bni") count as one slip. Written here because it is a
/// dozen lines over a vocabulary of a few thousand words; no library on our mirror offers it.
public struct SpellingCorrection: Sendable {
    let vocabulary: Set<String>

    public init(vocabulary: Set<String>) {
        self.vocabulary = vocabulary
    }

    /// The word itself when known (or known without a plural ending), otherwise the nearest
    /// known word within reach, otherwise the word itself.
    public func correct(_ word: String) -> String {
        if isKnown(word) || word.count < 4 || word.allSatisfy(\.isNumber) { return word }
        let reach = word.count <= 5 ? 1 : 2
        var best: (word: String, distance: Int)?
        for candidate in vocabulary where abs(candidate.count - word.count) <= reach {
            let distance = Self.distance(word, candidate)
            guard distance <= reach else { continue }
            if let current = best, current.distance < distance || (current.distance == distance && current.word < candidate) { continue }
            best = (candidate, distance)
        }
        return best?.word ?? word
    }

    func isKnown(_ word: String) -> Bool {
        if vocabulary.contains(word) { return true }
        for ending in ["s", "es", "ies"] where word.hasSuffix(ending) {
            let stem = String(word.dropLast(ending.count))
            if vocabulary.contains(stem) || (ending == "ies" && vocabulary.contains(stem + "y")) { return true }
        }
        return false
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
