import FrontDoorDomain
import Testing

@Suite("Search queries: words, typos and synonyms")
struct SearchQueryTests {
    let vocabulary: Set<String> = ["report", "missed", "bin", "collection", "wheelie", "street", "light", "pothole", "potholes",
                                   "parking", "permit", "graffiti", "library", "council", "tax"]

    @Test("Case, accents, punctuation and the little words are read away")
    func reading() {
        #expect(SearchText.words("My BIN wasn't emptied!") == ["bin", "wasn", "t", "emptied"])
        #expect(SearchText.words("Café   licence") == ["cafe", "licence"])
        #expect(SearchText.words("the and of") == [])
    }

    @Test("A typo is put right to the nearest word the catalogue uses", arguments: [
        ("wheely", "wheelie"), ("bni", "bni"), ("potholse", "pothole"), ("grafiti", "graffiti"), ("libary", "library"),
        ("perimt", "permit"), ("collecton", "collection"),
    ])
    func typo(typed: String, expected: String) {
        #expect(SpellingCorrection(vocabulary: vocabulary).correct(typed) == expected)
    }

    @Test("Known words, their plurals, numbers and very short words are left alone")
    func leftAlone() {
        let spelling = SpellingCorrection(vocabulary: vocabulary)
        #expect(spelling.correct("bins") == "bins")
        #expect(spelling.correct("libraries") == "libraries")
        #expect(spelling.correct("2024") == "2024")
        #expect(spelling.correct("bim") == "bim", "three letters are too few to guess from")
        #expect(spelling.correct("zzzzzzzz") == "zzzzzzzz", "nothing near: the word as typed")
    }

    @Test("Swapped neighbours count as one slip")
    func transposition() {
        #expect(SpellingCorrection(vocabulary: ["permit"]).correct("premit") == "permit")
    }

    @Test("Each word brings its synonyms; the query says when it corrected something")
    func synonyms() {
        let query = SearchQuery("rubbish wheely", vocabulary: vocabulary)
        #expect(query.corrected == ["rubbish", "wheelie"] && query.wasCorrected)
        #expect(query.terms.first?.first == "rubbish" && query.terms.first?.contains("bin") == true)
        #expect(query.terms.last?.contains("refuse") == true, "wheelie is in the bin group too")
        let plain = SearchQuery("street light", vocabulary: vocabulary)
        #expect(!plain.wasCorrected && plain.terms.count == 2)
        #expect(SearchQuery("   the  ", vocabulary: vocabulary).isEmpty)
        #expect(SearchQuery("bin bin bins", vocabulary: vocabulary).terms.count == 2, "a word repeated is searched once")
    }
}
