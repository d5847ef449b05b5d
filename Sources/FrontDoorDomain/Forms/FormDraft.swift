import Foundation

/// A form someone has started and not yet sent: kept on the server between question pages.
public struct FormDraft: Hashable, Sendable {
    /// Who is filling it in. A resident fills in their own; a member of staff fills one in for a
    /// customer (assisted digital), and the request that results is the customer's. A guest has
    /// no account: an email address they proved by opening a link, and a digest of that link's
    /// secret, which their browser carries from then on.
    public enum Filler: Hashable, Sendable {
        case resident(customerID: UUID)
        case staff(staffID: UUID, forCustomerID: UUID)
        case guest(email: String, tokenDigest: String)

        public var customerID: UUID? {
            switch self {
            case .resident(let id), .staff(_, let id): id
            case .guest: nil
            }
        }

        public var guestEmail: String? {
            if case .guest(let email, _) = self { return email }
            return nil
        }
    }

    public var id: String
    public var councilID: UUID
    public var serviceID: UUID
    public var formVersion: Int
    public var answers: FormSubmission
    public var filler: Filler
    /// How the request reached the council: online for residents; phone or face to face for advisors.
    public var channel: ServiceChannel
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: String, councilID: UUID, serviceID: UUID, formVersion: Int, answers: FormSubmission = FormSubmission([:]),
                filler: Filler, channel: ServiceChannel, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.councilID = councilID
        self.serviceID = serviceID
        self.formVersion = formVersion
        self.answers = answers
        self.filler = filler
        self.channel = channel
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// A form as sent: its checked answers with the form version they were given against, so it
/// reads the same however the form changes afterwards.
public struct SubmittedForm: Hashable, Sendable {
    public var id: UUID
    public var councilID: UUID
    public var serviceID: UUID
    public var formVersion: Int
    public var answers: [String: AnswerValue]
    public var answersAsTyped: FormSubmission
    public var customerID: UUID?
    public var submittedByStaffID: UUID?
    public var channel: ServiceChannel
    public var submittedAt: Date
    /// For a guest's request: the address they proved, and the digest of their link's secret
    /// (so their browser, and only theirs, can see the confirmation).
    public var guestEmail: String?
    public var guestTokenDigest: String?

    public init(id: UUID, councilID: UUID, serviceID: UUID, formVersion: Int, answers: [String: AnswerValue],
                answersAsTyped: FormSubmission, customerID: UUID?, submittedByStaffID: UUID?, channel: ServiceChannel, submittedAt: Date,
                guestEmail: String? = nil, guestTokenDigest: String? = nil) {
        self.guestEmail = guestEmail
        self.guestTokenDigest = guestTokenDigest
        self.id = id
        self.councilID = councilID
        self.serviceID = serviceID
        self.formVersion = formVersion
        self.answers = answers
        self.answersAsTyped = answersAsTyped
        self.customerID = customerID
        self.submittedByStaffID = submittedByStaffID
        self.channel = channel
        self.submittedAt = submittedAt
    }
}

/// A file sent with a form (a photo of the fly-tipping, a letter), without its bytes.
public struct Attachment: Hashable, Sendable {
    public var id: UUID
    public var councilID: UUID
    public var fieldID: String
    public var fileName: String
    public var contentType: String
    public var byteCount: Int
    /// Hex SHA-256 of the content: lets a back-office system check what it fetched.
    public var sha256: String

    public init(id: UUID, councilID: UUID, fieldID: String, fileName: String, contentType: String, byteCount: Int, sha256: String) {
        self.id = id
        self.councilID = councilID
        self.fieldID = fieldID
        self.fileName = fileName
        self.contentType = contentType
        self.byteCount = byteCount
        self.sha256 = sha256
    }
}
