/// The groups residents find services under, in the order the home page lists them.
public enum ServiceGroup: String, CaseIterable, Sendable, Codable {
    case waste
    case streets
    case housing
    case councilTax = "council-tax"
    case parking
    case benefits
    case planning
    case registrars
    case libraries
    case adultSocialCare = "adult-social-care"
    case complaintsAndFeedback = "complaints-and-feedback"
    case general

    public var displayName: String {
        switch self {
        case .waste: "Waste"
        case .streets: "Streets"
        case .housing: "Housing"
        case .councilTax: "Council Tax"
        case .parking: "Parking"
        case .benefits: "Benefits"
        case .planning: "Planning"
        case .registrars: "Registrars"
        case .libraries: "Libraries"
        case .adultSocialCare: "Adult Social Care"
        case .complaintsAndFeedback: "Complaints and feedback"
        case .general: "General"
        }
    }
}

/// What kind of contact a service is (the Local Government Association's contact types): a
/// transaction completes something (a permit, a payment), an interaction gets something done
/// (a repair, a collection), information answers a question.
public enum ContactType: String, CaseIterable, Sendable, Codable {
    case transaction
    case interaction
    case information

    public var displayName: String {
        switch self {
        case .transaction: "Transaction"
        case .interaction: "Interaction"
        case .information: "Information"
        }
    }
}

/// Where a service can be used.
public enum ServiceChannel: String, CaseIterable, Sendable, Codable {
    case online
    case phone
    case faceToFace = "face-to-face"
    case email
    case post

    public var displayName: String {
        switch self {
        case .online: "Online"
        case .phone: "Phone"
        case .faceToFace: "Face to face"
        case .email: "Email"
        case .post: "Post"
        }
    }
}
