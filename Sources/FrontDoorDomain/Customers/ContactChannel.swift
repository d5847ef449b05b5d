/// How a customer would like the council to get in touch.
public enum ContactChannel: String, CaseIterable, Sendable, Codable {
    case email
    case phone
    case text
    case letter

    public var displayName: String {
        switch self {
        case .email: "Email"
        case .phone: "Phone call"
        case .text: "Text message"
        case .letter: "Letter"
        }
    }
}
