import Foundation

/// Where the data lives: an SQLite file (the embedded default) or a PostgreSQL server.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case unsupportedScheme(String)
        case missingHost
        case missingDatabaseName
        case missingSQLitePath
        case notAURL

        public var description: String {
            switch self {
            case .unsupportedScheme(let scheme):
                "the scheme \"\(scheme)\" is not supported: use postgres://user:password@host:port/database or sqlite:path/to/file.sqlite"
            case .missingHost: "the PostgreSQL URL has no host"
            case .missingDatabaseName: "the PostgreSQL URL has no database name after the host"
            case .missingSQLitePath: "the sqlite: URL has no file path"
            case .notAURL: "it is not a URL: use postgres://user:password@host:port/database or sqlite:path/to/file.sqlite"
            }
        }
    }

    /// Parses `DATABASE_URL`. `sqlite:relative/path`, `sqlite:///absolute/path` and
    /// `postgres://` or `postgresql://` URLs are accepted.
    public static func parse(_ text: String) throws(ParseError) -> DatabaseLocation {
        guard let colon = text.firstIndex(of: ":") else { throw .notAURL }
        let scheme = text[..<colon].lowercased()
        switch scheme {
        case "sqlite", "sqlite3":
            var path = String(text[text.index(after: colon)...])
            if path.hasPrefix("//") { path.removeFirst(2) }  // sqlite:///abs → /abs; sqlite://rel → rel
            guard !path.isEmpty else { throw .missingSQLitePath }
            return .sqlite(path: path)
        case "postgres", "postgresql":
            guard let components = URLComponents(string: text) else { throw .notAURL }
            guard let host = components.host, !host.isEmpty else { throw .missingHost }
            guard components.path.count > 1 else { throw .missingDatabaseName }
            return .postgres(url: text)
        default:
            throw .unsupportedScheme(String(scheme))
        }
    }

    /// Safe to print: the password is never shown.
    public var description: String {
        switch self {
        case .sqlite(let path): return "SQLite file \(path)"
        case .postgres(let url):
            guard let components = URLComponents(string: url) else { return "PostgreSQL" }
            let port = components.port.map { ":\($0)" } ?? ""
            return "PostgreSQL at \(components.host ?? "?")\(port)\(components.path)"
        }
    }
}
