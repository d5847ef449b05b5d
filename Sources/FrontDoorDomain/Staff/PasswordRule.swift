/// NCSC-style password rule: long enough, not one of the most common passwords, and no
/// composition rules (no "must contain a symbol"), which only push people to predictable tricks.
public enum PasswordRule {
    public static let minimumLength = 8
    public static let maximumLength = 256

    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case tooShort
        case tooLong
        case tooCommon

        public var description: String {
            switch self {
            case .tooShort: "the password must be at least \(PasswordRule.minimumLength) characters"
            case .tooLong: "the password must be \(PasswordRule.maximumLength) characters or fewer"
            case .tooCommon: "the password is one of the most common passwords, which are easy to guess: choose another, such as three random words"
            }
        }
    }

    public static func check(_ password: String, against common: CommonPasswords = .none) -> Problem? {
        if password.count < minimumLength { return .tooShort }
        if password.count > maximumLength { return .tooLong }
        if common.contains(password) { return .tooCommon }
        return nil
    }
}

/// Passwords too common to allow. Compared case-insensitively, as the list is lower-case.
public struct CommonPasswords: Sendable {
    let passwords: Set<String>

    public init(_ passwords: some Sequence<String>) {
        self.passwords = Set(passwords.map { $0.lowercased() })
    }

    /// No list: only the length rules apply.
    public static let none = CommonPasswords([String]())

    public func contains(_ password: String) -> Bool {
        passwords.contains(password.lowercased())
    }

    public var count: Int { passwords.count }
}
