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
