import Foundation

/// One stage of a complaint: when it was asked for, acknowledged and answered, by whom, any
/// extension, and how it ended.
public struct ComplaintStage: Sendable, Equatable {
    public enum Outcome: String, CaseIterable, Sendable, Codable {
        case upheld
        case partlyUpheld = "partly-upheld"
        case notUpheld = "not-upheld"

        public var displayName: String {
            switch self {
            case .upheld: "Upheld"
            case .partlyUpheld: "Partly upheld"
            case .notUpheld: "Not upheld"
            }
        }
    }

    public enum Remedy: String, CaseIterable, Sendable, Codable {
        case apology
        case action
        case financial

        public var displayName: String {
            switch self {
            case .apology: "Apology"
            case .action: "Action to put things right"
            case .financial: "Financial remedy"
            }
        }
    }

    public struct Extension: Sendable, Equatable {
        public var workingDays: Int
        public var reason: String
        public var residentToldOn: LocalDate

        public init(workingDays: Int, reason: String, residentToldOn: LocalDate) {
            self.workingDays = workingDays
            self.reason = reason
            self.residentToldOn = residentToldOn
        }
    }

    public struct Response: Sendable, Equatable {
        public var respondedOn: LocalDate
        public var outcome: Outcome
        public var remedies: Set<Remedy>
        /// Pence, when a financial remedy was offered.
        public var financialRemedyPence: Int?
        public var rootCause: String
        public var text: String

        public init(respondedOn: LocalDate, outcome: Outcome, remedies: Set<Remedy>, financialRemedyPence: Int? = nil, rootCause: String, text: String) {
            self.respondedOn = respondedOn
            self.outcome = outcome
            self.remedies = remedies
            self.financialRemedyPence = financialRemedyPence
            self.rootCause = rootCause
            self.text = text
        }
    }

    /// 1 for the first stage.
    public var number: Int
    /// The working day the stage counts from (the complaint's, or the escalation's, receipt).
    public var requestedOn: LocalDate
    public var reason: String
    public var acknowledgedOn: LocalDate?
    public var officerID: UUID?
    public var extended: Extension?
    public var response: Response?

    public init(number: Int, requestedOn: LocalDate, reason: String = "", acknowledgedOn: LocalDate? = nil, officerID: UUID? = nil,
                extended: Extension? = nil, response: Response? = nil) {
        self.number = number
        self.requestedOn = requestedOn
        self.reason = reason
        self.acknowledgedOn = acknowledgedOn
        self.officerID = officerID
        self.extended = extended
        self.response = response
    }
}
