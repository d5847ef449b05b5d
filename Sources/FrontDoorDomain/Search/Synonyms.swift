/// Words residents use for the same thing. Searching for any word of a group finds services
/// described with any other. Each service's own keywords (set by administrators in the
/// catalogue) add to these; this table holds what is true for every council.
public struct Synonyms: Sendable, Equatable {
    public var groups: [[String]]

    public init(groups: [[String]]) {
        self.groups = groups.map { $0.map { $0.lowercased() } }
    }

    public static let standard = Synonyms(groups: [
        ["bin", "rubbish", "refuse", "wheelie", "dustbin", "trash", "garbage", "waste"],
        ["recycling", "recycle", "recyclable"],
        ["lamp", "light", "lamppost", "streetlight", "lighting"],
        ["pothole", "potholes", "road", "pavement"],
        ["flytipping", "tipping", "dumped", "dumping", "fly"],
        ["graffiti", "vandalism", "tagging"],
        ["car", "vehicle", "van"],
        ["permit", "permits", "licence", "license"],
        ["tax", "ctax"],
        ["move", "moving", "moved", "relocating"],
        ["complaint", "complain", "complaining", "unhappy"],
        ["compliment", "thanks", "praise"],
        ["repair", "repairs", "fix", "broken", "leak"],
        ["foi", "information"],
        ["callback", "call", "phone", "ring"],
        ["library", "libraries", "books"],
        ["birth", "death", "marriage", "registrar", "register"],
    ])

    /// The word with the words that mean the same, itself first.
    public func expand(_ word: String) -> [String] {
        var words = [word]
        for group in groups where group.contains(word) {
            words += group.filter { !words.contains($0) }
        }
        return words
    }

    public var allWords: Set<String> { Set(groups.joined()) }
}
