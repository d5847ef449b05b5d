/// How a council's identity provider's claim values (group or role names) become FrontDoor roles.
/// Rules are checked in the order the administrator wrote them; the first value the person has
/// wins, so list the most powerful roles first. No match means no access: an identity provider
/// account is not a FrontDoor account until someone decides what it may do.
public struct RoleMapping: Equatable, Sendable {
    public struct Rule: Equatable, Sendable {
        public var claimValue: String
        public var role: StaffRole

        public init(claimValue: String, role: StaffRole) {
            self.claimValue = claimValue
            self.role = role
        }
    }

    public var rules: [Rule]

    public init(rules: [Rule]) {
        self.rules = rules
    }

    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case malformed(String)
        case unknownRole(String)
        case empty

        public var description: String {
            switch self {
            case .malformed(let text): "\"\(text)\" is not of the form claim-value=role"
            case .unknownRole(let role): "\"\(role)\" is not a role; roles are \(StaffRole.allCases.map(\.rawValue).joined(separator: ", "))"
            case .empty: "at least one claim-value=role rule is needed"
            }
        }
    }

    /// Reads rules written `claim-value=role`, one per entry (blank entries ignored).
    public static func parse(_ entries: [String]) throws(ParseError) -> RoleMapping {
        var rules: [Rule] = []
        for entry in entries.map({ $0.trimmingCharacters(in: .whitespaces) }) where !entry.isEmpty {
            guard let equals = entry.lastIndex(of: "=") else { throw .malformed(entry) }
            let value = entry[..<equals].trimmingCharacters(in: .whitespaces)
            let roleText = entry[entry.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty else { throw .malformed(entry) }
            guard let role = StaffRole(rawValue: roleText) else { throw .unknownRole(roleText) }
            rules.append(Rule(claimValue: value, role: role))
        }
        guard !rules.isEmpty else { throw .empty }
        return RoleMapping(rules: rules)
    }

    /// The rules as stored and shown: one `claim-value=role` a line.
    public var text: String {
        rules.map { "\($0.claimValue)=\($0.role.rawValue)" }.joined(separator: "\n")
    }

    /// The role for someone whose claim holds `values`, or nil when no rule matches.
    public func role(for values: [String]) -> StaffRole? {
        rules.first { values.contains($0.claimValue) }?.role
    }
}
