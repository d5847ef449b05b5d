/// The statutory or policy process a service's cases follow beyond the ordinary lifecycle:
/// complaints with stages, compliments and comments that are counted, information requests
/// with their legal clocks. Most services follow none (`.standard`).
public enum CaseProcess: String, CaseIterable, Sendable, Codable {
    case standard
    case complaint
    case childrensComplaint = "childrens-complaint"
    case compliment
    case comment
    case freedomOfInformation = "foi"
    case environmentalInformation = "eir"
    case subjectAccess = "sar"

    public var displayName: String {
        switch self {
        case .standard: "Ordinary requests"
        case .complaint: "Complaints (the Ombudsmen's code)"
        case .childrensComplaint: "Children's social care complaints (statutory)"
        case .compliment: "Compliments"
        case .comment: "Comments"
        case .freedomOfInformation: "Freedom of Information requests"
        case .environmentalInformation: "Environmental Information Regulations requests"
        case .subjectAccess: "Subject access requests"
        }
    }

    public var complaintType: ComplaintType? {
        switch self {
        case .complaint: .corporate
        case .childrensComplaint: .childrensSocialCare
        default: nil
        }
    }

    public var informationRequestKind: InformationRequestKind? {
        switch self {
        case .freedomOfInformation: .freedomOfInformation
        case .environmentalInformation: .environmentalInformation
        case .subjectAccess: .subjectAccess
        default: nil
        }
    }
}
