import Foundation

/// The portal's words, one JSON file per language (`Resources/Strings/en.json`, `cy.json`): a
/// flat table of keys (words joined by underscores, as mustache reads dots as paths) to text,
/// with `{name}` placeholders. Templates read them as `{{t.key}}`;
/// Swift code through `text(_:_:)`. Tests check that every key a template or the code uses is in
/// the English file, and that the Welsh file has every key the English one has.
public struct StringCatalogue: Sendable {
    public let tables: [SiteLanguage: [String: String]]

    public enum LoadError: Error, CustomStringConvertible {
        case missing(SiteLanguage)
        public var description: String {
            switch self {
            case .missing(let language): "the \(language.rawValue) string catalogue was not found beside the program"
            }
        }
    }

    public static func load() throws -> StringCatalogue {
        var tables: [SiteLanguage: [String: String]] = [:]
        for language in SiteLanguage.allCases {
            guard let url = Bundle.module.resourceURL?.appendingPathComponent("Strings/\(language.rawValue).json"),
                  let data = try? Data(contentsOf: url) else { throw LoadError.missing(language) }
            tables[language] = try JSONDecoder().decode([String: String].self, from: data)
        }
        return StringCatalogue(tables: tables)
    }

    /// Loaded once; the files ship inside the program, and start-up checks them (`load()`), so
    /// this cannot fail in a build that started.
    public static let shared: StringCatalogue = (try? load()) ?? StringCatalogue(tables: [:])

    /// The text for `key` in `language` (English when Welsh lacks it), placeholders filled in.
    /// An unknown key comes back as itself, which a test would catch.
    public func text(_ key: String, _ language: SiteLanguage, _ values: [String: String] = [:]) -> String {
        var text = tables[language]?[key] ?? tables[.english]?[key] ?? key
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// The whole table for templates: Welsh over English, so every key is present.
    public func table(_ language: SiteLanguage) -> [String: String] {
        (tables[.english] ?? [:]).merging(tables[language] ?? [:]) { _, chosen in chosen }
    }
}

/// Shorthand for code that builds pages: `L("home_lead", language)`.
func L(_ key: String, _ language: SiteLanguage, _ values: [String: String] = [:]) -> String {
    StringCatalogue.shared.text(key, language, values)
}
