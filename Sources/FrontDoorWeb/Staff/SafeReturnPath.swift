import Foundation

/// Where to send someone after sign-in. Only a path on this site is accepted, never another
/// site's address (`//evil.example`, `https://…`), so the sign-in page cannot be used to
/// bounce people to a phishing site.
public enum SafeReturnPath {
    public static func validate(_ candidate: String?) -> String? {
        guard let candidate, candidate.hasPrefix("/"), !candidate.hasPrefix("//"),
              !candidate.contains("\\"), !candidate.contains(where: { $0.isNewline || $0 == "\0" })
        else { return nil }
        return candidate
    }

    /// `?return=…` for a link to sign-in; only characters that cannot end the value are left as
    /// they are, so a path containing `&` or `#` comes back whole.
    public static func query(_ path: String) -> String {
        let unreserved = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "/-_.~"))
        return "?return=" + (path.addingPercentEncoding(withAllowedCharacters: unreserved) ?? "")
    }
}
