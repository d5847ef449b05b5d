/// The three statutory rights to information a council answers: Freedom of Information (FOIA
/// 2000), the Environmental Information Regulations 2004, and a subject access request (UK
/// GDPR article 15: a person's own data).
public enum InformationRequestKind: String, CaseIterable, Sendable, Codable {
    case freedomOfInformation = "foi"
    case environmentalInformation = "eir"
    case subjectAccess = "sar"

    public var displayName: String {
        switch self {
        case .freedomOfInformation: "Freedom of Information request"
        case .environmentalInformation: "Environmental Information Regulations request"
        case .subjectAccess: "Subject access request"
        }
    }
}
