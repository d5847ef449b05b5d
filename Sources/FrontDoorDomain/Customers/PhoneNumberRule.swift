/// The phone number check used wherever a person types one: loose on purpose, like the email
/// rule. Spaces, brackets, dashes and a leading + are allowed; what is left must be 10 to 15
/// digits (a UK number has 10 or 11; international ones up to 15, per ITU-T E.164).
public enum PhoneNumberRule {
    public static func isPlausible(_ text: String) -> Bool {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        if rest.hasPrefix("+") { rest = rest.dropFirst() }
        guard rest.allSatisfy({ $0.isASCIIDigit || " ()-".contains($0) }) else { return false }
        return (10...15).contains(rest.filter(\.isASCIIDigit).count)
    }
}
