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
}
