/// The languages the portal speaks. English is complete; Welsh covers the resident portal
/// (staff pages stay in English). A page in Welsh falls back to English for any text the
/// Welsh catalogue lacks, so a missing translation never blanks a page.
public enum SiteLanguage: String, CaseIterable, Sendable {
    case english = "en"
    case welsh = "cy"

    /// The language's name in itself, for the switch ("Cymraeg" on an English page).
    public var ownName: String {
        switch self {
        case .english: "English"
        case .welsh: "Cymraeg"
        }
    }

    /// The other language, offered by the switch.
    public var other: SiteLanguage { self == .english ? .welsh : .english }
}

extension SiteLanguage {
    /// The language for letters and emails to someone who told us, in their own words, which
    /// language they would like ("Cymraeg", "Welsh"): Welsh if that is what they asked for,
    /// otherwise English (the languages we write in).
    public static func forCorrespondence(_ stated: String) -> SiteLanguage {
        let words = stated.lowercased().split { !$0.isLetter }
        return words.contains { ["cymraeg", "welsh", "cy"].contains($0) } ? .welsh : .english
    }

    /// How a resident who chose this language on the site would state it in their details.
    public var statedName: String {
        switch self {
        case .english: "English"
        case .welsh: "Cymraeg"
        }
    }
}
