/// NCSC-style password rule: length, not composition. The common-password list arrives with
/// resident accounts; staff passwords set on the command line already meet the length rule here.
public enum PasswordRule {
    public static let minimumLength = 8
    public static let maximumLength = 256

    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case tooShort
        case tooLong

        public var description: String {
            switch self {
            case .tooShort: "the password must be at least \(PasswordRule.minimumLength) characters"
            case .tooLong: "the password must be \(PasswordRule.maximumLength) characters or fewer"
            }
        }
    }

    public static func check(_ password: String) -> Problem? {
        if password.count < minimumLength { return .tooShort }
        if password.count > maximumLength { return .tooLong }
        return nil
    }
}
