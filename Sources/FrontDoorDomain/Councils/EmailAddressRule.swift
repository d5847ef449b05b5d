/// The email address check used everywhere a person types one.
///
/// Deliberately loose (GOV.UK's guidance: don't reject real addresses): something before
/// and after a single @, a dot in the domain, no spaces.
public enum EmailAddressRule {
    public static func isPlausible(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, text.count <= 320,
              !text.contains(where: \.isWhitespace) else { return false }
        let domain = parts[1]
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }
}
